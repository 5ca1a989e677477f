package store_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var formsT0 = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

const operators = int64(-100500)

func newSubmission(userID int64) forms.NewSubmission {
	return forms.NewSubmission{UserID: userID, ChatID: userID, Form: "threat", OperatorsChat: operators,
		Answers: map[string]string{"post": "https://t.me/x/1", "post.origin": "channel @x"}}
}

// operatorPush is what a producer would enqueue for a new submission: the
// store writes its number where store.SubmissionNo stands.
var operatorPush = []store.Push{{Kind: "form", Key: store.SubmissionNo, ChatID: operators,
	Text:    "new threat no. " + store.SubmissionNo,
	Buttons: [][]store.PushButton{{{Text: "done", Data: "1|form|done|" + store.SubmissionNo}}}}}

func idKey(id int64) string { return strconv.FormatInt(id, 10) }

func formsStore(t *testing.T) (*store.Store, *clock.Fake) {
	clk := clock.NewFake(formsT0)
	s := storetest.Open(t, clk.Now)
	_, err := s.TouchUser(t.Context(), store.SeenUser{ID: 7, ChatID: 7, FirstName: "Оксана", Language: "uk"})
	require.NoError(t, err)
	return s, clk
}

func TestSubmitFormStoresAndQueuesTogether(t *testing.T) {
	s, _ := formsStore(t)
	sub, err := s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, operatorPush)
	require.NoError(t, err)
	assert.Equal(t, "uk", sub.Language)
	assert.Equal(t, "Оксана", sub.FirstName)
	assert.Equal(t, "channel @x", sub.Answers["post.origin"])
	assert.False(t, sub.Handled())

	got, err := s.Submission(t.Context(), sub.ID)
	require.NoError(t, err)
	assert.Equal(t, sub, got)

	items, err := s.ClaimOutbox(t.Context(), 10, nil)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, operators, items[0].ChatID)
	assert.Equal(t, [][]store.PushButton{{{Text: "done", Data: "1|form|done|1"}}}, items[0].Buttons)
}

// The number allocated in the transaction is written into every push's key,
// text and buttons, each submission its own; the pushes given are not
// changed, and the moment the resident sent it is the submission's.
func TestSubmitFormWritesTheNumberIntoItsPushes(t *testing.T) {
	s, clk := formsStore(t)
	reminder := store.Push{Kind: "form", Key: store.SubmissionNo + ":reminder", ChatID: 7,
		Text: "reminder of no. " + store.SubmissionNo, NotBefore: formsT0.Add(48 * time.Hour)}
	pushes := append(slices.Clone(operatorPush), reminder)
	_, err := s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, pushes)
	require.NoError(t, err)
	in := newSubmission(7)
	in.SentAt = formsT0.Add(-time.Minute)
	second, err := s.SubmitForm(t.Context(), in, 5, 24*time.Hour, pushes)
	require.NoError(t, err)
	assert.Equal(t, int64(2), second.ID)
	assert.Equal(t, in.SentAt, second.CreatedAt)
	assert.Equal(t, store.SubmissionNo, pushes[0].Key, "the template is left as it was")
	assert.Equal(t, "1|form|done|"+store.SubmissionNo, pushes[0].Buttons[0][0].Data)

	rows, err := s.OutboxFor(t.Context(), "form", 0)
	require.NoError(t, err)
	var got [][2]string
	for _, r := range rows {
		got = append(got, [2]string{r.Key, r.Text})
	}
	assert.Equal(t, [][2]string{{"1", "new threat no. 1"}, {"1:reminder", "reminder of no. 1"},
		{"2", "new threat no. 2"}, {"2:reminder", "reminder of no. 2"}}, got)

	clk.Advance(49 * time.Hour)
	items, err := s.ClaimOutbox(t.Context(), 10, nil)
	require.NoError(t, err)
	require.NotEmpty(t, items)
	for _, it := range items {
		if it.ChatID == operators {
			assert.Equal(t, [][]store.PushButton{{{Text: "done", Data: "1|form|done|" + it.Key}}}, it.Buttons)
		} else {
			assert.Nil(t, it.Buttons, "a reminder has no buttons")
		}
	}
}

