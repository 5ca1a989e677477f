package csvin

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkTextCheck is what a clean file pays for the encoding and
// control-character checks: utf8.ValidString and plain, one pass each over
// the bytes, no copy. The text is a named list of 1,280,000 votes (the
// council benchmark's size) with Cyrillic labels.
func BenchmarkTextCheck(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("uid,voterUid,result\n")
	labels := []string{"За", "Проти", "Утримався", "Не голосував", "Відсутній"}
	for i := range 1_280_000 {
		fmt.Fprintf(&sb, "%d,%d,%s\n", i/64, 1000+i%64, labels[i%5])
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if !utf8.ValidString(text) || !plain(text) {
			b.Fatal("clean text refused")
		}
	}
}
