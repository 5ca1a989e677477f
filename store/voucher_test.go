package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
	"github.com/transparentcities/nazar/voucher"
)

func TestVoucherImportHistoryAndPushes(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	s := storetest.Open(t, func() time.Time { return now })
	ctx := t.Context()
	app := voucher.Application{No: "LV-1", Applicant: "legal", TaxID: "41234569", Name: "ТОВ", Category: "expert",
		Expenses: 60_000_00, Status: "submitted", StatusDate: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	res, err := s.ImportVouchers(ctx, []voucher.Application{app})
	require.NoError(t, err)
	assert.Equal(t, store.VoucherImportResult{New: 1}, res)
	res, err = s.ImportVouchers(ctx, []voucher.Application{app})
	require.NoError(t, err)
	assert.Equal(t, store.VoucherImportResult{}, res, "the same rows change nothing")

	_, found, err := s.VoucherApplication(ctx, "LV-1", "42345678")
	require.NoError(t, err)
	assert.False(t, found, "another tax id finds nothing")
	got, found, err := s.VoucherApplication(ctx, "LV-1", "41234569")
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, app.StatusDate, got.StatusDate)

	_, err = s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 70, Language: "en"})
	require.NoError(t, err)
	require.NoError(t, s.SubscribeVoucher(ctx, 7, 70, "LV-1"))
	require.NoError(t, s.SubscribeVoucher(ctx, 7, 70, "LV-1"))

	app.Comment = "typo fixed"
	res, err = s.ImportVouchers(ctx, []voucher.Application{app})
	require.NoError(t, err)
	assert.Equal(t, store.VoucherImportResult{Changed: 1}, res, "a comment alone is no status change")

	app.Status, app.Approved = "approved", 30_000_00
	res, err = s.ImportVouchers(ctx, []voucher.Application{app})
	require.NoError(t, err)
	assert.Equal(t, store.VoucherImportResult{Changed: 1, StatusChanges: 1, Pushes: 1}, res)
	rows, err := s.OutboxFor(ctx, "voucher", 70)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, store.MsgVoucherStatus, rows[0].Message, "queued as data, rendered when sent")
	assert.Empty(t, rows[0].Text)
	assert.JSONEq(t, `{"ID":2,"No":"LV-1","Status":"approved","Date":"2026-10-01T00:00:00Z","Approved":3000000,
		"Comment":"typo fixed"}`, string(rows[0].Args))

	_, _, err = s.SetVoucherStatus(ctx, 1, "LV-1", "approved", "", 0, now)
	assert.ErrorIs(t, err, store.ErrVoucherStatusSame)
	_, _, err = s.SetVoucherStatus(ctx, 1, "LV-404", "paid", "", 0, now)
	assert.ErrorIs(t, err, store.ErrVoucherNotFound)
	change, pushed, err := s.SetVoucherStatus(ctx, 1, "LV-1", "paid", "done", 0, now)
	require.NoError(t, err)
	assert.Equal(t, 1, pushed)
	assert.Equal(t, int64(30_000_00), change.Approved, "the approved amount stays")
	history, err := s.VoucherHistory(ctx, "LV-1")
	require.NoError(t, err)
	var statuses []string
	for _, h := range history {
		statuses = append(statuses, h.Status)
	}
	assert.Equal(t, []string{"submitted", "approved", "paid"}, statuses)
	audit, err := s.AuditLog(ctx, 1)
	require.NoError(t, err)
	assert.Equal(t, "voucher.status", audit[0].Action)

	pd, _, err := s.PersonalData(ctx, 7)
	require.NoError(t, err)
	assert.Equal(t, []string{"LV-1"}, pd.Vouchers)
	require.NoError(t, s.DeleteUser(ctx, 7))
	subs, err := s.VoucherSubscriptions(ctx, 7)
	require.NoError(t, err)
	assert.Empty(t, subs)
}
