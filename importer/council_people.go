package importer

import (
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/csvin"
)

func (p *councilParser) convocations(f *csvin.File) {
	if p.errs.Add(f.Require("uid")) {
		return
	}
	f.Known("uid", "label", "datefrom", "dateuntil", "authorityname", "authorityid", "catuttc")
	uids := map[string]bool{}
	p.each(f, func(row csvin.Row) error {
		c := council.ConvocationRow{UID: row.Get("uid"), Label: row.Get("label"), Authority: row.Get("authorityname")}
		switch {
		case c.UID == "":
			return row.Errorf("uid", "is empty")
		case uids[c.UID]:
			return row.Errorf("uid", "convocation %q is listed twice", c.UID)
		}
		uids[c.UID] = true
		var err error
		c.Span, err = span(row, "datefrom", "dateuntil")
		p.data.Convocations = append(p.data.Convocations, c)
		return err
	})
}

func (p *councilParser) sessions(f *csvin.File) {
	if p.errs.Add(f.Require("uid", "datefrom")) {
		return
	}
	f.Known("uid", "label", "convocationuid", "datefrom", "dateuntil")
	p.each(f, func(row csvin.Row) error {
		s := council.SessionRow{UID: row.Get("uid"), Label: row.Get("label"), Convocation: row.Get("convocationuid")}
		switch {
		case s.UID == "":
			return row.Errorf("uid", "is empty")
		case p.sessionSet[s.UID]:
			return row.Errorf("uid", "session %q is listed twice", s.UID)
		case row.Get("datefrom") == "":
			return row.Errorf("datefrom", "is empty")
		}
		var err error
		if s.Span, err = span(row, "datefrom", "dateuntil"); err != nil {
			return err
		}
		if row.Get("dateuntil") == "" {
			s.Span.Until = s.Span.From
		}
		if s.Label == "" {
			s.Label = s.UID
		}
		p.sessionSet[s.UID] = true
		p.data.Sessions = append(p.data.Sessions, s)
		return nil
	})
}

var deputyColumns = []string{"id", "votingidentifier", "familyname", "name", "additionalname", "fullname",
	"partyname", "factionname", "factionpost", "commissionname", "commissionpost", "district", "constituency",
	"receptionhours", "reception", "image", "mandatefrom", "mandateuntil"}

func (p *councilParser) deputies(f *csvin.File) {
	if p.errs.Add(f.Require("id")) {
		return
	}
	f.Known(deputyColumns...)
	uids := map[string]bool{}
	p.each(f, func(row csvin.Row) error {
		d := council.DeputyRow{UID: row.Get("id"), VotingID: row.Get("votingidentifier"), FullName: fullName(row),
			Party: row.Get("partyname"), Faction: row.Get("factionname"), FactionPost: row.Get("factionpost"),
			Commission: row.Get("commissionname"), CommissionPost: row.Get("commissionpost"),
			District: first(row, "district", "constituency"), Reception: first(row, "receptionhours", "reception"),
			Image: row.Get("image")}
		if d.VotingID == "" {
			d.VotingID = d.UID
		}
		switch {
		case d.UID == "":
			return row.Errorf("id", "is empty")
		case uids[d.UID]:
			return row.Errorf("id", "deputy %q is listed twice", d.UID)
		case p.voters[d.VotingID]:
			return row.Errorf("votingidentifier", "%q is used by two deputies", d.VotingID)
		case d.FullName == "":
			return row.Errorf("familyname", "the deputy has no name")
		}
		var err error
		if d.Mandate, err = span(row, "mandatefrom", "mandateuntil"); err != nil {
			return err
		}
		uids[d.UID], p.voters[d.VotingID] = true, true
		p.data.Deputies = append(p.data.Deputies, d)
		return nil
	})
}

// fullName joins family name, name and patronymic; registers that put the
// whole name into one column are read too.
func fullName(row csvin.Row) string {
	if n := row.Get("fullname"); n != "" {
		return strings.Join(strings.Fields(n), " ")
	}
	return strings.Join(strings.Fields(row.Get("familyname")+" "+row.Get("name")+" "+row.Get("additionalname")), " ")
}

func first(row csvin.Row, cols ...string) string {
	for _, c := range cols {
		if v := row.Get(c); v != "" {
			return v
		}
	}
	return ""
}

var membershipKinds = map[string]string{
	"faction": "faction", "фракція": "faction", "commission": "commission", "комісія": "commission",
	"party": "party", "партія": "party",
}

func (p *councilParser) memberships(f *csvin.File) {
	if p.errs.Add(f.Require("votingidentifier", "kind", "name")) {
		return
	}
	f.Known("votingidentifier", "kind", "name", "post", "from", "until")
	seen := map[[4]string]int{} // voter, kind, name, from → line: the store's key of a membership
	p.each(f, func(row csvin.Row) error {
		voter := row.Get("votingidentifier")
		kind, ok := membershipKinds[strings.ToLower(row.Get("kind"))]
		switch {
		case !p.voters[voter] && !p.keys.Voters[voter]:
			return row.Errorf("votingidentifier", "no deputy has the voting identifier %q", voter)
		case !ok:
			return row.Errorf("kind", "%q is not faction, commission or party", row.Get("kind"))
		case row.Get("name") == "":
			return row.Errorf("name", "is empty")
		}
		s, err := span(row, "from", "until")
		if err != nil {
			return err
		}
		m := council.MembershipRow{Kind: kind, Name: strings.Join(strings.Fields(row.Get("name")), " "),
			Post: row.Get("post"), Span: s}
		key := [4]string{voter, kind, m.Name, strconv.Itoa(int(s.From))}
		if first, dup := seen[key]; dup {
			return row.Errorf("name", "the deputy's %s membership of %q from the same day is listed twice (first on line %d)",
				kind, m.Name, first)
		}
		seen[key] = row.Line
		p.data.Memberships[voter] = append(p.data.Memberships[voter], m)
		return nil
	})
}
