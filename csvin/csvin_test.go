package csvin

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBOMSemicolonAndCaseInsensitiveHeader(t *testing.T) {
	f, err := Parse("x.csv", []byte("\xef\xbb\xbfID;Name;Extra\n1;Аптека;z\n\n2;\"Кафе; бар\";\n"))
	require.NoError(t, err)
	require.NoError(t, f.Require("id", "name"))
	f.Known("id", "name")
	assert.Equal(t, []string{"Extra"}, f.Unknown)

	r, ok, err := f.Next()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "Аптека", r.Get("name"))
	assert.Equal(t, 2, r.Line)
	r, ok, err = f.Next()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "Кафе; бар", r.Get("name"))
	assert.Equal(t, 4, r.Line, "blank line skipped, numbering kept")
	assert.Equal(t, "x.csv:4:2: name: bad", r.Errorf("name", "bad").Error())
	_, ok, err = f.Next()
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestParseErrors(t *testing.T) {
	_, err := Parse("e.csv", nil)
	assert.EqualError(t, err, "e.csv:1: the file is empty: a header row is required")
	_, err = Parse("d.csv", []byte("id,ID\n"))
	assert.EqualError(t, err, `d.csv:1:2: column "ID" appears twice`)
	f, err := Parse("m.csv", []byte("id\n1\n"))
	require.NoError(t, err)
	assert.EqualError(t, f.Require("id", "name"), `m.csv:1: required column "name" is missing`)
	f, err = Parse("l.csv", []byte("a,b\n1,2,3\n"))
	require.NoError(t, err)
	_, _, err = f.Next()
	assert.EqualError(t, err, "l.csv:2:3: 3 fields, but the header has 2")
	f, err = Parse("q.csv", []byte("a\n\"open\n"))
	require.NoError(t, err)
	_, _, err = f.Next()
	assert.ErrorContains(t, err, "q.csv:2")
}

func TestErrorsCapsAtTwenty(t *testing.T) {
	var errs Errors
	assert.NoError(t, errs.Err())
	for i := 0; i < 25; i++ {
		errs.Add(&Error{File: "f", Line: i + 2, Reason: "bad"})
	}
	assert.Equal(t, 25, errs.Len())
	assert.Contains(t, errs.Err().Error(), "… and 5 more problems")
}

func TestParseDate(t *testing.T) {
	for _, ok := range []string{"2026-11-28", "28.11.2026", "1.2.1980"} {
		_, err := ParseDate(ok)
		assert.NoError(t, err, ok)
	}
	for _, bad := range []string{"31.02.1980", "2026/11/28", "", "28.11.26"} {
		_, err := ParseDate(bad)
		assert.Error(t, err, bad)
	}
}

func TestParseKopiykas(t *testing.T) {
	tests := map[string]int64{"1234.5": 123450, "1 234,50": 123450, "0,05": 5, "-10": -1000, "7": 700}
	for in, want := range tests {
		got, err := ParseKopiykas(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "1.234", "abc", "1,2,3", "12.3.4", "1e5"} {
		_, err := ParseKopiykas(bad)
		assert.Error(t, err, bad)
	}
}

// trimSpace must trim exactly as strings.TrimSpace: every rune up to the
// last white space (U+3000) and a sample beyond, and a few bytes that are
// not UTF-8, at either end of ASCII and Cyrillic values.
func TestTrimSpaceIsStringsTrimSpace(t *testing.T) {
	ends := []string{"\xc2", "\xe2\x80", "\x85", "\xa0", "\xff"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) && (r <= 0x3100 || r%97 == 0) {
			ends = append(ends, string(r))
		}
	}
	for _, end := range ends {
		for _, v := range []string{"x", "Не голосував", end} {
			for _, s := range []string{end + v, v + end, end + v + end} {
				if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
					t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
}
