package store

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/council"
)

func TestTalliesCountPerEventAndFaction(t *testing.T) {
	tl := newTallies([]voteRow{{event: 3}, {event: 1}})
	tl.add(3, 2, council.For)
	tl.add(3, 2, council.For)
	tl.add(3, 2, council.Against)
	tl.add(1, 5, council.Absent)
	tl.add(1, 1, council.For)
	tl.add(1, 1, council.Against)

	assert.Equal(t, council.Support, tl.line(3, 2))
	assert.Equal(t, council.Split, tl.line(1, 1))
	assert.Equal(t, council.NoLine, tl.line(1, 5), "nobody present")
	assert.Equal(t, council.NoLine, tl.line(3, 9), "a faction never counted")
	assert.Equal(t, council.NoLine, tl.line(2, 1), "an event never counted")

	var got []string
	tl.each(func(event, faction int32, t council.Tally) {
		got = append(got, fmtLine(event, faction, t))
	})
	assert.Equal(t, []string{"1/1: 2 present, 1 for", "3/2: 3 present, 2 for"}, got,
		"in key order, without the faction nobody attended")
}

func fmtLine(event, faction int32, t council.Tally) string {
	return fmt.Sprintf("%d/%d: %d present, %d for", event, faction, t.Present, t.Support)
}
