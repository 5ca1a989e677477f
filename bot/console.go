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
	c := &console{sb: sb, st: st, user: user, out: out}
	go c.print(sb.WatchEvents())
	fmt.Fprintln(out, consoleHelp)
	c.read(ctx, in)
	c.settle(10 * time.Second)
	cancel()
	return <-done
}

// consoleHelp is the first line the console prints.
const consoleHelp = "Nazar console — type /start; 1, 2… press the buttons under a message, k1, k2… the menu keyboard, " +
	"o1, o2… the buttons in an operators' chat; /loc LAT LON shares a location; /quit leaves."

type console struct {
	sb   *sandbox.Server
	st   *store.Store
	user sandbox.User
	out  io.Writer

	mu        sync.Mutex
	inline    []consoleButton // buttons of the resident's newest message that has inline buttons: 1, 2…
	keyboard  []string        // the resident's reply keyboard: k1, k2…
	operators []consoleButton // buttons of the newest operators' chat message that has them: o1, o2…
	// shownKeyboard is the menu line printed last.
	shownKeyboard string
}

type consoleButton struct {
	chatID    int64
	messageID int
	text      string
	data      string
	url       string
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
		case !c.pressed(line):
			// Amounts, card numbers and tax ids are sent as text: a
			// number presses a button only when there is one.
			c.sb.SendText(c.user, line)
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
		if c.sb.Pending() == 0 && time.Since(quietSince) > 150*time.Millisecond && c.outboxIdle() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// outboxIdle is true when no push is due: pushes are sent in the background,
// and the console shows them before it reads the next line.
func (c *console) outboxIdle() bool {
	n, err := c.st.OutboxDue(context.Background())
	return err != nil || n == 0
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
