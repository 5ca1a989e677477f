package sandbox_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func send(b *bot.Bot, chatID int64) error {
	_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: chatID, Text: "hi"})
	return err
}

func TestFail(t *testing.T) {
	cases := []struct {
		name        string
		method      string
		status      int
		description string
		retryAfter  int
		check       func(t *testing.T, err error)
	}{
		{name: "flood", method: "sendMessage", status: 429, retryAfter: 3, check: func(t *testing.T, err error) {
			var tooMany *bot.TooManyRequestsError
			require.ErrorAs(t, err, &tooMany)
			assert.Equal(t, 3, tooMany.RetryAfter)
			assert.Contains(t, tooMany.Message, "retry after 3")
		}},
		{name: "blocked", method: "SENDMESSAGE", status: 403, check: func(t *testing.T, err error) {
			assert.ErrorIs(t, err, bot.ErrorForbidden)
		}},
		{name: "server error on any method", status: 502, description: "Bad Gateway", check: func(t *testing.T, err error) {
			assert.ErrorContains(t, err, "502 Bad Gateway")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			b := newBot(t, s)
			s.Fail(tc.method, 2, tc.status, tc.description, tc.retryAfter)

			tc.check(t, send(b, alice.ID))
			tc.check(t, send(b, alice.ID))
			assert.NoError(t, send(b, alice.ID), "faults are used up")

			calls := s.Calls("sendMessage")
			require.Len(t, calls, 3)
			assert.Equal(t, []int{tc.status, tc.status, http.StatusOK},
				[]int{calls[0].Status, calls[1].Status, calls[2].Status})
			assert.Equal(t, "hi", calls[2].Params["text"])
			assert.Equal(t, map[int64]int{alice.ID: 1}, s.Stats().SentPerChat)
			assert.Len(t, s.Messages(alice.ID), 1)
		})
	}
}

func TestFailForLastsAWhileNotACount(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	s.FailFor("", 200*time.Millisecond, 429, "", 1)
	for range 5 {
		var tooMany *bot.TooManyRequestsError
		require.ErrorAs(t, send(b, alice.ID), &tooMany, "every call within the window")
	}
	time.Sleep(250 * time.Millisecond)
	assert.NoError(t, send(b, alice.ID), "and none after it")
}

func TestFailTakesPrecedence(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	s.BlockChats(alice.ID)
	s.Fail("", 1, 500, "", 0)
	err := send(b, alice.ID)
	assert.False(t, errors.Is(err, bot.ErrorForbidden), "the scripted fault answers first: %v", err)
	assert.ErrorIs(t, send(b, alice.ID), bot.ErrorForbidden)
	st := s.Stats()
	assert.Equal(t, 1, st.ServerErrors)
	assert.Equal(t, 1, st.Forbidden)
}

func TestBlockChats(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	s.BlockChats(alice.ID, carol.ID)

	err := send(b, alice.ID)
	assert.ErrorIs(t, err, bot.ErrorForbidden)
	assert.ErrorContains(t, err, "bot was blocked by the user")
	_, err = b.SendChatAction(context.Background(), &bot.SendChatActionParams{ChatID: carol.ID, Action: "typing"})
	assert.ErrorIs(t, err, bot.ErrorForbidden)
	assert.NoError(t, send(b, bob.ID))

	s.UnblockChats(alice.ID)
	assert.NoError(t, send(b, alice.ID))
	st := s.Stats()
	assert.Equal(t, 2, st.Forbidden)
	assert.Equal(t, 4, st.Requests)
	assert.Equal(t, map[int64]int{alice.ID: 1, bob.ID: 1}, st.SentPerChat)
}

func TestRateLimit(t *testing.T) {
	cases := []struct {
		name             string
		global, perChat  int
		chats            []int64
		wantLastRejected bool
	}{
		{name: "per chat", perChat: 2, chats: []int64{alice.ID, alice.ID, alice.ID}, wantLastRejected: true},
		{name: "per chat spares others", perChat: 2, chats: []int64{alice.ID, alice.ID, bob.ID}},
		{name: "global", global: 2, chats: []int64{alice.ID, bob.ID, carol.ID}, wantLastRejected: true},
		{name: "off", chats: []int64{alice.ID, alice.ID, alice.ID}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			b := newBot(t, s)
			s.SetRateLimit(tc.global, tc.perChat)
			var last error
			for _, id := range tc.chats {
				last = send(b, id)
			}
			st := s.Stats()
			if !tc.wantLastRejected {
				assert.NoError(t, last)
				assert.Zero(t, st.TooMany)
				return
			}
			var tooMany *bot.TooManyRequestsError
			require.ErrorAs(t, last, &tooMany)
			assert.Equal(t, 1, tooMany.RetryAfter)
			assert.Equal(t, 1, st.TooMany)
			assert.Equal(t, 2, sum(st.SentPerChat), "a rejected send is not counted")
		})
	}
}

func sum(m map[int64]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func TestLatencyHonoursCancel(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	s.SetLatency(time.Minute)
	// A second, not less: on a loaded machine a shorter deadline can pass
	// before the request reaches the server, which then has nothing to stop.
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "slow"})
	require.ErrorIs(t, err, context.DeadlineExceeded)

	require.True(t, s.WaitFor(10*time.Second, func() bool { return len(s.Calls("sendMessage")) == 1 }),
		"the server stops waiting when the client gives up")
	assert.Zero(t, s.Calls("sendMessage")[0].Status)
	assert.Empty(t, s.Messages(alice.ID))

	s.SetLatency(time.Millisecond)
	assert.NoError(t, send(b, alice.ID))
}
