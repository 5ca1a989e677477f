package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVoucherRules(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*VoucherConfig)
		wantKey string
		wantMsg string
	}{
		{"defaults", func(*VoucherConfig) {}, "", ""},
		{"share 33.33 ok", func(v *VoucherConfig) { v.SharePercent = 33.33 }, "", ""},
		{"share 100 ok", func(v *VoucherConfig) { v.SharePercent = 100 }, "", ""},
		{"share zero", func(v *VoucherConfig) { v.SharePercent = 0 }, "voucher.share_percent", "between 0.01 and 100"},
		{"share over 100", func(v *VoucherConfig) { v.SharePercent = 100.5 }, "voucher.share_percent", "between 0.01 and 100"},
		{"share three decimals", func(v *VoucherConfig) { v.SharePercent = 12.345 }, "voucher.share_percent", "at most two decimals"},
		{"fop cap zero", func(v *VoucherConfig) { v.CapFopUAH = 0 }, "voucher.cap_fop_uah", "between 1 and 10000000"},
		{"legal cap absurd", func(v *VoucherConfig) { v.CapLegalUAH = 50_000_000 }, "voucher.cap_legal_uah", "between 1 and"},
		{"no categories", func(v *VoucherConfig) { v.Categories = nil }, "voucher.categories", "at least one"},
		{"bad category", func(v *VoucherConfig) { v.Categories = []string{"Marketing"} }, "voucher.categories", `"Marketing" must be`},
		{"duplicate category", func(v *VoucherConfig) { v.Categories = []string{"expert", "expert"} }, "voucher.categories", `duplicate code "expert"`},
		{"opens not a date", func(v *VoucherConfig) { v.Opens = "01.03.2026" }, "voucher.opens", "YYYY-MM-DD"},
		{"closes empty", func(v *VoucherConfig) { v.Closes = "" }, "voucher.closes", "YYYY-MM-DD"},
		{"closes before opens", func(v *VoucherConfig) { v.Opens, v.Closes = "2026-05-02", "2026-05-01" }, "voucher.closes", "not be before opens"},
		{"one-day window ok", func(v *VoucherConfig) { v.Opens, v.Closes = "2026-05-01", "2026-05-01" }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			tt.edit(&cfg.Voucher)
			assertOnlyProblem(t, cfg.Validate(), tt.wantKey, tt.wantMsg)
		})
	}
}

func TestVoucherDefaultsAndEnv(t *testing.T) {
	v := Default().Voucher
	assert.Equal(t, int64(5000), v.ShareBasisPoints())
	assert.Equal(t, int64(25000), v.CapFopUAH)
	assert.Equal(t, int64(50000), v.CapLegalUAH)
	cfg, err := Load("", true, []string{"NAZAR_VOUCHER_SHARE_PERCENT=33.33", "NAZAR_VOUCHER_CATEGORIES=marketing, expert",
		"NAZAR_VOUCHER_CLOSES=2027-01-31"})
	require.NoError(t, err)
	assert.Equal(t, int64(3333), cfg.Voucher.ShareBasisPoints())
	assert.Equal(t, []string{"marketing", "expert"}, cfg.Voucher.Categories)
	_, closes := cfg.Voucher.Window()
	assert.Equal(t, "2027-01-31", closes.Format("2006-01-02"))
	assert.NoError(t, cfg.Validate())
}
