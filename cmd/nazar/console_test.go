package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `nazar console` driven through stdin and stdout, as a newcomer would use it.
func TestConsoleChatPressesANumberedButton(t *testing.T) {
	cmd := exec.Command(binary(t), "console")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "NAZAR_DATABASE_PATH="+filepath.Join(t.TempDir(), "c.db"),
		"NAZAR_DEFAULT_LANGUAGE=uk", "NAZAR_LOG_LEVEL=warn")
	cmd.Stdin = strings.NewReader("/start\n/language\n2\n/quit\n")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), errOut.String())

	text := out.String()
	assert.Contains(t, text, "bot> Вітаю, Console!")
	assert.Contains(t, text, "bot> Оберіть мову:")
	assert.Contains(t, text, "[2] English", "buttons are numbered")
	assert.Contains(t, text, "bot (edited)> Language changed: English.", "pressing 2 pressed English")
	assert.Less(t, strings.Index(text, "Оберіть мову"), strings.Index(text, "Language changed"))
}

// `make demo` as a first-time user meets it: the demo city's name, the admin
// rights, a toast after a press, a form submission shown in a block of the
// operators' chat with its own numbers, and the menu keyboard numbered
// apart from the buttons under a message.
func TestConsoleDemoShowsToastsAndTheOperatorsChatApart(t *testing.T) {
	cmd := exec.Command(binary(t), "console", "--demo")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "NAZAR_DATABASE_PATH="+filepath.Join(t.TempDir(), "d.db"),
		"NAZAR_DEFAULT_LANGUAGE=uk", "NAZAR_LOG_LEVEL=warn")
	cmd.Stdin = strings.NewReader(strings.Join([]string{
		"/start", "/deputy Муль", "4", // follow: a toast
		"k6", "1", "https://t.me/somechannel/123", "Це фейк про мобілізацію у місті", "1", "1", // a threat report
		"o1", // the operator (the console user is an admin) marks it handled
		"/admin", "/quit"}, "\n") + "\n")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), errOut.String())

	text := out.String()
	assert.Contains(t, text, "«Нове Місто»", "the greeting names the demo city")
	assert.NotContains(t, text, "Nazar Demo")
	assert.Contains(t, text, "on purpose: the demo's vote 7", "the import warning is explained")
	assert.Contains(t, text, "digest-items: 6 items read")
	assert.Contains(t, text, "👤 Мульчак", "the search example finds a demo deputy")
	assert.Contains(t, text, "bot (toast)> Готово: повідомлю", "the follow confirmation is shown")
	assert.Contains(t, text, "[k6] 🤝 Послуги", "the menu keyboard has its own numbers")
	assert.Contains(t, text, "[4] 🔔 Стежити", "buttons under a message are numbered from 1")
	assert.Contains(t, text, "┌─ operators' chat -1001000000101")
	assert.Contains(t, text, "│      [o1] ✅", "the operators' buttons have their own numbers")
	assert.Contains(t, text, "bot (toast)> Позначено", "o1 pressed the operators' button")
	assert.Contains(t, text, "Панель адміністратора", "the console user is an admin")
	assert.NotContains(t, text, "no button")
}
