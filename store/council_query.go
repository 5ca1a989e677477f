package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/transparentcities/nazar/council"
)

const deputyColumns = `d.id, d.uid, d.voting_id, d.full_name, d.party, d.faction, d.faction_post, d.commission,
	d.commission_post, d.district, d.reception, d.mandate_from, d.mandate_until,
	coalesce(s.events, 0), coalesce(s.days, 0), coalesce(s.n_for, 0), coalesce(s.n_against, 0),
	coalesce(s.n_abstain, 0), coalesce(s.n_not_voting, 0), coalesce(s.present_days, 0),
	coalesce(s.line_events, 0), coalesce(s.deviations, 0)
	FROM council_deputies d LEFT JOIN council_stats s ON s.deputy = d.id`

// scanDeputy reads a deputy and the id of their faction in the deputies
// list (the caller names it).
func scanDeputy(row interface{ Scan(...any) error }) (d council.Deputy, factionID int64, err error) {
	err = row.Scan(&d.ID, &d.UID, &d.VotingID, &d.FullName, &d.Party, &factionID, &d.FactionPost, &d.Commission,
		&d.CommissionPost, &d.District, &d.Reception, &d.Mandate.From, &d.Mandate.Until, &d.Events, &d.Days,
		&d.Counts[council.For], &d.Counts[council.Against], &d.Counts[council.Abstain], &d.Counts[council.NotVoting],
		&d.PresentDays, &d.LineEvents, &d.Deviations)
	d.Counts[council.Absent] = d.Events - d.Counts[council.For] - d.Counts[council.Against] -
		d.Counts[council.Abstain] - d.Counts[council.NotVoting]
	return d, factionID, err
}

// Deputy returns one deputy's card: details, figures, faction of today and
// the number of drafts they tabled.
func (s *Store) Deputy(ctx context.Context, id int64, today time.Time) (council.Deputy, bool, error) {
	d, factionID, err := scanDeputy(s.db.QueryRowContext(ctx, `SELECT `+deputyColumns+` WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return council.Deputy{}, false, nil
	}
	if err != nil {
		return council.Deputy{}, false, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_motions WHERE author = ?`, d.VotingID).
		Scan(&d.Authored); err != nil {
		return d, true, err
	}
	return d, true, s.deputyFactions(ctx, &d, factionID, council.DayOf(today))
}

// deputyFactions names the deputy's faction of the day (dated memberships
// win over the deputies list) and the earlier ones.
func (s *Store) deputyFactions(ctx context.Context, d *council.Deputy, factionID int64, today council.Day) error {
	names, err := s.factionNames(ctx)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT faction, post, day_from, day_until FROM council_memberships
		WHERE deputy = ? AND kind = 'faction' ORDER BY day_from`, d.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	day := min(today, d.Mandate.Until)
	d.Faction = names[factionID]
	dated := false
	var current, post string
	for rows.Next() {
		var f int64
		var p string
		var span council.Span
		if err := rows.Scan(&f, &p, &span.From, &span.Until); err != nil {
			return err
		}
		dated = true
		switch {
		case span.Covers(day):
			current, post = names[f], p
		case span.Until < day:
			d.FactionHistory = append(d.FactionHistory, names[f])
		}
	}
	if dated { // the dated memberships are the whole story: no cover means no faction
		d.Faction, d.FactionPost = current, post
	}
	return rows.Err()
}

// factionNames maps faction ids to names; 0 (no faction) maps to "".
func (s *Store) factionNames(ctx context.Context) (map[int64]string, error) {
	names := map[int64]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM council_factions`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		names[id] = n
	}
	return names, rows.Err()
}

// DeputyByUID finds a deputy by the id of the open data (deep links).
func (s *Store) DeputyByUID(ctx context.Context, uid string) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM council_deputies WHERE uid = ?`, uid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// sortBriefs orders deputies by name in the Ukrainian alphabet.
func sortBriefs(list []council.DeputyBrief) {
	council.SortByName(list, func(b council.DeputyBrief) string { return b.FullName })
}
