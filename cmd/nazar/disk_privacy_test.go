package main

import (
	"bytes"
	"context"
	endian "encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// What residents type on the way through card linking, the card-ready
// check, the voucher status and a form, in the forms a resident types them
// and the forms the bot normalises them to.
var typedSecrets = []string{
	"9876 5400 0000 0015", "9876540000000015", "17.04.1952", "1952-04-17", // card linking
	"12.06.1990", "1990-06-12", // card-ready check (and "tell me when ready")
	"41234569",                             // voucher status: the company's EDRPOU
	"Оксана Гриценко-Тест", "380671234567", // the incubator form: name and shared phone
	"Кав'ярня на зупинці трамвая біля ринку", // the form's idea
	"9876 5400 0000 0031", "9876540000000031", // a card number typed in a flow cut short by the kill
}

// The bot is SIGKILLed right after residents typed card numbers, dates of
// birth, a tax id and a form's answers; nothing they typed is readable in
// any file of the data folder (database, -wal, -shm, key), as text, as
// UTF-16 or JSON-escaped. docs/RELIABILITY.md, "No personal data readable
// on disk".
func TestNothingTypedIsReadableOnDiskAfterSIGKILL(t *testing.T) {
	binary(t) // skip early under -short
	dataDir := filepath.Join(t.TempDir(), "data")
	db := filepath.Join(dataDir, "nazar.db")
	prepareDemoDB(t, db)
	sb := sandbox.New(testToken)
	defer sb.Close()
	p := startProcess(t, sb, db, nil, "run")
	waitPolling(t, sb, p)

	u := sandbox.User{ID: 510_001, FirstName: "Resident", LanguageCode: "en"}
	converse(t, sb, u, "linked", say("/card"), pressText("➕ Link a card"), say("9876 5400 0000 0015"),
		say("17.04.1952"))
	assert.Contains(t, lastText(sb, u), "•••• 0015")
	converse(t, sb, u, "card ready", say("/card"), pressText("⏳ Is my card ready?"), say("SC-2026-000101"),
		say("12.06.1990"), pressText("🔔 Tell me when it is ready"))
	converse(t, sb, u, "voucher", say("/voucher LV-2026-000102"), say("41234569"))
	assert.Contains(t, lastText(sb, u), "••••••69", "the application was found")
	converse(t, sb, u, "form", say("/start form_incubator"), say("Оксана Гриценко-Тест"),
		func(sb *sandbox.Server, u sandbox.User) { sb.SendContact(u, "380671234567") },
		say("Кав'ярня на зупинці трамвая біля ринку"), pressText("🛠 Prototype"), say("-"), pressText("✅ Send"))
	// The bot edits the summary to "✅ Sent." and then confirms in a new
	// message: the step is answered by the edit, so wait for the message.
	assert.True(t, sb.WaitFor(10*time.Second, func() bool { return strings.Contains(lastText(sb, u), "Application received") }),
		"the form was received; last: %s", lastText(sb, u))
	converse(t, sb, u, "cut short", say("/card"), pressText("➕ Link a card"), say("9876 5400 0000 0031"))

	require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
	<-p.done
	entries, err := os.ReadDir(dataDir)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(entries), 3, "the database, its log and the key")
	for _, e := range entries {
		path := filepath.Join(dataDir, e.Name())
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		for _, secret := range typedSecrets {
			for form, b := range encodings(secret) {
				assert.False(t, bytes.Contains(raw, b), "%s holds %q (%s)", e.Name(), secret, form)
			}
		}
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), e.Name())
	}
}

// converse runs the steps one by one, each waiting for the bot's answer.
func converse(t *testing.T, sb *sandbox.Server, u sandbox.User, what string, steps ...step) {
	t.Helper()
	for i, s := range steps {
		_, _, ok := request(sb, u, s)
		require.True(t, ok, "%s: step %d unanswered; last: %s", what, i+1, lastText(sb, u))
	}
}

