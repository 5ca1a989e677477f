package handlers

import (
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/locales"
)

// This file is the reply kit every feature shares: buttons of a callback
// namespace, the ◀ ▶ pager, editing in place and a yes/no confirmation.

// Namespace is a feature's callback namespace, the second field of its
// buttons' data ("cn" in "1|cn|dsl|12"). A is the feature's own action type
// (type councilAction string, with its constants declared once in the
// feature's *_feature.go): the buttons a feature makes and the switch that
// handles them use the same constants, so a misspelt action does not
// compile. The bytes on the wire are callback.Encode's, unchanged, so
// buttons in old messages keep working.
type Namespace[A ~string] string

// Data encodes a button's data; see callback.Encode.
func (n Namespace[A]) Data(a A, args ...string) string {
	return callback.Encode(string(n), string(a), args...)
}

// IDs encodes a button's data whose arguments are numeric ids.
func (n Namespace[A]) IDs(a A, ids ...int64) string {
	args := make([]string, len(ids))
	for i, id := range ids {
		args[i] = itoa(id)
	}
	return n.Data(a, args...)
}

// Fit encodes a button's data, or returns "" when it would not fit in
// callback.MaxLen bytes (arguments the user typed, such as search words).
func (n Namespace[A]) Fit(a A, args ...string) string {
	s := strings.Join(append([]string{callback.Version, string(n), string(a)}, args...), "|")
	if len(s) > callback.MaxLen {
		return ""
	}
	return n.Data(a, args...)
}

// Button is a button labelled with a message id.
func (n Namespace[A]) Button(l *locales.Localizer, label string, a A, args ...string) Button {
	return Button{Text: l.T(label), Data: n.Data(a, args...)}
}

// TextButton is a button labelled with text (a name, a title).
func (n Namespace[A]) TextButton(text string, a A, args ...string) Button {
	return Button{Text: text, Data: n.Data(a, args...)}
}

// Action is the action of a pressed button of this namespace.
func (n Namespace[A]) Action(d callback.Data) A { return A(d.Action) }

// Press is the decoded data of a press of this namespace's button, for
// running a feature's button handler from elsewhere (the typed questions).
func (n Namespace[A]) Press(a A, args ...string) callback.Data {
	return callback.Data{Feature: string(n), Action: string(a), Args: args}
}

// Pager is the ◀ ▶ row of a list shown size items per page; data returns
// the button data of a page ("" leaves that button out). An empty row
// means one page.
func Pager(l *locales.Localizer, page int64, total, size int, data func(page int64) string) []Button {
	var row []Button
	if page > 0 {
		if d := data(page - 1); d != "" {
			row = append(row, Button{Text: l.T("pager_prev"), Data: d})
		}
	}
	if int(page+1)*size < total {
		if d := data(page + 1); d != "" {
			row = append(row, Button{Text: l.T("pager_next"), Data: d})
		}
	}
	return row
}

// withRow appends row unless it is empty.
func withRow(rows [][]Button, row []Button) [][]Button {
	if len(row) == 0 {
		return rows
	}
	return append(rows, row)
}

// edit replaces the message whose button was pressed with r.
func edit(r Reply) Response {
	r.Edit = true
	return Response{Replies: []Reply{r}}
}

// confirm edits the pressed message into a question with a yes and a no
// button side by side.
func confirm(text string, yes, no Button) Response {
	return edit(Reply{Text: text, Buttons: [][]Button{{yes, no}}})
}

func argInt(d callback.Data, i int) int64 {
	n, err := strconv.ParseInt(d.Arg(i), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Pager is the ◀ ▶ row of a list of this namespace: a page's button is
// action a with args and the page number last.
func (n Namespace[A]) Pager(l *locales.Localizer, page int64, total, size int, a A, args ...string) []Button {
	return Pager(l, page, total, size, func(p int64) string {
		return n.Data(a, append(append([]string(nil), args...), itoa(p))...)
	})
}
