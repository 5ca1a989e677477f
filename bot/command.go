package bot

import "strings"

// ParseCommand reads "/name@Bot args" from message text. go-telegram/bot's
// own matching cuts text at entity offsets counted in UTF-16 units as if they
// were bytes and never matches "/cmd@BotName", so commands are parsed here.
// Only text that starts with "/" is a command; the name is lower-cased.
func ParseCommand(text string) (name, args string, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	head, rest, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 {
		rest = head[i+1:] + " " + rest
		head = head[:i]
	}
	head, _, _ = strings.Cut(head, "@")
	if head == "" || !isCommandName(head) {
		return "", "", false
	}
	return strings.ToLower(head), strings.TrimSpace(rest), true
}

// isCommandName accepts Telegram's command alphabet: Latin letters, digits
// and underscores, at most 32 characters.
func isCommandName(s string) bool {
	if len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
