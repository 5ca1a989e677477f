package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/store"
)

var _ = register("council", importCouncil)

// councilFiles are the files of a council folder in the order they are
// read: later files refer to earlier ones. All are optional, but a folder
// must hold at least one.
var councilFiles = []struct {
	name  string
	parse func(p *councilParser, f *csvin.File)
}{
	{"convocations.csv", (*councilParser).convocations},
	{"sessions.csv", (*councilParser).sessions},
	{"deputies.csv", (*councilParser).deputies},
	{"memberships.csv", (*councilParser).memberships},
	{"motions.csv", (*councilParser).motions},
	{"voteevents.csv", (*councilParser).voteEvents},
	{"vote.csv", (*councilParser).votes},
	{"votings.csv", (*councilParser).votings},
}

// councilParser reads one council folder into store.CouncilData, checking
// every reference against this import and the database.
type councilParser struct {
	env      Env
	loc      *time.Location
	keys     store.CouncilKeys
	data     store.CouncilData
	errs     csvin.Errors
	sum      *Summary
	progress io.Writer

	voters     map[string]bool           // voting ids of this import
	sessionSet map[string]bool           // session uids of this import
	motionSet  map[string]*motionExtra   // motion uids of this import
	events     map[string]int            // event uid → index in data.Events
	counts     map[string]*eventCount    // event uid → its named list read so far
	last       *eventCount               // the event of the previous row: lists come event by event
	voterIndex map[string]uint64         // voting id → index, for ballots
	labels     map[string]council.Option // vote labels as written → option
	evLines    map[string]string         // event uid → "file:line" for reports
	// untitled are the lines of agenda items and vote events without a
	// title: real records have them (registrations, procedural votes);
	// they are imported, shown by number and date, and reported.
	untitled struct{ motions, events []int }

	early map[string]func() (*csvin.File, error) // files opened ahead of their turn, by name
}

func newCouncilParser(env Env, keys store.CouncilKeys, sum *Summary) *councilParser {
	return &councilParser{env: env, loc: env.Config.Location(), keys: keys, sum: sum, progress: env.Progress,
		voters: map[string]bool{}, sessionSet: map[string]bool{}, motionSet: map[string]*motionExtra{},
		events: map[string]int{}, counts: map[string]*eventCount{},
		voterIndex: map[string]uint64{}, labels: map[string]council.Option{},
		evLines: map[string]string{},
		data:    store.CouncilData{Memberships: map[string][]council.MembershipRow{}}}
}

// motionExtra is what the flat format takes from motions.csv to make the
// motion's single vote event.
type motionExtra struct {
	at       time.Time
	dated    bool
	result   string
	header   *[5]int
	untitled bool
}

// importCouncil is `nazar import council DIR` (SPEC §8).
func importCouncil(ctx context.Context, env Env, dir string) (Summary, error) {
	files, err := findCouncilFiles(dir)
	if err != nil {
		return Summary{}, err
	}
	keys, err := env.Store.CouncilKeys(ctx)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	p := newCouncilParser(env, keys, &sum)
	if path := files["vote.csv"]; path != "" {
		// Tens of megabytes to read and check while the smaller files are
		// parsed; it is parsed after them, as it refers to them.
		p.early = map[string]func() (*csvin.File, error){"vote.csv": openEarly(env, path)}
	}
	for _, cf := range councilFiles {
		if cf.name != "vote.csv" {
			p.parseFile(files, cf.name, cf.parse)
		}
	}
	if p.errs.Len() > 0 || files["vote.csv"] == "" {
		p.parseFile(files, "vote.csv", (*councilParser).votes)
		if err := p.errs.Err(); err != nil {
			return Summary{}, err
		}
		return sum, p.write(ctx, env, p.data)
	}
	// The named lists (a million rows in a large council) are read while the
	// store writes everything else; the store waits for them in its transaction.
	// They arrive on a channel (one value): the store runs none of this
	// package's code in its transaction.
	data := p.data
	done := make(chan struct{})
	late := make(chan store.LateVotes, 1)
	data.VotesLater = late
	go func() {
		defer close(done)
		p.parseFile(files, "vote.csv", (*councilParser).votes)
		if p.errs.Len() > 0 {
			late <- store.LateVotes{Err: errVoteFile}
			return
		}
		late <- store.LateVotes{Votes: p.data.Votes}
	}()
	err = p.write(ctx, env, data)
	<-done
	if perr := p.errs.Err(); perr != nil {
		return Summary{}, perr
	}
	return sum, err
}

// errVoteFile stops the store's transaction when vote.csv had errors; the
// errors themselves are reported.
var errVoteFile = errors.New("vote.csv has errors")

// parseFile reads one file of the folder, if it is there.
func (p *councilParser) parseFile(files map[string]string, name string, parse func(*councilParser, *csvin.File)) {
	path, ok := files[name]
	if !ok || p.errs.Len() >= csvin.MaxErrors {
		return
	}
	open := func() (*csvin.File, error) { return openFile(p.env, path) }
	if early, ok := p.early[name]; ok {
		open = early
	}
	f, err := open()
	if err != nil {
		p.errs.Add(err)
		return
	}
	// One allocation for a million votes (or twenty thousand events of
	// two hundred bytes each) instead of twenty copies.
	switch name {
	case "vote.csv", "votings.csv":
		p.data.Votes = slices.Grow(p.data.Votes, f.Lines())
	case "motions.csv":
		p.data.Motions = slices.Grow(p.data.Motions, f.Lines())
	case "voteevents.csv":
		p.data.Events = slices.Grow(p.data.Events, f.Lines())
	}
	parse(p, f)
	noteFile(f, p.sum)
}

