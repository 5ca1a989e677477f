package config

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBusinessRules(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantKey string
		wantMsg string
	}{
		{"defaults", func(*Config) {}, "", ""},
		{"radius 50 ok", func(c *Config) { c.Business.RadiusKM = 50 }, "", ""},
		{"radius zero", func(c *Config) { c.Business.RadiusKM = 0 }, "business.radius_km", "between 0.1 and 50"},
		{"radius NaN", func(c *Config) { c.Business.RadiusKM = math.NaN() }, "business.radius_km", "between 0.1 and 50"},
		{"radius huge", func(c *Config) { c.Business.RadiusKM = 51 }, "business.radius_km", "between 0.1 and 50"},
		{"near_limit zero", func(c *Config) { c.Business.NearLimit = 0 }, "business.near_limit", "between 1 and 50"},
		{"page_size big", func(c *Config) { c.Business.PageSize = 21 }, "business.page_size", "between 3 and 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			tt.edit(&cfg)
			assertOnlyProblem(t, cfg.Validate(), tt.wantKey, tt.wantMsg)
		})
	}
}

func TestBusinessEnvOverride(t *testing.T) {
	cfg, err := Load("", true, []string{"NAZAR_BUSINESS_RADIUS_KM=3.5", "NAZAR_BUSINESS_PAGE_SIZE=5"})
	require.NoError(t, err)
	assert.Equal(t, 3.5, cfg.Business.RadiusKM)
	assert.Equal(t, 5, cfg.Business.PageSize)
	assert.Equal(t, 2.0, Default().Business.RadiusKM, "SPEC §6 default")
}
