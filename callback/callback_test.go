package callback

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTrip(t *testing.T) {
	s := Encode("dep", "votes", "12", "3")
	assert.Equal(t, "1|dep|votes|12|3", s)
	d, err := Decode(s)
	require.NoError(t, err)
	assert.Equal(t, Data{Feature: "dep", Action: "votes", Args: []string{"12", "3"}}, d)
	assert.Equal(t, "3", d.Arg(1))
	assert.Equal(t, "", d.Arg(2))
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrMalformed},
		{"garbage", "hello", ErrMalformed},
		{"old version", "0|dep|votes|1", ErrStale},
		{"future version", "2|x|y", ErrStale},
		{"old version short", "0|dep", ErrStale},
		{"missing action", "1|dep", ErrMalformed},
		{"empty feature", "1||x", ErrMalformed},
		{"too long", "1|a|b|" + strings.Repeat("x", 70), ErrMalformed},
		{"letters as version", "v1|a|b", ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.in)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestEncodePanicsOnProgrammingErrors(t *testing.T) {
	assert.Panics(t, func() { Encode("a", "b", strings.Repeat("x", 64)) })
	assert.Panics(t, func() { Encode("a", "b", "x|y") })
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"1|dep|votes|12", "0|x|y", "", "|||", "1|a|b|c|d|e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decode(s)
		if err != nil {
			return
		}
		if len(s) > MaxLen || d.Feature == "" || d.Action == "" {
			t.Fatalf("accepted %q as %+v", s, d)
		}
		assert.Equal(t, s, Encode(d.Feature, d.Action, d.Args...))
	})
}
