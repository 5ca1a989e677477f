package council

import "strings"

// Kinds of vote event: which vote of an agenda item an event is. Only a
// final vote decides an item; an item without one is a draft under review.
const (
	KindFinal      = 0 // «в цілому», «за основу і в цілому», or the single vote of an item
	KindFirst      = 1 // «за основу»: the first reading
	KindAmendment  = 2 // a vote on an amendment
	KindProcedural = 3 // procedural, «з голосу»
)

// KindOf classifies a vote event by its classification and title as the
// open data writes them («За основу», «В цілому», «Процедурне», «З голосу»,
// an empty classification with the title «За поправку …»).
func KindOf(classification, title string) int {
	c := strings.ToLower(strings.Join(strings.Fields(classification), " "))
	t := strings.ToLower(strings.TrimSpace(title))
	switch {
	case strings.Contains(c, "поправ") || strings.HasPrefix(t, "за поправку") || strings.HasPrefix(t, "поправка"):
		return KindAmendment
	case strings.Contains(c, "процедур") || strings.Contains(c, "з голосу"):
		return KindProcedural
	case c == "за основу":
		return KindFirst
	}
	return KindFinal
}

// IsAmendment reports whether an agenda item's classification makes it an
// amendment rather than a draft decision.
func IsAmendment(classification string) bool {
	return strings.Contains(strings.ToLower(classification), "поправ")
}

// Adopted reads a vote event's result: «Прийнято» (any case, also «рішення
// прийнято») is adopted; «Не прийнято», «Відхилено» and anything else is not.
func Adopted(result string) bool {
	r := strings.ToLower(strings.Join(strings.Fields(result), " "))
	if strings.Contains(r, "не прийн") || strings.Contains(r, "not adopted") {
		return false
	}
	return strings.Contains(r, "прийнят") || r == "adopted"
}
