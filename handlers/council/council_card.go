package council

import (
	"context"
	"strings"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// card is a deputy's card: details, figures with their counts, buttons.
func (c *Council) card(ctx context.Context, req *handlers.Request, id int64) (handlers.Reply, error) {
	l := req.L
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	following, err := c.Store.FollowsDeputy(ctx, req.UserID, id)
	if err != nil {
		return handlers.Reply{}, err
	}
	lines := append(deputyDetails(l, d), "")
	lines = append(lines, deputyFigures(l, d.Metrics())...)
	lines = append(lines, l.T("council_card_authored", map[string]any{"Count": d.Authored}), l.T("council_card_explain"))
	follow := DepNS.Button(l, "council_btn_follow", depFollow, handlers.Itoa(id))
	if following {
		follow = DepNS.Button(l, "council_btn_unfollow", depUnfollow, handlers.Itoa(id))
	}
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: [][]handlers.Button{
		{DepNS.Button(l, "council_btn_votes", depVotes, handlers.Itoa(id), "0"), DepNS.Button(l, "council_btn_drafts_of", depDrafts, handlers.Itoa(id), "0")},
		{DepNS.Button(l, "council_btn_compare", depCompare, handlers.Itoa(id)), follow},
		{DepNS.Button(l, "miniapp_btn_chart", depChart, handlers.Itoa(id))},
		{CnNS.Button(l, "council_btn_back", cnMenu)},
	}}, nil
}

// deputyDetails are the card's lines about who the deputy is.
func deputyDetails(l *locales.Localizer, d council.Deputy) []string {
	lines := []string{l.T("council_card_name", map[string]any{"Name": d.FullName})}
	if council.IsNonFaction(d.Faction) {
		lines = append(lines, l.T("council_card_no_faction"))
	} else {
		lines = append(lines, l.T("council_card_faction", map[string]any{"Faction": d.Faction, "Post": d.FactionPost}))
	}
	if len(d.FactionHistory) > 0 {
		var names []string
		for _, f := range d.FactionHistory {
			if council.IsNonFaction(f) {
				f = l.T("council_nonfaction_name")
			}
			names = append(names, f)
		}
		lines = append(lines, l.T("council_card_history", map[string]any{"Factions": strings.Join(names, ", ")}))
	}
	optional := []struct{ id, key, value, post string }{
		{"council_card_party", "Party", d.Party, ""},
		{"council_card_commission", "Commission", d.Commission, d.CommissionPost},
		{"council_card_district", "District", districtName(d.District), ""},
		{"council_card_reception", "Reception", d.Reception, ""},
	}
	for _, o := range optional {
		if o.value != "" {
			lines = append(lines, l.T(o.id, map[string]any{o.key: o.value, "Post": o.post}))
		}
	}
	if d.Mandate != council.Always {
		lines = append(lines, l.T("council_card_mandate", map[string]any{"From": dayOr(l, d.Mandate.From,
			council.FirstDay, "council_open_start"), "Until": dayOr(l, d.Mandate.Until, council.LastDay, "council_open_end")}))
	}
	return lines
}

// districtPrefixes are how open data often begins a district's name; the
// card's label says it already.
var districtPrefixes = []string{"виборчий округ", "округ", "electoral district", "district"}

// districtName drops a leading "Виборчий округ" from a district's name, so
// that the card reads "Виборчий округ: № 2", not "Виборчий округ: Виборчий
// округ № 2".
func districtName(s string) string {
	lower := strings.ToLower(s)
	for _, p := range districtPrefixes {
		if strings.HasPrefix(lower, p) {
			if rest := strings.Trim(s[len(p):], " :.,"); rest != "" {
				return rest
			}
		}
	}
	return s
}

func dayOr(l *locales.Localizer, d, open council.Day, openID string) string {
	if d == open {
		return l.T(openID)
	}
	return l.Date(d.Time())
}

// deputyFigures are the card's metrics, each with the counts behind it.
func deputyFigures(l *locales.Localizer, m council.Metrics) []string {
	lines := []string{
		l.T("council_card_attendance", map[string]any{"Ratio": ratio(l, m.Attendance)}),
		l.T("council_card_participation", map[string]any{"Ratio": ratio(l, m.Participation)}),
		l.T("council_card_counts", map[string]any{"For": m.Counts[council.For], "Against": m.Counts[council.Against],
			"Abstain": m.Counts[council.Abstain], "NotVoting": m.Counts[council.NotVoting],
			"Absent": m.Counts[council.Absent]}),
	}
	if m.Discipline.Den == 0 {
		return append(lines, l.T("council_card_discipline_none"))
	}
	return append(lines, l.T("council_card_discipline", map[string]any{"Ratio": ratio(l, m.Discipline),
		"Deviations": m.Deviations}))
}

// optionLabels name the options in messages, indexed by council.Option.
var optionLabels = [5]string{locales.ID("council_opt_for"), locales.ID("council_opt_against"),
	locales.ID("council_opt_abstain"), locales.ID("council_opt_not_voting"), locales.ID("council_opt_absent")}

func optionName(l *locales.Localizer, o council.Option) string {
	if o < 0 || int(o) >= len(optionLabels) {
		return "?"
	}
	return l.T(optionLabels[o])
}

func resultName(l *locales.Localizer, adopted bool) string {
	if adopted {
		return l.T("council_result_adopted")
	}
	return l.T("council_result_rejected")
}
