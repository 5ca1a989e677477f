package weblink

import "testing"

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{
		"https://city.example/news/1": true,
		"http://city.example":         true,
		"ftp://city.example/file":     false,
		"/news/1":                     false,
		"https://":                    false,
		"https://city.example/a b":    false,
		"javascript:alert(1)":         false,
		"":                            false,
	} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}
