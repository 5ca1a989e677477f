package handlers

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/voucher"
)

// The status labels name exactly the statuses of voucher.Statuses, each in
// every language: a status added to the domain without a label (or a label
// left for a status removed) fails here, not in front of a resident.
func TestVoucherStatusLabelsMatchStatuses(t *testing.T) {
	assert.ElementsMatch(t, voucher.Statuses, slices.Collect(maps.Keys(voucherStatusIDs)))
	for _, lang := range locales.Supported {
		ids := locales.IDs(lang)
		for status, id := range voucherStatusIDs {
			assert.True(t, ids[id], "%s: status %s's label %s is missing", lang, status, id)
		}
	}
}
