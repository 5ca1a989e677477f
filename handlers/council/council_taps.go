package council

import (
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// Every deputy or decision a council list names opens with one tap: the
// lists carry a button per entry, so nobody has to retype a name in
// /deputy or find a decision again through its session.

// deputyTaps are buttons that open deputies' cards, two to a row; label
// names each.
func deputyTaps(ids []int64, label func(i int) string) [][]handlers.Button {
	var rows [][]handlers.Button
	for i, id := range ids {
		b := handlers.Button{Text: handlers.Short(label(i), 32), Data: DepNS.IDs(DepCard, id)}
		if i%2 == 0 {
			rows = append(rows, []handlers.Button{b})
		} else {
			rows[len(rows)-1] = append(rows[len(rows)-1], b)
		}
	}
	return rows
}

// memberTaps open the cards of a faction's members, then of former members
// who deviated from its line.
func memberTaps(f council.Faction) [][]handlers.Button {
	var ids []int64
	var names []string
	seen := map[int64]bool{}
	for _, m := range f.Members {
		ids, names, seen[m.ID] = append(ids, m.ID), append(names, m.FullName), true
	}
	for _, d := range f.Deviators {
		if !seen[d.ID] {
			ids, names, seen[d.ID] = append(ids, d.ID), append(names, d.FullName), true
		}
	}
	return deputyTaps(ids, func(i int) string { return "👤 " + names[i] })
}

// decisionTaps open each decision's final roll call.
func decisionTaps(l *locales.Localizer, list []council.Decision) [][]handlers.Button {
	rows := make([][]handlers.Button, len(list))
	for i, d := range list {
		rows[i] = []handlers.Button{{Text: handlers.Short("✅ "+numbered(l, d.Number, titleOr(l, d.Title, d.UID, d.Day)), 60),
			Data: CnNS.IDs(cnRollCall, d.Event)}}
	}
	return rows
}

// draftTaps open each draft's agenda item with its votes.
func draftTaps(l *locales.Localizer, list []council.Draft) [][]handlers.Button {
	rows := make([][]handlers.Button, len(list))
	for i, d := range list {
		rows[i] = []handlers.Button{{Text: handlers.Short("📝 "+numbered(l, d.Number, titleOr(l, d.Title, numberOr(d.Number, d.UID), d.Day)), 60),
			Data: CnNS.IDs(cnMotion, d.ID)}}
	}
	return rows
}

// numbered puts a decision's number before its title when it has one.
func numbered(l *locales.Localizer, number, title string) string {
	return l.T("council_item_tap", map[string]any{"Number": number, "Title": title})
}
