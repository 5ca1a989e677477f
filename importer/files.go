package importer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/csvin"
)

// openFile reads a dataset file within import.max_file_mb: a directory, a
// device or a pipe is refused with one line, and so is a larger file,
// before it is read.
func openFile(env Env, path string) (*csvin.File, error) {
	max := env.Config.Import.MaxFileBytes()
	if max <= 0 { // an Env built without a loaded config (validation refuses 0)
		max = config.Default().Import.MaxFileBytes()
	}
	f, err := csvin.Open(path, max)
	if errors.Is(err, csvin.ErrTooLarge) {
		return nil, fmt.Errorf("%w (import.max_file_mb)", err)
	}
	return f, err
}

// noteFile adds what the summary says about how a file was read: its
// encoding when not UTF-8, and the columns it ignored.
func noteFile(f *csvin.File, sum *Summary) {
	if f.Encoding != "" {
		sum.Addf("%s: read as %s (not UTF-8)", f.Name, f.Encoding)
	}
	if len(f.Unknown) > 0 {
		sum.Addf("%s: ignored unknown columns: %s", f.Name, strings.Join(f.Unknown, ", "))
	}
}
