package forms

import "testing"

func BenchmarkLoadDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSlots(b *testing.B) {
	c, err := Load("")
	if err != nil {
		b.Fatal(err)
	}
	f, _ := c.Form("interpreter")
	s, _ := f.Step("slot")
	b.ResetTimer()
	for b.Loop() {
		if len(s.Slots(now, kyiv, 6)) != 6 {
			b.Fatal("slots")
		}
	}
}

func BenchmarkCheckDateTime(b *testing.B) {
	c, err := Load("")
	if err != nil {
		b.Fatal(err)
	}
	f, _ := c.Form("interpreter")
	s, _ := f.Step("slot")
	in := Input{Text: "30.11.2026 10:30"}
	b.ResetTimer()
	for b.Loop() {
		if _, p := s.Check(in, now, kyiv); p != nil {
			b.Fatal(p.ID)
		}
	}
}
