// Package kved is the Ukrainian classification of economic activities
// ДК 009:2010 (KVED-2010) at the levels the business directory browses: its
// 21 sections (A–U) and 88 divisions, with Ukrainian and English names,
// embedded so the bot needs no file to know them.
package kved

import (
	"fmt"
	"strconv"
	"strings"
)

// Section is one of the 21 letters A–U; it covers divisions From..To.
type Section struct {
	Code     string
	From, To int
	Uk, En   string
}

// Division is a two-digit division ("47").
type Division struct {
	Code   string
	Uk, En string
}

// Name is the section's name in lang ("uk" or "en").
func (s Section) Name(lang string) string { return pick(lang, s.Uk, s.En) }

// Name is the division's name in lang ("uk" or "en").
func (d Division) Name(lang string) string { return pick(lang, d.Uk, d.En) }

func pick(lang, uk, en string) string {
	if lang == "en" {
		return en
	}
	return uk
}

var byDivision = func() map[string]Division {
	m := make(map[string]Division, len(divisions))
	for _, d := range divisions {
		m[d.Code] = d
	}
	return m
}()

// Sections lists every section in classifier order.
func Sections() []Section { return append([]Section(nil), sections...) }

// SectionByCode finds a section by its letter.
func SectionByCode(code string) (Section, bool) {
	for _, s := range sections {
		if s.Code == code {
			return s, true
		}
	}
	return Section{}, false
}

// DivisionByCode finds a division by its two digits.
func DivisionByCode(code string) (Division, bool) {
	d, ok := byDivision[code]
	return d, ok
}

// Divisions lists the divisions of a section in code order.
func Divisions(section string) []Division {
	s, ok := SectionByCode(section)
	if !ok {
		return nil
	}
	var out []Division
	for _, d := range divisions {
		if n, _ := strconv.Atoi(d.Code); n >= s.From && n <= s.To {
			out = append(out, d)
		}
	}
	return out
}

// SectionOf returns the section a division belongs to.
func SectionOf(division string) (Section, bool) {
	if _, ok := byDivision[division]; !ok {
		return Section{}, false
	}
	n, _ := strconv.Atoi(division)
	for _, s := range sections {
		if n >= s.From && n <= s.To {
			return s, true
		}
	}
	return Section{}, false
}

// Code is a parsed activity code: its division and the code as written in
// the classifier ("47.73", "47.7" or "47").
type Code struct {
	Full     string
	Division string
	Section  string
}

// Parse checks an activity code: two digits of a division that exists,
// optionally followed by a group digit and a class digit ("47", "47.7",
// "47.73"). Groups and classes are checked for shape only: the directory
// browses by section and division, and the 600-odd classes are not embedded.
func Parse(s string) (Code, error) {
	s = strings.TrimSpace(s)
	div, rest, dotted := strings.Cut(s, ".")
	if len(div) != 2 || !digits(div) || (dotted && (len(rest) < 1 || len(rest) > 2 || !digits(rest))) {
		return Code{}, fmt.Errorf("%q is not a KVED code (e.g. 47.73)", s)
	}
	sec, ok := SectionOf(div)
	if !ok {
		return Code{}, fmt.Errorf("%q: division %s is not in KVED-2010 (ДК 009:2010)", s, div)
	}
	return Code{Full: s, Division: div, Section: sec.Code}, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