func TestSubmitFormQuota(t *testing.T) {
	s, clk := formsStore(t)
	for range 2 {
		_, err := s.SubmitForm(t.Context(), newSubmission(7), 2, 24*time.Hour, operatorPush)
		require.NoError(t, err)
		clk.Advance(time.Hour)
	}
	_, err := s.SubmitForm(t.Context(), newSubmission(7), 2, 24*time.Hour, operatorPush)
	var q *store.QuotaError
	require.ErrorAs(t, err, &q)
	assert.Equal(t, formsT0.Add(24*time.Hour), q.RetryAt, "the oldest one leaves the window first")
	require.ErrorAs(t, s.FormQuota(t.Context(), 7, "threat", 2, 24*time.Hour), &q)
	assert.NoError(t, s.FormQuota(t.Context(), 7, "incubator", 2, 24*time.Hour), "the limit is per form")

	clk.Set(formsT0.Add(24*time.Hour + time.Second))
	_, err = s.SubmitForm(t.Context(), newSubmission(7), 2, 24*time.Hour, operatorPush)
	assert.NoError(t, err)
	counts, err := s.OutboxCounts(t.Context(), "form", "")
	require.NoError(t, err)
	assert.Equal(t, 3, counts["queued"], "the refused submission queued nothing")
}

func TestPushNotBeforeDelaysDelivery(t *testing.T) {
	s, clk := formsStore(t)
	_, err := s.Enqueue(t.Context(), store.Push{Kind: "form", Key: "1:reminder", ChatID: 7, Text: "soon",
		NotBefore: formsT0.Add(2 * time.Hour)})
	require.NoError(t, err)
	items, err := s.ClaimOutbox(t.Context(), 10, nil)
	require.NoError(t, err)
	assert.Empty(t, items, "not due yet")
	clk.Advance(2 * time.Hour)
	items, err = s.ClaimOutbox(t.Context(), 10, nil)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Nil(t, items[0].Buttons)
}

func TestMarkSubmissionHandled(t *testing.T) {
	s, _ := formsStore(t)
	sub, err := s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, operatorPush)
	require.NoError(t, err)
	told := []store.Push{{Kind: "form", Key: idKey(sub.ID) + ":handled", ChatID: sub.ChatID, Text: "handled"}}
	got, changed, err := s.MarkSubmissionHandled(t.Context(), sub.ID, 99, told)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Equal(t, int64(99), got.HandledBy)
	assert.Equal(t, formsT0, got.HandledAt)

	_, changed, err = s.MarkSubmissionHandled(t.Context(), sub.ID, 98, told)
	require.NoError(t, err)
	assert.False(t, changed, "a second press changes nothing")
	rows, err := s.OutboxFor(t.Context(), "form", 7)
	require.NoError(t, err)
	require.Len(t, rows, 1, "the user is told once")
	assert.Equal(t, "1:handled", rows[0].Key)
	audit, err := s.AuditLog(t.Context(), 5)
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, "form.handled", audit[0].Action)
	assert.Equal(t, "1 threat", audit[0].Detail)

	_, _, err = s.MarkSubmissionHandled(t.Context(), 404, 99, told)
	assert.ErrorIs(t, err, store.ErrNoSubmission)
}

func TestUnhandledAndResendAfterTheOperatorsChatWasGone(t *testing.T) {
	s, _ := formsStore(t)
	a, err := s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, operatorPush)
	require.NoError(t, err)
	require.NoError(t, s.SetChatInactive(t.Context(), operators, "Forbidden: bot was kicked"))
	_, err = s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, operatorPush)
	require.NoError(t, err)

	list, total, undelivered, err := s.UnhandledSubmissions(t.Context(), 10)
	require.NoError(t, err)
	assert.Equal(t, 2, total)
	assert.Equal(t, 2, undelivered)
	require.Len(t, list, 2)
	assert.Equal(t, "inactive", list[0].Delivery)
	assert.Equal(t, a.ID, list[0].ID)

	n, err := s.ResendSubmissions(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	inactive, err := s.ChatInactive(t.Context(), operators)
	require.NoError(t, err)
	assert.False(t, inactive)
	_, _, undelivered, err = s.UnhandledSubmissions(t.Context(), 0)
	require.NoError(t, err)
	assert.Zero(t, undelivered)
}

func TestDeleteUserRemovesSubmissions(t *testing.T) {
	s, _ := formsStore(t)
	sub, err := s.SubmitForm(t.Context(), newSubmission(7), 5, 24*time.Hour, operatorPush)
	require.NoError(t, err)
	pd, _, err := s.PersonalData(t.Context(), 7)
	require.NoError(t, err)
	assert.Equal(t, 1, pd.Submissions)
	require.NoError(t, s.DeleteUser(t.Context(), 7))
	_, err = s.Submission(t.Context(), sub.ID)
	assert.ErrorIs(t, err, store.ErrNoSubmission)
}
