package demo

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// reference is the day of the demo council's last session: the dated demo
// files (council, digest items) are written around it.
var reference = time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)

// datedFiles are the demo files whose dates move with the clock, so the
// council's last session and the digest items always fall inside the first
// digest's window (the last 7 days) whenever the demo is loaded.
var datedFiles = []string{
	"council/convocations.csv", "council/sessions.csv", "council/motions.csv", "council/voteEvents.csv",
	"council/memberships.csv", "council/deputies.csv", "digest/digest_items.csv",
}

// shiftDays is how far the demo's dates move so that the last session falls
// 1–7 days before now: whole weeks, so that sessions keep their weekday.
func shiftDays(now time.Time) int {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	days := int(today.AddDate(0, 0, -1).Sub(reference).Hours() / 24)
	weeks := days / 7
	if days < 0 && days%7 != 0 {
		weeks-- // round towards the past, so the session is never in the future
	}
	return weeks * 7
}

var (
	isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	dmyDate = regexp.MustCompile(`\d{2}\.\d{2}\.\d{4}`)
)

// shiftText moves every ISO (2026-11-19) and Ukrainian (19.11.2026) date in
// text by days.
func shiftText(text string, days int) string {
	text = isoDate.ReplaceAllStringFunc(text, func(s string) string {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return s
		}
		return t.AddDate(0, 0, days).Format("2006-01-02")
	})
	return dmyDate.ReplaceAllStringFunc(text, func(s string) string {
		t, err := time.Parse("02.01.2006", s)
		if err != nil {
			return s
		}
		return t.AddDate(0, 0, days).Format("02.01.2006")
	})
}

// shiftFiles rewrites the dated files under dir by days.
func shiftFiles(dir string, days int) error {
	if days == 0 {
		return nil
	}
	for _, name := range datedFiles {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(shiftText(string(b), days)), 0o600); err != nil {
			return err
		}
	}
	return nil
}
