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
