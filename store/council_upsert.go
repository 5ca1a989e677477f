package store

import (
	"sort"
	"strings"

	"github.com/transparentcities/nazar/council"
)

func (ci *councilImport) exec(q string, args ...any) error {
	_, err := ci.tx.ExecContext(ci.ctx, q, args...)
	return err
}

func (ci *councilImport) upsertConvocations() error {
	for _, c := range ci.data.Convocations {
		if err := ci.exec(`INSERT INTO council_convocations(uid, label, authority, day_from, day_until)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET label = excluded.label,
			authority = excluded.authority, day_from = excluded.day_from, day_until = excluded.day_until`,
			c.UID, c.Label, c.Authority, c.Span.From, c.Span.Until); err != nil {
			return err
		}
	}
	return nil
}

func (ci *councilImport) upsertSessions() error {
	for _, x := range ci.data.Sessions {
		if err := ci.exec(`INSERT INTO council_sessions(uid, label, convocation, day_from, day_until)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET label = excluded.label,
			convocation = excluded.convocation, day_from = excluded.day_from, day_until = excluded.day_until`,
			x.UID, x.Label, x.Convocation, x.Span.From, x.Span.Until); err != nil {
			return err
		}
	}
	ci.res.Sessions = len(ci.data.Sessions)
	ci.sessions = map[string]int64{}
	return ci.scanPairs(`SELECT uid, id FROM council_sessions`, ci.sessions)
}

func (ci *councilImport) scanPairs(q string, into map[string]int64) error {
	rows, err := ci.tx.QueryContext(ci.ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v int64
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		into[k] = v
	}
	return rows.Err()
}

func (ci *councilImport) loadFactions() error {
	ci.factions = map[string]int64{}
	return ci.scanPairs(`SELECT name, id FROM council_factions`, ci.factions)
}

// faction returns the id of a faction name, creating it; 0 for «Позафракційний».
func (ci *councilImport) faction(name string) (int64, error) {
	name = strings.Join(strings.Fields(name), " ")
	if council.IsNonFaction(name) {
		return council.NoFaction, nil
	}
	if id, ok := ci.factions[name]; ok {
		return id, nil
	}
	var id int64
	err := ci.tx.QueryRowContext(ci.ctx, `INSERT INTO council_factions(name) VALUES (?) RETURNING id`, name).Scan(&id)
	ci.factions[name] = id
	return id, err
}

func (ci *councilImport) upsertDeputies() error {
	for _, d := range ci.data.Deputies {
		f, err := ci.faction(d.Faction)
		if err != nil {
			return err
		}
		if err := ci.exec(`INSERT INTO council_deputies(uid, voting_id, full_name, name_key, party, faction,
			faction_post, commission, commission_post, district, reception, image, mandate_from, mandate_until)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET
			voting_id = excluded.voting_id, full_name = excluded.full_name, name_key = excluded.name_key,
			party = excluded.party, faction = excluded.faction, faction_post = excluded.faction_post,
			commission = excluded.commission, commission_post = excluded.commission_post,
			district = excluded.district, reception = excluded.reception, image = excluded.image,
			mandate_from = excluded.mandate_from, mandate_until = excluded.mandate_until`,
			d.UID, d.VotingID, d.FullName, council.NameKey(d.FullName), d.Party, f, d.FactionPost, d.Commission,
			d.CommissionPost, d.District, d.Reception, d.Image, d.Mandate.From, d.Mandate.Until); err != nil {
			return err
		}
	}
	ci.res.Deputies = len(ci.data.Deputies)
	ci.voters = map[string]int64{}
	return ci.scanPairs(`SELECT voting_id, id FROM council_deputies`, ci.voters)
}

// replaceMemberships swaps the dated memberships of every deputy listed
// in memberships.csv for the new ones.
func (ci *councilImport) replaceMemberships() error {
	voters := make([]string, 0, len(ci.data.Memberships))
	for v := range ci.data.Memberships {
		voters = append(voters, v)
	}
	sort.Strings(voters)
	for _, v := range voters {
		id := ci.voters[v]
		if err := ci.exec(`DELETE FROM council_memberships WHERE deputy = ?`, id); err != nil {
			return err
		}
		for _, m := range ci.data.Memberships[v] {
			var f int64
			if m.Kind == "faction" {
				var err error
				if f, err = ci.faction(m.Name); err != nil {
					return err
				}
			}
			if err := ci.exec(`INSERT INTO council_memberships(deputy, kind, name, faction, post, day_from, day_until)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET faction = excluded.faction, post = excluded.post,
				day_until = excluded.day_until`, id, m.Kind, m.Name, f, m.Post, m.Span.From, m.Span.Until); err != nil {
				return err
			}
		}
	}
	return nil
}

var motionUpsert = bulk{into: `council_motions(uid, session, author, title, title_key, number, classification,
	amendment, day, sources)`, row: plainRow(10), cols: 10, tail: ` ON CONFLICT(uid) DO UPDATE SET
	session = excluded.session, author = excluded.author, title = excluded.title, title_key = excluded.title_key,
	number = excluded.number, classification = excluded.classification, amendment = excluded.amendment,
	day = excluded.day, sources = excluded.sources`}

func (ci *councilImport) upsertMotions() error {
	err := insertBatched(ci, motionUpsert, len(ci.data.Motions), func(i int, args []any) []any {
		m := ci.data.Motions[i]
		var day any
		if m.Day >= 0 {
			day = int64(m.Day)
		}
		return append(args, m.UID, ci.sessions[m.Session], m.Author, m.Title, council.NameKey(m.Title),
			m.Number, m.Classification, council.IsAmendment(m.Classification), day, m.Sources)
	})
	if err != nil {
		return err
	}
	ci.res.Motions = len(ci.data.Motions)
	ci.motions = map[string]motionRef{}
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT uid, id, session FROM council_motions`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var uid string
		var m motionRef
		if err := rows.Scan(&uid, &m.id, &m.session); err != nil {
			return err
		}
		ci.motions[uid] = m
	}
	return rows.Err()
}
