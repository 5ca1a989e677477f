package handlers

import (
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// VoucherPushText renders the message telling a subscriber that their
// application's status changed, in their language. It names the
// application only by number: no tax id, no applicant name.
func VoucherPushText(lang string, c store.VoucherChange) string {
	l := locales.New(lang)
	text := l.T("voucher_push", map[string]any{"No": c.No, "Status": l.T(voucherStatusIDs[c.Status])})
	if !c.Date.IsZero() {
		text += " (" + l.Date(c.Date) + ")"
	}
	if c.Approved > 0 && (c.Status == voucher.Approved || c.Status == voucher.Paid) {
		text += "\n" + l.T("voucher_app_approved", map[string]any{"Amount": l.Money(c.Approved)})
	}
	if c.Comment != "" {
		text += "\n" + l.T("voucher_app_comment", map[string]any{"Comment": c.Comment})
	}
	return text + "\n" + l.T("voucher_push_more", map[string]any{"No": c.No})
}
