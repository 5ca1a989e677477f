package config

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Problem is one broken rule: the dotted YAML key and what is wrong with it.
type Problem struct {
	Key     string
	Message string
}

// ValidationError lists every broken rule in struct order, so one run of
// the bot shows everything to fix at once.
type ValidationError struct {
	Problems []Problem
}

// Error returns one "key: message" line per problem.
func (e ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Key + ": " + p.Message
	}
	return strings.Join(lines, "\n")
}

// sectionValidator is implemented by every section struct; Validate finds
// sections by reflection so a new section only needs its own method.
type sectionValidator interface {
	validate(c checker)
}

// Validate checks every rule and returns nil or a ValidationError.
// An empty telegram.token is allowed here; see RequireToken.
func (c Config) Validate() error {
	var problems []Problem
	root := checker{problems: &problems}
	c.validate(root)
	v := reflect.ValueOf(c)
	for i := range v.NumField() {
		if s, ok := v.Field(i).Interface().(sectionValidator); ok {
			s.validate(root.in(yamlName(v.Type().Field(i))))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return ValidationError{Problems: problems}
}

// checker records problems under a key prefix ("telegram.").
type checker struct {
	prefix   string
	problems *[]Problem
}

func (c checker) in(section string) checker {
	return checker{prefix: c.prefix + section + ".", problems: c.problems}
}

func (c checker) add(key, format string, args ...any) {
	*c.problems = append(*c.problems, Problem{Key: c.prefix + key, Message: fmt.Sprintf(format, args...)})
}

func (c checker) oneOf(key, got string, allowed ...string) {
	for _, a := range allowed {
		if got == a {
			return
		}
	}
	c.add(key, "must be one of %s, got %q", strings.Join(allowed, ", "), got)
}

func (c checker) notEmpty(key, got string) {
	if strings.TrimSpace(got) == "" {
		c.add(key, "must not be empty")
	}
}

func (c checker) intRange(key string, got, lo, hi int) {
	if got < lo || got > hi {
		c.add(key, "must be between %d and %d, got %d", lo, hi, got)
	}
}

// floatRange is written so NaN fails too.
func (c checker) floatRange(key string, got, lo, hi float64) {
	if !(got >= lo && got <= hi) {
		c.add(key, "must be between %g and %g, got %g", lo, hi, got)
	}
}

func (c checker) durationRange(key string, got, lo, hi time.Duration) {
	if got < lo || got > hi {
		c.add(key, "must be between %s and %s, got %s", fmtDuration(lo), fmtDuration(hi), fmtDuration(got))
	}
}

func (c checker) durationMin(key string, got, lo time.Duration) {
	if got < lo {
		c.add(key, "must be at least %s, got %s", fmtDuration(lo), fmtDuration(got))
	}
}

// fmtDuration prints durations the way people write them in YAML:
// "24h" and "1m" rather than "24h0m0s" and "1m0s".
func fmtDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
