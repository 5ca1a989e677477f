package locales

import (
	"embed"
	"io/fs"
)

// intentFiles hold the words the bot understands typed questions by
// (intents.<lang>.yaml, docs/understand.md); they are not message files.
//
//go:embed intents.*.yaml
var intentFiles embed.FS

// IntentFiles returns the embedded intents.<lang>.yaml files.
func IntentFiles() fs.FS { return intentFiles }
