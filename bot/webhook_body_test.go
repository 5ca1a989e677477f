package bot

import (
	"encoding/json"
	"testing"
)

// Whatever the body, parseUpdate does not panic, and what it accepts is one
// object with a positive update_id and one update field.
func FuzzParseUpdate(f *testing.F) {
	for _, seed := range []string{"", "{}", "null", "[]", `{"update_id":1,"message":{"message_id":1}}`,
		`{"update_id":1,"message":{}} x`, `{"update_id":1,"message":{}}{"update_id":2,"message":{}}`,
		`{"update_id":-1,"message":{}}`, `{"update_id":1,"update_id":2,"message":{}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		upd, err := parseUpdate(body)
		if err != nil {
			return
		}
		var fields map[string]json.RawMessage
		if json.Unmarshal(body, &fields) != nil || len(fields) != 2 || upd.ID <= 0 {
			t.Fatalf("accepted %q", body)
		}
	})
}