// openEarly starts opening the file at path (see openFile) and returns
// the wait for it.
func openEarly(env Env, path string) func() (*csvin.File, error) {
	type opened struct {
		f   *csvin.File
		err error
	}
	done := make(chan opened, 1) // the opener never waits, whether or not the file is parsed
	go func() {
		f, err := openFile(env, path)
		done <- opened{f, err}
	}()
	return sync.OnceValues(func() (*csvin.File, error) {
		o := <-done
		return o.f, o.err
	})
}

// write hands the data to the store and adds the outcome to the summary.
func (p *councilParser) write(ctx context.Context, env Env, data store.CouncilData) error {
	res, err := env.Store.ImportCouncil(ctx, data)
	if err != nil {
		return err
	}
	p.summarise(res)
	return nil
}

// findCouncilFiles maps the lower-cased names of the known files in dir to
// their paths, so that "voteEvents.csv" and "VOTE.CSV" are both found.
func findCouncilFiles(dir string) (map[string]string, error) {
	// Checked before opening: opening a named pipe waits for a writer.
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("council: %s is not a folder (PATH is a folder of annex-29/30 CSV files)", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("council: %w (PATH is a folder of annex-29/30 CSV files)", err)
	}
	known := map[string]bool{}
	for _, cf := range councilFiles {
		known[cf.name] = true
	}
	files := map[string]string{}
	for _, e := range entries {
		if name := strings.ToLower(e.Name()); known[name] {
			files[name] = filepath.Join(dir, e.Name())
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("council: %s has none of deputies.csv, sessions.csv, motions.csv, voteEvents.csv, "+
			"vote.csv, votings.csv", dir)
	}
	return files, nil
}

// each runs fn on every row of f until the end or too many errors.
func (p *councilParser) each(f *csvin.File, fn func(row csvin.Row) error) {
	for {
		row, ok, err := f.Next()
		if err != nil {
			p.errs.Add(err)
			return
		}
		if !ok || p.errs.Add(fn(row)) {
			return
		}
	}
}

// summarise reports the counts and, where the published header counts of
// an event disagree with its named list, both (the named list is used).
func (p *councilParser) summarise(res store.CouncilImportResult) {
	p.sum.Rows = res.Deputies + res.Sessions + res.Motions + res.Events + res.Votes
	p.sum.Addf("%s, %s, %s, %s (%d new), %s (%d new)", Count(res.Deputies, "deputy", "deputies"),
		Count(res.Sessions, "session", "sessions"), Count(res.Motions, "agenda item", "agenda items"),
		Count(res.Events, "vote event", "vote events"), res.NewEvents, Count(res.Votes, "vote", "votes"), res.NewVotes)
	for _, uid := range res.Mismatches {
		ev, c := p.data.Events[p.events[uid]], p.counts[uid]
		if c == nil || ev.Header == nil {
			continue
		}
		h, n := ev.Header, c.n
		p.sum.Addf("%s: event %s: the header counts (for %d, against %d, abstain %d, not voting %d, absent %d) "+
			"disagree with the named list (%d, %d, %d, %d, %d); the named list is used",
			p.evLines[uid], uid, h[0], h[1], h[2], h[3], h[4], n[0], n[1], n[2], n[3], n[4])
	}
	p.untitledWarnings()
	if res.OutsideMandate > 0 {
		p.sum.Addf("%s dated outside the deputy's mandate and not counted",
			Count(res.OutsideMandate, "vote is", "votes are"))
	}
	if res.Recomputed {
		p.sum.Addf("the faction roster changed: every faction line was recomputed")
	}
	if res.Pushes > 0 {
		p.sum.Addf("follow messages queued: %d", res.Pushes)
	}
}

// span reads a from/until pair of dates; empty ends are open.
func span(row csvin.Row, fromCol, untilCol string) (council.Span, error) {
	s := council.Always
	if v := row.Get(fromCol); v != "" {
		t, err := csvin.ParseDate(v)
		if err != nil {
			return s, row.Errorf(fromCol, "%v", err)
		}
		s.From = council.DayOf(t)
	}
	if v := row.Get(untilCol); v != "" {
		t, err := csvin.ParseDate(v)
		if err != nil {
			return s, row.Errorf(untilCol, "%v", err)
		}
		s.Until = council.DayOf(t)
	}
	if s.From > s.Until {
		return s, row.Errorf(untilCol, "ends before it begins")
	}
	return s, nil
}

// untitledWarnings reports the agenda items and vote events without a
// title, each kind on one line with the first few line numbers.
func (p *councilParser) untitledWarnings() {
	for _, w := range []struct {
		file, what string
		lines      []int
	}{{"motions.csv", "agenda items", p.untitled.motions}, {"voteEvents.csv", "vote events", p.untitled.events}} {
		if len(w.lines) == 0 {
			continue
		}
		shown := make([]string, 0, 5)
		for _, l := range w.lines[:min(len(w.lines), 5)] {
			shown = append(shown, strconv.Itoa(l))
		}
		if len(w.lines) > 5 {
			shown = append(shown, "…")
		}
		p.sum.Addf("warning: %s: %d %s have no title (lines %s); they are shown as \"Vote No. N of DATE\"",
			w.file, len(w.lines), w.what, strings.Join(shown, ", "))
	}
}
