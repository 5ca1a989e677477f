package bot

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// The console's three sets of buttons are numbered apart, so that a
// number keeps meaning the same button while the screen stays: 1, 2… under
// the resident's message, k1, k2… on the menu keyboard, o1, o2… in an
// operators' chat (where form submissions arrive).

// pressed presses the button a typed line names; false if it names none.
func (c *console) pressed(line string) bool {
	c.mu.Lock()
	inline, keyboard, operators := c.inline, c.keyboard, c.operators
	c.mu.Unlock()
	lower := strings.ToLower(line)
	switch {
	case strings.HasPrefix(lower, "k"):
		if n, ok := buttonNumber(lower[1:], len(keyboard)); ok {
			c.sb.SendText(c.user, keyboard[n-1])
			return true
		}
	case strings.HasPrefix(lower, "o"):
		if n, ok := buttonNumber(lower[1:], len(operators)); ok {
			c.pressButton(operators[n-1])
			return true
		}
	default:
		if n, ok := buttonNumber(lower, len(inline)); ok {
			c.pressButton(inline[n-1])
			return true
		}
	}
	return false
}

// buttonNumber parses "3" as button 3 when there are at least 3.
func buttonNumber(s string, count int) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= count
}

func (c *console) pressButton(b consoleButton) {
	if b.data == "" {
		fmt.Fprintf(c.out, "(a link button: %s — open %s in a browser)\n", b.text, b.url)
		return
	}
	c.sb.PressIn(c.user, b.chatID, b.messageID, b.data)
}

func (c *console) print(events <-chan sandbox.Event) {
	for e := range events {
		c.mu.Lock()
		switch {
		case e.Message != nil && e.Message.ChatID == c.user.ID:
			c.show(*e.Message)
		case e.Message != nil:
			c.showOperators(*e.Message)
		case e.Answer != nil:
			c.showAnswer(*e.Answer)
		}
		c.mu.Unlock()
	}
}

// showAnswer prints a callback answer: Telegram shows it as a toast at the
// top of the chat, or as an alert the user must close.
func (c *console) showAnswer(a sandbox.CallbackAnswer) {
	switch {
	case a.Text == "":
	case a.ShowAlert:
		fmt.Fprintf(c.out, "bot (alert)> %s\n", a.Text)
	default:
		fmt.Fprintf(c.out, "bot (toast)> %s\n", a.Text)
	}
}

func (c *console) show(m sandbox.Message) {
	prefix := "bot>"
	if m.Edits > 0 {
		prefix = "bot (edited)>"
	}
	fmt.Fprintf(c.out, "%s %s\n", prefix, messageText(m))
	// A new message replaces the pressable inline buttons; an edit replaces
	// them only when it is of the message that owns them.
	if m.Edits == 0 || (len(c.inline) > 0 && c.inline[0].messageID == m.ID) || m.Inline != nil {
		c.inline = buttonsOf(m)
	}
	if m.Keyboard != nil {
		c.keyboard = nil
		for _, row := range m.Keyboard {
			c.keyboard = append(c.keyboard, row...)
		}
	}
	if m.RemoveKeyboard {
		c.keyboard = nil
	}
	printButtons(c.out, "", c.inline)
	c.printKeyboard()
}

// printKeyboard shows the menu keyboard when it changed: it stays under the
// chat as in Telegram, so repeating it after every message is only noise.
func (c *console) printKeyboard() {
	parts := make([]string, len(c.keyboard))
	for i, t := range c.keyboard {
		parts[i] = fmt.Sprintf("[k%d] %s", i+1, t)
	}
	line := "     menu: " + strings.Join(parts, "  ")
	if len(c.keyboard) == 0 {
		line = "     (no menu keyboard)"
	}
	if line != c.shownKeyboard && (len(c.keyboard) > 0 || c.shownKeyboard != "") {
		fmt.Fprintln(c.out, line)
	}
	c.shownKeyboard = line
}

// showOperators prints a message to another chat — the operators' chat a
// form submission goes to — as a block of its own, so it neither mixes
// with the resident's conversation nor takes over the resident's buttons.
func (c *console) showOperators(m sandbox.Message) {
	what := "new message"
	if m.Edits > 0 {
		what = "edited"
	}
	fmt.Fprintf(c.out, "┌─ operators' chat %d (%s) ─\n", m.ChatID, what)
	for _, line := range strings.Split(messageText(m), "\n") {
		fmt.Fprintln(c.out, "│ "+line)
	}
	if m.Edits == 0 || m.Inline != nil || (len(c.operators) > 0 && c.operators[0].messageID == m.ID) {
		c.operators = buttonsOf(m)
	}
	printButtons(c.out, "│ ", c.operators)
	fmt.Fprintln(c.out, "└─")
}

func messageText(m sandbox.Message) string {
	switch {
	case m.Venue != nil:
		return fmt.Sprintf("📍 %s, %s (%.5f, %.5f)", m.Venue.Title, m.Venue.Address, m.Venue.Lat, m.Venue.Lon)
	case m.Photo != nil:
		return fmt.Sprintf("🖼 %s %s", photoLabel(m.Photo), m.Photo.Caption)
	case m.Location != nil:
		return fmt.Sprintf("📍 %.5f, %.5f", m.Location.Lat, m.Location.Lon)
	case m.ParseMode == "HTML":
		return plainText(m.Text)
	}
	return m.Text
}

func buttonsOf(m sandbox.Message) []consoleButton {
	var out []consoleButton
	for _, row := range m.Inline {
		for _, b := range row {
			out = append(out, consoleButton{chatID: m.ChatID, messageID: m.ID, text: b.Text, data: b.Data, url: b.URL})
		}
	}
	return out
}

// printButtons lists buttons on one line; operators' ones are o1, o2…
func printButtons(out io.Writer, margin string, buttons []consoleButton) {
	if len(buttons) == 0 {
		return
	}
	label := ""
	if margin != "" {
		label = "o"
	}
	parts := make([]string, len(buttons))
	for i, b := range buttons {
		parts[i] = fmt.Sprintf("[%s%d] %s", label, i+1, b.text)
		if b.data == "" && b.url != "" {
			parts[i] += " ↗ " + b.url
		}
	}
	fmt.Fprintln(out, margin+"     "+strings.Join(parts, "  "))
}
