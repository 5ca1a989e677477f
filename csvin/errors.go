package csvin

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a problem at one place of an import file.
type Error struct {
	File   string
	Line   int
	Column int    // 1-based field number; 0 when the problem is the whole row
	Col    string // the column's header name, when known
	Reason string
}

// Error formats as "file:line:column: reason".
func (e *Error) Error() string {
	where := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Column > 0 {
		where += fmt.Sprintf(":%d", e.Column)
	}
	if e.Col != "" {
		return fmt.Sprintf("%s: %s: %s", where, e.Col, e.Reason)
	}
	return where + ": " + e.Reason
}

// MaxErrors is how many problems an import reports before it stops looking.
const MaxErrors = 20

// Errors collects up to MaxErrors problems of one import.
type Errors struct {
	list  []error
	extra int
}

// Add records a problem (nil is ignored). It reports whether the import
// should stop looking for more.
func (e *Errors) Add(err error) (full bool) {
	if err == nil {
		return len(e.list) >= MaxErrors
	}
	if len(e.list) >= MaxErrors {
		e.extra++
		return true
	}
	e.list = append(e.list, err)
	return len(e.list) >= MaxErrors
}

// Len is the number of problems recorded.
func (e *Errors) Len() int { return len(e.list) + e.extra }

// Err returns nil or one error listing every problem on its own line.
func (e *Errors) Err() error {
	if len(e.list) == 0 {
		return nil
	}
	var b strings.Builder
	for i, err := range e.list {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(err.Error())
	}
	if e.extra > 0 {
		fmt.Fprintf(&b, "\n… and %d more problems", e.extra)
	}
	return errors.New(b.String())
}
