package store

import (
	"context"
	"time"

	"github.com/transparentcities/nazar/council"
)

// Factions lists the factions with members and cohesion, by name.
func (s *Store) Factions(ctx context.Context, today time.Time) ([]council.Faction, error) {
	members, err := s.currentMembers(ctx, council.DayOf(today))
	if err != nil {
		return nil, err
	}
	// council_faction_stats is council_lines summed by the import (migration 0020).
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.name, coalesce(s.line_events, 0), coalesce(s.lined, 0)
		FROM council_factions f LEFT JOIN council_faction_stats s ON s.faction = f.id ORDER BY f.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []council.Faction
	for rows.Next() {
		var f council.Faction
		if err := rows.Scan(&f.ID, &f.Name, &f.Cohesion.Den, &f.Cohesion.Num); err != nil {
			return nil, err
		}
		f.Members = members[f.ID]
		if len(f.Members) > 0 || f.Cohesion.Den > 0 {
			out = append(out, f)
		}
	}
	council.SortByName(out, func(f council.Faction) string { return f.Name })
	return out, rows.Err()
}

// FactionDetail returns one faction with its deviators.
func (s *Store) FactionDetail(ctx context.Context, id int64, today time.Time) (council.Faction, bool, error) {
	all, err := s.Factions(ctx, today)
	if err != nil {
		return council.Faction{}, false, err
	}
	for _, f := range all {
		if f.ID != id {
			continue
		}
		f.Deviators, err = s.deviators(ctx, id)
		return f, true, err
	}
	return council.Faction{}, false, nil
}

// deviators counts, for everyone who was ever a member, their rows with a
// line while in the faction (read deputy by deputy through the key).
func (s *Store) deviators(ctx context.Context, faction int64) ([]council.Deviator, error) {
	roster, _, err := s.councilRoster(ctx, s.db)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.full_name, v.day, v.dev
		FROM council_deputies d JOIN council_votes v ON v.deputy = d.id AND v.dev IS NOT NULL
		WHERE d.id IN (SELECT id FROM council_deputies WHERE faction = ?1
			UNION SELECT deputy FROM council_memberships WHERE kind = 'faction' AND faction = ?1)`, faction)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byDeputy := map[int64]*council.Deviator{}
	for rows.Next() {
		var d council.Deviator
		var day council.Day
		var dev int
		if err := rows.Scan(&d.ID, &d.FullName, &day, &dev); err != nil {
			return nil, err
		}
		if roster.FactionAt(d.ID, day) != faction {
			continue
		}
		if byDeputy[d.ID] == nil {
			byDeputy[d.ID] = &d
		}
		byDeputy[d.ID].LineEvents++
		byDeputy[d.ID].Deviations += dev
	}
	var out []council.Deviator
	for _, d := range byDeputy {
		if d.Deviations > 0 {
			out = append(out, *d)
		}
	}
	council.SortStableBy(out, func(d council.Deviator) string { return d.FullName },
		func(a, b council.Deviator) int { return b.Deviations - a.Deviations })
	return out, rows.Err()
}

// currentMembers groups deputies by their faction of today, or of the last
// day of their mandate when it ended earlier.
func (s *Store) currentMembers(ctx context.Context, today council.Day) (map[int64][]council.DeputyBrief, error) {
	roster, mandates, err := s.councilRoster(ctx, s.db)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, full_name FROM council_deputies ORDER BY full_name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]council.DeputyBrief{}
	for rows.Next() {
		var b council.DeputyBrief
		if err := rows.Scan(&b.ID, &b.FullName); err != nil {
			return nil, err
		}
		f := roster.FactionAt(b.ID, min(today, mandates[b.ID].Until))
		out[f] = append(out[f], b)
	}
	for _, list := range out {
		sortBriefs(list)
	}
	return out, rows.Err()
}

// CouncilDeputies returns every deputy with their figures, for the
// leaderboards (the faction is the one of the deputies list); read once per
// council import.
func (s *Store) CouncilDeputies(ctx context.Context) ([]council.Deputy, error) {
	return s.councilDeputies(ctx, s.loadCouncilDeputies)
}

func (s *Store) loadCouncilDeputies(ctx context.Context) ([]council.Deputy, error) {
	names, err := s.factionNames(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+deputyColumns+` ORDER BY d.full_name, d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []council.Deputy
	for rows.Next() {
		d, factionID, err := scanDeputy(rows)
		if err != nil {
			return nil, err
		}
		d.Faction = names[factionID]
		out = append(out, d)
	}
	council.SortByName(out, func(d council.Deputy) string { return d.FullName })
	return out, rows.Err()
}

// CouncilOverview summarises the council data.
func (s *Store) CouncilOverview(ctx context.Context) (council.Overview, error) {
	var o council.Overview
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM council_deputies),
		(SELECT count(*) FROM council_factions), (SELECT count(*) FROM council_sessions),
		(SELECT count(*) FROM council_events WHERE named > 0), (SELECT coalesce(sum(named), 0) FROM council_events),
		(SELECT coalesce(min(day), -1) FROM council_events WHERE named > 0),
		(SELECT coalesce(max(day), -1) FROM council_events WHERE named > 0)`).
		Scan(&o.Deputies, &o.Factions, &o.Sessions, &o.Events, &o.Votes, &o.First, &o.Last)
	return o, err
}
