package store

import "encoding/json"

// PushButton is an inline button under a pushed message: callback data the
// bot interprets when it is pressed (it must fit callback's 64 bytes).
type PushButton struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

// encodeButtons stores buttons as JSON; no buttons is "".
func encodeButtons(rows [][]PushButton) string {
	if len(rows) == 0 {
		return ""
	}
	b, _ := json.Marshal(rows) // a slice of string structs always marshals
	return string(b)
}

// decodeButtons reads what encodeButtons wrote; anything unreadable is sent
// without buttons rather than not at all.
func decodeButtons(s string) [][]PushButton {
	if s == "" {
		return nil
	}
	var rows [][]PushButton
	if json.Unmarshal([]byte(s), &rows) != nil {
		return nil
	}
	return rows
}
