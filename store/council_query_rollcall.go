package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/transparentcities/nazar/council"
)

// RollCall returns a vote event and its roll call; found is false for an
// unknown event.
func (s *Store) RollCall(ctx context.Context, event int64) (council.RollCall, bool, error) {
	var rc council.RollCall
	e, err := scanEvent(s.db.QueryRowContext(ctx, `SELECT `+eventColumns+` WHERE e.id = ?`, event))
	if errors.Is(err, sql.ErrNoRows) {
		return rc, false, nil
	}
	if err != nil {
		return rc, false, err
	}
	rc.Event = e
	if rc.Factions, err = s.factionNames(ctx); err != nil {
		return rc, true, err
	}
	roster, mandates, err := s.councilRoster(ctx, s.db)
	if err != nil {
		return rc, true, err
	}
	if err := s.rollCallRows(ctx, &rc, roster); err != nil {
		return rc, true, err
	}
	if err := s.addMissing(ctx, &rc, roster, mandates); err != nil {
		return rc, true, err
	}
	rc.Lines = map[int64]council.Tally{}
	rows, err := s.db.QueryContext(ctx, `SELECT faction, present, support FROM council_lines WHERE event = ?`, event)
	if err != nil {
		return rc, true, err
	}
	defer rows.Close()
	for rows.Next() {
		var f int64
		var t council.Tally
		if err := rows.Scan(&f, &t.Present, &t.Support); err != nil {
			return rc, true, err
		}
		rc.Lines[f] = t
	}
	sortRollCall(rc)
	return rc, true, rows.Err()
}

func (s *Store) rollCallRows(ctx context.Context, rc *council.RollCall, roster *council.Roster) error {
	rows, err := s.db.QueryContext(ctx, `SELECT v.deputy, d.full_name, v.option, coalesce(v.dev, 0)
		FROM council_votes v JOIN council_deputies d ON d.id = v.deputy WHERE v.`+byEvent,
		rc.Event.Day, rc.Event.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var en council.RollCallEntry
		if err := rows.Scan(&en.Deputy, &en.Name, &en.Option, &en.Deviated); err != nil {
			return err
		}
		en.Faction = roster.FactionAt(en.Deputy, rc.Event.Day)
		rc.Entries = append(rc.Entries, en)
		rc.Counts[en.Option]++
	}
	return rows.Err()
}

// addMissing lists as absent the deputies whose mandate covers the day but
// who have no row in the named list.
func (s *Store) addMissing(ctx context.Context, rc *council.RollCall, roster *council.Roster,
	mandates map[int64]council.Span) error {
	listed := map[int64]bool{}
	for _, en := range rc.Entries {
		listed[en.Deputy] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, full_name FROM council_deputies`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var en council.RollCallEntry
		if err := rows.Scan(&en.Deputy, &en.Name); err != nil {
			return err
		}
		if listed[en.Deputy] || !mandates[en.Deputy].Covers(rc.Event.Day) {
			continue
		}
		en.Faction, en.Option, en.NoRecord = roster.FactionAt(en.Deputy, rc.Event.Day), council.Absent, true
		rc.Entries = append(rc.Entries, en)
		rc.Counts[council.Absent]++
	}
	return rows.Err()
}

func sortRollCall(rc council.RollCall) {
	sort.SliceStable(rc.Entries, func(i, j int) bool {
		a, b := rc.Entries[i], rc.Entries[j]
		if a.Faction != b.Faction {
			if a.Faction == 0 || b.Faction == 0 {
				return b.Faction == 0
			}
			return council.Less(rc.Factions[a.Faction], rc.Factions[b.Faction])
		}
		return council.Less(a.Name, b.Name)
	})
}

func decisionWhere(f council.DecisionFilter) (string, []any) {
	clause := []string{`e.kind = 0 AND e.adopted = 1`}
	var args []any
	if f.Session != 0 {
		clause, args = append(clause, `e.session = ?`), append(args, f.Session)
	}
	if match := titleMatch(f.Words); match != "" {
		clause = append(clause, `m.id IN (SELECT rowid FROM council_titles WHERE council_titles MATCH ?)`)
		args = append(args, match)
	}
	for _, w := range f.Words {
		clause = append(clause, `(instr(m.title_key, ?) > 0 OR instr(m.title_key, ?) > 0)`)
		args = append(args, w[0], w[1])
	}
	return strings.Join(clause, " AND "), args
}

// titleMatch is the trigram query (council_titles, migration 0020) that
// every title holding the words matches: each word or its Latin key, for
// every word of three letters or more. Shorter words have no trigram and are
// left to instr(), which still decides; "" when no word is long enough.
func titleMatch(words [][2]string) string {
	var groups []string
	for _, w := range words {
		if utf8.RuneCountInString(w[0]) < 3 || utf8.RuneCountInString(w[1]) < 3 {
			continue
		}
		groups = append(groups, `("`+strings.ReplaceAll(w[0], `"`, `""`)+`" OR "`+strings.ReplaceAll(w[1], `"`, `""`)+`")`)
	}
	return strings.Join(groups, " AND ")
}

// Decisions lists adopted decisions (result «Прийнято»), newest first.
func (s *Store) Decisions(ctx context.Context, f council.DecisionFilter, offset, limit int) ([]council.Decision, int, error) {
	where, args := decisionWhere(f)
	const from = ` FROM council_events e JOIN council_motions m ON m.id = e.motion
		LEFT JOIN council_sessions s ON s.id = e.session WHERE `
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.uid, e.day, m.number, m.title, coalesce(s.label, '')`+from+where+
		` ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []council.Decision
	for rows.Next() {
		var d council.Decision
		if err := rows.Scan(&d.Event, &d.UID, &d.Day, &d.Number, &d.Title, &d.Session); err != nil {
			return nil, 0, err
		}
		out = append(out, d)
	}
	return out, total, rows.Err()
}

// CouncilDecisionTitles lists the titles of decisions adopted in (from, to],
// oldest first, for the weekly digest's council summary. Items published
// without a title (procedural votes) tell a reader nothing and are left out.
func (s *Store) CouncilDecisionTitles(ctx context.Context, from, to time.Time) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.title FROM council_events e JOIN council_motions m ON m.id = e.motion
		WHERE e.kind = 0 AND e.adopted = 1 AND e.at > ? AND e.at <= ? AND m.title <> '' ORDER BY e.at, e.id`, unix(from), unix(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