// pressText presses the button labelled text on the chat's newest message
// that has it.
func pressText(text string) step {
	return func(sb *sandbox.Server, u sandbox.User) {
		msgs := sb.Messages(u.ID)
		for i := len(msgs) - 1; i >= 0; i-- {
			for _, row := range msgs[i].Inline {
				for _, b := range row {
					if b.Text == text {
						sb.Press(u, msgs[i].ID, b.Data)
						return
					}
				}
			}
		}
		sb.SendText(u, "/menu") // not offered: the step's check fails on the answer
	}
}

func lastText(sb *sandbox.Server, u sandbox.User) string {
	m, _ := sb.Last(u.ID)
	return m.Text
}

// encodings are the ways a value can sit in a file: UTF-8, UTF-16LE (and
// BE), and JSON-escaped, by Go (non-ASCII kept) and by most other encoders
// (non-ASCII as \uXXXX, lower or upper case).
func encodings(s string) map[string][]byte {
	out := map[string][]byte{"text": []byte(s)}
	u16 := utf16.Encode([]rune(s))
	le, be := make([]byte, 2*len(u16)), make([]byte, 2*len(u16))
	for i, c := range u16 {
		endian.LittleEndian.PutUint16(le[2*i:], c)
		endian.BigEndian.PutUint16(be[2*i:], c)
	}
	out["UTF-16LE"], out["UTF-16BE"] = le, be
	goJSON, _ := json.Marshal(s)
	out["JSON"] = goJSON[1 : len(goJSON)-1]
	var lower, upper strings.Builder
	for _, c := range u16 {
		if c < 0x80 {
			lower.WriteRune(rune(c))
			upper.WriteRune(rune(c))
			continue
		}
		fmt.Fprintf(&lower, `\u%04x`, c)
		fmt.Fprintf(&upper, `\u%04X`, c)
	}
	out[`JSON \u`], out[`JSON \U`] = []byte(lower.String()), []byte(upper.String())
	for form, b := range out { // ASCII values look the same in several forms
		if form != "text" && bytes.Equal(b, out["text"]) {
			delete(out, form)
		}
	}
	return out
}

// prepareDemoDB loads the demo city (cards, applications, vouchers) into a
// new database, as `nazar` would at its first start.
func prepareDemoDB(t *testing.T, db string) {
	ctx := context.Background()
	st, err := store.Open(db, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx)
	require.NoError(t, err)
	_, err = demo.Load(ctx, importer.Env{Store: st, Config: config.Default()}, time.Now())
	require.NoError(t, err)
}

// An operator who lost the key file, or set a malformed key, is told so at
// start; no new key is made over a sealed database.
func TestLostOrMalformedKeyStopsTheStart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "nazar.db")
	runCLI(t, db, "migrate")
	require.NoError(t, os.Remove(db+".key"))
	out, code := runFailing(t, db, nil, "migrate")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "nazar.db.key is missing, but the database was sealed with a key")
	_, err := os.Stat(db + ".key")
	assert.True(t, os.IsNotExist(err), "no new key")

	out, code = runFailing(t, db, []string{"NAZAR_DATABASE_KEY=0123456789abcdef"}, "migrate")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "database.key: want 32 bytes as 64 hex digits or 44 base64 characters, got 16 characters")
	out, code = runFailing(t, db, []string{"NAZAR_DATABASE_KEY=" + strings.Repeat("ab", 32)}, "migrate")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "the database key does not match this database")
}

// runFailing runs a sub-command expected to fail and returns its stderr
// and exit code.
func runFailing(t *testing.T, db string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(append(os.Environ(), "NAZAR_DATABASE_PATH="+db, "NAZAR_LOG_LEVEL=warn"), env...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err := cmd.Run()
	require.Error(t, err, "nazar %v succeeded", args)
	return errOut.String(), cmd.ProcessState.ExitCode()
}
