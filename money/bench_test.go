package money

import "testing"

func BenchmarkParse(b *testing.B) {
	inputs := []string{"12 500,50", "12500.5", "12 500 грн", "UAH 12,500.50", "1.250.000,75"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}
