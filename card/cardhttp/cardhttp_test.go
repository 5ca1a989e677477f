package cardhttp

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
)

func birth(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestClientSuccess(t *testing.T) {
	api := &fakeAPI{}
	c := New(api.start(t).URL+"/api/", testToken, time.Second)
	ctx := t.Context()
	require.NoError(t, c.Verify(ctx, testNumber, birth("2004-03-05")))
	assert.ErrorIs(t, c.Verify(ctx, testNumber, birth("2004-03-06")), card.ErrMismatch)
	got, err := c.Card(ctx, testNumber)
	require.NoError(t, err)
	assert.Equal(t, card.Card{Number: testNumber, Category: "student", Status: "active", ValidUntil: birth("2027-08-31"),
		Balance: 12345, HasTrips: true, Trips: 40, Pending: 5000,
		UpdatedAt: time.Date(2026, 11, 28, 6, 30, 0, 0, time.UTC)}, withUTC(got))
	ops, err := c.Operations(ctx, testNumber, 10)
	require.NoError(t, err)
	require.Len(t, ops, 2)
	assert.Equal(t, -1, ops[0].Trips)
	assert.Equal(t, int64(10000), ops[1].Amount)
	app, err := c.Application(ctx, "SC-1", birth("1958-08-23"))
	require.NoError(t, err)
	assert.Equal(t, card.AppReady, app.Status)
	assert.Equal(t, "cnap-centre", app.PickupPoint)
	_, err = c.Application(ctx, "SC-1", birth("1958-08-24"))
	assert.ErrorIs(t, err, card.ErrNotFound)
}

func withUTC(c card.Card) card.Card {
	c.UpdatedAt = c.UpdatedAt.UTC()
	return c
}

func TestClientFailures(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		token     string
		want      error
		wantCalls int32
	}{
		{"404 unknown card", http.StatusNotFound, testToken, card.ErrNotFound, 1},
		{"500 is retried once", http.StatusInternalServerError, testToken, card.ErrUnavailable, 2},
		{"503 is retried once", http.StatusServiceUnavailable, testToken, card.ErrUnavailable, 2},
		{"401 wrong token is not retried", 0, "wrong", card.ErrUnavailable, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := &fakeAPI{}
			api.status.Store(int32(tt.status))
			c := New(api.start(t).URL+"/api", tt.token, time.Second)
			_, err := c.Card(t.Context(), testNumber)
			assert.ErrorIs(t, err, tt.want)
			assert.Equal(t, tt.wantCalls, api.calls.Load())
			if err != nil {
				assert.NotContains(t, err.Error(), testNumber, "errors end up in logs")
			}
		})
	}
	api := &fakeAPI{}
	c := New(api.start(t).URL+"/api", testToken, time.Second)
	_, err := c.Card(t.Context(), "9876540000000049")
	assert.ErrorIs(t, err, card.ErrNotFound, "an unknown card")
}

// TestClientStallIsBounded: a 10-second stall costs two attempts of the
// per-request timeout, or less when the caller's deadline comes first.
func TestClientStallIsBounded(t *testing.T) {
	api := &fakeAPI{}
	api.stall.Store(int64(10 * time.Second))
	c := New(api.start(t).URL+"/api", testToken, 100*time.Millisecond)
	start := time.Now()
	_, err := c.Card(t.Context(), testNumber)
	assert.ErrorIs(t, err, card.ErrUnavailable)
	assert.NotContains(t, err.Error(), testNumber)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Equal(t, int32(2), api.calls.Load(), "retried once")

	ctx, cancel := context.WithTimeout(t.Context(), 150*time.Millisecond)
	defer cancel()
	c = New(api.start(t).URL+"/api", testToken, time.Second)
	start = time.Now()
	err = c.Verify(ctx, testNumber, birth("2004-03-05"))
	assert.ErrorIs(t, err, card.ErrUnavailable)
	assert.Less(t, time.Since(start), time.Second, "the caller's deadline bounds the retry too")
}
