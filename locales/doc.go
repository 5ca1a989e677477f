// Package locales holds Nazar's user-facing text and the language-specific
// formatting of numbers, money, percentages and dates.
//
// # Message files
//
// Messages live in TOML files embedded into the binary, one pair per
// feature: <feature>.uk.toml and <feature>.en.toml (core.uk.toml,
// poll.en.toml, ...). Every id must exist in both files of its pair; the
// tests fail otherwise, naming the id and the file.
//
// Ids are snake_case with no dots (start_greeting, menu_help) and must be
// unique across all features of a language; prefix them with the feature to
// keep them apart. Values are Go text/template strings with the default
// {{ }} delimiters and no extra functions; template data is the map passed
// to T or N, so a message reads {{.Name}}. Every language of a message must
// use the same data fields.
//
// A plain message is a top-level string:
//
//	menu_help = "Довідка"
//
// A plural message is a table of CLDR plural forms. Ukrainian needs one (1,
// 21, 101), few (2-4, 22), many (0, 5-20, 25) and other (fractions);
// English needs one and other. The Ukrainian "one" form must show
// {{.Count}}, because it is also used for 21, 31, 101:
//
//	[poll_votes]
//	one = "{{.Count}} голос"
//	few = "{{.Count}} голоси"
//	many = "{{.Count}} голосів"
//	other = "{{.Count}} голосу"
//
// In TOML every key after a [table] header belongs to that table, so put all
// plain messages first and plural tables last. A table may also carry a
// description key with a note for translators.
//
// # Using messages
//
// New(lang) returns a cached Localizer for a (normalized) language. T(id)
// renders a plain message and N(id, count, data) a plural one, with count
// available as {{.Count}}. Neither panics: an unknown id comes back as the id
// itself and is logged once, and an id missing in one language falls back to
// the Default (Ukrainian) text.
//
// The usage test parses the whole module and checks every literal id passed
// to .T("..."), .N("...") or locales.ID("...") against the message files.
// Ids kept in variables or tables must therefore be written through the ID
// marker, which returns its argument unchanged:
//
//	var menu = []string{locales.ID("menu_help"), locales.ID("menu_privacy")}
//
// Never build an id by concatenation; list the literal ids with ID instead.
//
// # Formatting
//
// Formatting does not use the host locale. Ukrainian groups digits with a
// no-break space (U+00A0) and uses a decimal comma and the U+2212 minus
// sign; English uses commas, a decimal point and "-". Money takes integer
// kopiykas: uk "1 234,50 грн", en "UAH 1,234.50"; negatives are
// "−1 234,50 грн" and "-UAH 1,234.50". Percent gives one decimal, uk
// "45,1 %", en "45.1%", and "—" for a zero denominator. Date and DateTime
// print t in its own location (convert to the city's zone first): uk
// "28.11.2026 10:00", en "28 Nov 2026, 10:00".
package locales
