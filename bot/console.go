package bot

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// consoleToken is the token the bot uses against the console's sandbox.
const consoleToken = "100000:console-sandbox-token-0000000000000000"

// ConsoleUser is the one resident the console chats as.
var ConsoleUser = sandbox.User{ID: 1000, FirstName: "Console", Username: "console"}

// RunConsole starts an in-process Bot API sandbox, the real bot against it,
// and a terminal chat: the bot's messages are printed with numbered buttons,
// a number presses a button, "/loc LAT LON" shares a location, /quit or the
// end of input leaves.
func RunConsole(ctx context.Context, cfg config.Config, st *store.Store, opts Options, in io.Reader, out io.Writer) error {
	sb := sandbox.New(consoleToken)
	defer sb.Close()
	cfg.Telegram.Token, cfg.Telegram.APIURL, cfg.Telegram.Mode = consoleToken, sb.URL, "polling"
	cfg.Telegram.PollTimeout = 2 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0") // never clash with a running bot's port
	if err != nil {
		return err
	}
	opts.Listener = ln
	app, err := New(cfg, st, opts)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx) }()

	user := ConsoleUser
	user.LanguageCode = cfg.DefaultLanguage
	c := &console{sb: sb, user: user, out: out}
	go c.print(sb.Watch())
	fmt.Fprintln(out, "Nazar console — type /start; a number presses a button; /loc LAT LON shares a location; /quit leaves.")
	c.read(ctx, in)
	c.settle(10 * time.Second)
	cancel()
	return <-done
}

type console struct {
	sb   *sandbox.Server
	user sandbox.User
	out  io.Writer

	mu       sync.Mutex
	inline   []consoleButton // buttons of the newest message that has inline buttons
	keyboard []string        // the current reply keyboard
}

type consoleButton struct {
	messageID int
	text      string
	data      string
}

func (c *console) read(ctx context.Context, in io.Reader) {
	lines := bufio.NewScanner(in)
	for ctx.Err() == nil && lines.Scan() {
		line := strings.TrimSpace(lines.Text())
		switch {
		case line == "":
		case line == "/quit":
			return
		case strings.HasPrefix(line, "/loc "):
			c.shareLocation(line)
		default:
			// A number presses a button only when there is one: amounts,
			// card numbers and tax ids are sent as text.
			if n, err := strconv.Atoi(line); err == nil && c.buttons() >= n && n >= 1 {
				c.press(n)
			} else {
				c.sb.SendText(c.user, line)
			}
		}
		c.settle(5 * time.Second)
	}
}

func (c *console) shareLocation(line string) {
	f := strings.Fields(line)
	if len(f) != 3 {
		fmt.Fprintln(c.out, "usage: /loc LAT LON")
		return
	}
	lat, err1 := strconv.ParseFloat(f[1], 64)
	lon, err2 := strconv.ParseFloat(f[2], 64)
	if err1 != nil || err2 != nil {
		fmt.Fprintln(c.out, "usage: /loc LAT LON (numbers, e.g. /loc 49.35 23.51)")
		return
	}
	c.sb.SendLocation(c.user, lat, lon)
}

// buttons is how many buttons the console shows now.
func (c *console) buttons() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inline) + len(c.keyboard)
}

// press presses button n: inline buttons are numbered first, then the keyboard.
func (c *console) press(n int) {
	c.mu.Lock()
	inline, keyboard := c.inline, c.keyboard
	c.mu.Unlock()
	switch {
	case n >= 1 && n <= len(inline):
		b := inline[n-1]
		if b.data == "" {
			fmt.Fprintln(c.out, "(a link button:", b.text+")")
			return
		}
		c.sb.Press(c.user, b.messageID, b.data)
	case n > len(inline) && n <= len(inline)+len(keyboard):
		c.sb.SendText(c.user, keyboard[n-len(inline)-1])
	default:
		fmt.Fprintf(c.out, "no button %d\n", n)
	}
}

func (c *console) print(msgs <-chan sandbox.Message) {
	for m := range msgs {
		c.mu.Lock()
		c.show(m)
		c.mu.Unlock()
	}
}

func (c *console) show(m sandbox.Message) {
	prefix := "bot>"
	if m.Edits > 0 {
		prefix = "bot (edited)>"
	}
	switch {
	case m.Venue != nil:
		fmt.Fprintf(c.out, "%s 📍 %s, %s (%.5f, %.5f)\n", prefix, m.Venue.Title, m.Venue.Address, m.Venue.Lat, m.Venue.Lon)
	case m.Photo != nil:
		fmt.Fprintf(c.out, "%s 🖼 %s %s\n", prefix, photoLabel(m.Photo), m.Photo.Caption)
	case m.Location != nil:
		fmt.Fprintf(c.out, "%s 📍 %.5f, %.5f\n", prefix, m.Location.Lat, m.Location.Lon)
	case m.ParseMode == "HTML":
		fmt.Fprintf(c.out, "%s %s\n", prefix, plainText(m.Text))
	default:
		fmt.Fprintf(c.out, "%s %s\n", prefix, m.Text)
	}
	// A new message replaces the pressable inline buttons; an edit replaces
	// them only when it is of the message that owns them.
	if m.Edits == 0 || (len(c.inline) > 0 && c.inline[0].messageID == m.ID) || m.Inline != nil {
		c.inline = nil
		for _, row := range m.Inline {
			for _, b := range row {
				c.inline = append(c.inline, consoleButton{messageID: m.ID, text: b.Text, data: b.Data})
			}
		}
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
	c.printButtons()
}

func (c *console) printButtons() {
	var parts []string
	for i, b := range c.inline {
		parts = append(parts, fmt.Sprintf("[%d] %s", i+1, b.text))
	}
	for i, t := range c.keyboard {
		parts = append(parts, fmt.Sprintf("[%d] %s", len(c.inline)+i+1, t))
	}
	if len(parts) > 0 {
		fmt.Fprintln(c.out, "     "+strings.Join(parts, "  "))
	}
}

// settle waits until the bot has taken every update and has been quiet for a
// moment, so that the next line (typed or piped) acts on the answer shown.
func (c *console) settle(max time.Duration) {
	deadline := time.Now().Add(max)
	last, quietSince := -1, time.Now()
	for time.Now().Before(deadline) {
		n := len(c.sb.Calls(""))
		if n != last {
			last, quietSince = n, time.Now()
		}
		if c.sb.Pending() == 0 && time.Since(quietSince) > 150*time.Millisecond {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var tagRe = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?>`)

// plainText shows a Telegram HTML message in the terminal: tags dropped,
// entities turned back into characters.
func plainText(s string) string { return html.UnescapeString(tagRe.ReplaceAllString(s, "")) }

// photoLabel names a picture in the terminal: its URL or file id, or the
// size of an image the bot drew (a chart).
func photoLabel(p *sandbox.Photo) string {
	if p.Ref != "" {
		return p.Ref
	}
	return fmt.Sprintf("[%s %d×%d]", p.Format, p.Width, p.Height)
}
