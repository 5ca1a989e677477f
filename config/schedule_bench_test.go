package config

import (
	"testing"
	"time"
)

// The default schedule parsed and checked for its gap (10 firings), as at
// every start and every Validate.
func BenchmarkParseSchedule(b *testing.B) {
	d := Default().Digest
	for b.Loop() {
		if _, err := d.ParseSchedule(time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}
