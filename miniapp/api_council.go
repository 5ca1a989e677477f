package miniapp

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
)

// CouncilSource is what the council dashboard needs from the store: the
// very queries the chat's deputy card, votes pages and roll calls use.
type CouncilSource interface {
	CouncilDeputies(ctx context.Context) ([]council.Deputy, error)
	Deputy(ctx context.Context, id int64, today time.Time) (council.Deputy, bool, error)
	DeputyVotes(ctx context.Context, deputy int64, offset, limit int) ([]council.DeputyVote, int, error)
	DeputyMonths(ctx context.Context, deputy int64, today time.Time) ([]council.MonthFigures, bool, error)
	RollCall(ctx context.Context, event int64) (council.RollCall, bool, error)
}

// deputyVotesShown is how many of a deputy's latest votes the page lists.
const deputyVotesShown = 200

// Ratio is a figure with the counts behind it, and the text the chat
// shows for it ("45,1% — 23 з 51"); Value is null when Den is 0.
type Ratio struct {
	Num   int      `json:"num"`
	Den   int      `json:"den"`
	Value *float64 `json:"value"`
	Text  string   `json:"text"`
}

func ratioOf(l *locales.Localizer, r council.Ratio) Ratio {
	out := Ratio{Num: r.Num, Den: r.Den,
		Text: l.T("council_ratio", map[string]any{"Percent": l.Percent(r.Num, r.Den), "Num": r.Num, "Den": r.Den})}
	if r.Den > 0 {
		v := float64(r.Num) / float64(r.Den)
		out.Value = &v
	}
	return out
}

// DeputyRow is a line of the deputies table.
type DeputyRow struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Faction       string `json:"faction"`
	Events        int    `json:"events"`
	Attendance    Ratio  `json:"attendance"`
	Participation Ratio  `json:"participation"`
	Discipline    Ratio  `json:"discipline"`
	Deviations    int    `json:"deviations"`
	Counts        [5]int `json:"counts"` // for, against, abstain, not voting, absent
}

func deputyRow(l *locales.Localizer, d council.Deputy) DeputyRow {
	m := d.Metrics() // the chat's card computes its figures with this very call
	return DeputyRow{ID: d.ID, Name: d.FullName, Faction: d.Faction, Events: m.Events,
		Attendance: ratioOf(l, m.Attendance), Participation: ratioOf(l, m.Participation),
		Discipline: ratioOf(l, m.Discipline), Deviations: m.Deviations, Counts: m.Counts}
}

// FactionRow is a faction's discipline: its members' votes on the line
// over their votes with a line.
type FactionRow struct {
	Name       string `json:"name"`
	Members    int    `json:"members"`
	Discipline Ratio  `json:"discipline"`
}

// deputies answers GET /app/api/council/deputies.
func (s *Server) deputies(_ http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error) {
	list, err := s.council.CouncilDeputies(r.Context())
	if err != nil {
		return nil, err
	}
	rows := make([]DeputyRow, 0, len(list))
	sums, members, order := map[string]council.Ratio{}, map[string]int{}, []string{}
	for _, d := range list {
		rows = append(rows, deputyRow(l, d))
		if d.Faction == "" {
			continue // non-faction deputies have no line (SPEC §5.1)
		}
		if _, seen := members[d.Faction]; !seen {
			order = append(order, d.Faction)
		}
		m := d.Metrics().Discipline
		sums[d.Faction] = council.Ratio{Num: sums[d.Faction].Num + m.Num, Den: sums[d.Faction].Den + m.Den}
		members[d.Faction]++
	}
	factions := make([]FactionRow, 0, len(order))
	for _, f := range order {
		factions = append(factions, FactionRow{Name: f, Members: members[f], Discipline: ratioOf(l, sums[f])})
	}
	return map[string]any{"deputies": rows, "factions": factions, "options": optionNames(l)}, nil
}

// optionLabels are the chat's names of the options, by council.Option.
var optionLabels = [5]string{locales.ID("council_opt_for"), locales.ID("council_opt_against"),
	locales.ID("council_opt_abstain"), locales.ID("council_opt_not_voting"), locales.ID("council_opt_absent")}

