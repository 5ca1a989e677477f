package sandbox_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/bot/sandbox"
)

func TestChaosFailsAShareOfSendsBeforeHandlingThem(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	s.SetChaos(sandbox.Chaos{ServerErrors: 0.3, Timeouts: 0.1, Hold: time.Millisecond})
	const n = 300
	failed := 0
	for range n {
		if send(b, alice.ID) != nil {
			failed++
		}
	}
	st := s.Stats()
	assert.Equal(t, st.ChaosErrors+st.ChaosTimeouts, failed, "every fault is a failed call")
	assert.InDelta(t, 0.4*n, failed, 0.15*n, "about 40 %% fail")
	assert.Positive(t, st.ChaosTimeouts)
	assert.Len(t, s.Messages(alice.ID), n-failed, "a failed call left no message behind")
	assert.Equal(t, n-failed, st.SentPerChat[alice.ID])

	s.SetChaos(sandbox.Chaos{})
	assert.NoError(t, send(b, alice.ID), "the zero Chaos turns it off")
}
