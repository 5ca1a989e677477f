package bot

import "testing"

// The webhook's check of a typical text-message update (decoded twice: once
// to count its fields, once into the update).
func BenchmarkParseUpdate(b *testing.B) {
	body := []byte(`{"update_id":123456789,"message":{"message_id":42,"date":1767225600,` +
		`"chat":{"id":502,"type":"private","first_name":"Ann"},` +
		`"from":{"id":502,"is_bot":false,"first_name":"Ann","language_code":"uk"},"text":"Чи готова моя картка?"}}`)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := parseUpdate(body); err != nil {
			b.Fatal(err)
		}
	}
}