func optionNames(l *locales.Localizer) []string {
	out := make([]string, len(optionLabels))
	for i, id := range optionLabels {
		out[i] = l.T(id)
	}
	return out
}

// VoteRow is one of a deputy's votes.
type VoteRow struct {
	Event    int64  `json:"event"`
	Date     string `json:"date"`
	Title    string `json:"title"`
	Option   int    `json:"option"`
	Adopted  bool   `json:"adopted"`
	Deviated bool   `json:"deviated"`
}

// MonthRow is a month of a deputy's figures, with their faction's discipline.
type MonthRow struct {
	Month      string `json:"month"` // YYYY-MM
	Attendance Ratio  `json:"attendance"`
	Discipline Ratio  `json:"discipline"`
	Faction    Ratio  `json:"faction_discipline"`
}

// deputy answers GET /app/api/council/deputies/{id}: the card's figures,
// the months, and the latest votes.
func (s *Server) deputy(_ http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	now := s.opts.Now()
	d, found, err := s.council.Deputy(r.Context(), id, now)
	if err != nil || !found {
		return nil, firstErr(err, errNotFound)
	}
	months, _, err := s.council.DeputyMonths(r.Context(), id, now)
	if err != nil {
		return nil, err
	}
	votes, total, err := s.council.DeputyVotes(r.Context(), id, 0, deputyVotesShown)
	if err != nil {
		return nil, err
	}
	out := struct {
		DeputyRow
		Months     []MonthRow `json:"months"`
		Votes      []VoteRow  `json:"votes"`
		VotesTotal int        `json:"votes_total"`
		Options    []string   `json:"options"`
	}{DeputyRow: deputyRow(l, d), Months: []MonthRow{}, Votes: []VoteRow{}, VotesTotal: total, Options: optionNames(l)}
	for _, m := range months {
		out.Months = append(out.Months, MonthRow{Month: m.Month.Format("2006-01"), Attendance: ratioOf(l, m.Attendance),
			Discipline: ratioOf(l, m.Discipline), Faction: ratioOf(l, m.Reference)})
	}
	for _, v := range votes {
		out.Votes = append(out.Votes, VoteRow{Event: v.Event, Date: l.Date(v.At.In(s.opts.Location)), Title: v.Title,
			Option: int(v.Option), Adopted: v.Adopted, Deviated: v.Deviated})
	}
	return out, nil
}

// RollCallGroup is a faction's part of a roll call.
type RollCallGroup struct {
	Faction string          `json:"faction"`
	Entries []RollCallEntry `json:"entries"`
}

// RollCallEntry is one deputy's vote in a roll call.
type RollCallEntry struct {
	Deputy   int64  `json:"deputy"`
	Name     string `json:"name"`
	Option   int    `json:"option"`
	Deviated bool   `json:"deviated"`
}

// rollCall answers GET /app/api/council/events/{id}: the event and its
// named list grouped by faction, as the chat's roll call groups it.
func (s *Server) rollCall(_ http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	rc, found, err := s.council.RollCall(r.Context(), id)
	if err != nil || !found {
		return nil, firstErr(err, errNotFound)
	}
	groups := []RollCallGroup{}
	for i, e := range rc.Entries {
		if i == 0 || e.Faction != rc.Entries[i-1].Faction {
			name := rc.Factions[e.Faction]
			if e.Faction == 0 {
				name = l.T("council_nonfaction_name")
			}
			groups = append(groups, RollCallGroup{Faction: name})
		}
		g := &groups[len(groups)-1]
		g.Entries = append(g.Entries, RollCallEntry{Deputy: e.Deputy, Name: e.Name, Option: int(e.Option),
			Deviated: e.Deviated})
	}
	result := l.T("council_result_rejected")
	if rc.Event.Adopted {
		result = l.T("council_result_adopted")
	}
	return map[string]any{"id": rc.Event.ID, "title": rc.Event.Title, "date": l.DateTime(rc.Event.At.In(s.opts.Location)),
		"result": result, "adopted": rc.Event.Adopted, "counts": rc.Counts, "groups": groups,
		"options": optionNames(l)}, nil
}
