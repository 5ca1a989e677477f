package sources

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// tempPattern names the folders of downloads and unpacked zips; a folder
// left by a crash is removed at the next start (CleanTemp).
const tempPattern = ".nazar-source-*"

// maxErrorRunes bounds a stored error: the import's report of up to twenty
// bad rows fits, a runaway message does not.
const maxErrorRunes = 3000

// attempt fetches a source and imports it when its content changed.
func (r *Runner) attempt(ctx context.Context, src config.SourceConfig, prev store.SourceState) (outcome, string) {
	o := outcome{at: r.now(), dataset: src.Dataset}
	fail := func(err error) (outcome, string) {
		o.err = cleanError(err.Error())
		return o, ""
	}
	loc, err := parseLocation(src.URL)
	if err != nil {
		return fail(err)
	}
	f, err := r.fetch(ctx, loc, src.Dataset, Validators{ETag: prev.ETag, LastModified: prev.LastModified})
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	o.valid = f.Validators
	switch {
	case f.NotModified:
		return o, ""
	case f.Hash == prev.Hash:
		o.hash = f.Hash
		return o, ""
	case f.Hash == prev.FailedHash && prev.State == store.SourceFailed:
		// The same broken bytes again: not worth another failed import.
		o.err = prev.LastError
		return o, ""
	}
	sum, err := r.importContent(ctx, src.Dataset, f)
	if err != nil {
		o.badHash = f.Hash
		return fail(fmt.Errorf("import (nothing was changed): %w", err))
	}
	o.imported, o.rows, o.hash = true, sum.Rows, f.Hash
	return o, sum.String()
}

func (r *Runner) fetch(ctx context.Context, loc location, dataset string, prev Validators) (*Fetched, error) {
	if loc.remote != nil {
		return fetchHTTP(ctx, loc, dataset, prev, r.limits, r.tempRoot)
	}
	return fetchLocal(loc, prev, r.limits.MaxBytes)
}

// importContent imports what was fetched: a folder or a zip of CSV files
// for council, one CSV file (or a zip of one) for every other dataset.
func (r *Runner) importContent(ctx context.Context, dataset string, f *Fetched) (importer.Summary, error) {
	council := dataset == "council"
	if f.Dir {
		if !council {
			return importer.Summary{}, fmt.Errorf("a folder is only for the council dataset; %s takes one CSV file", dataset)
		}
		return r.runImport(ctx, dataset, f.Path, "")
	}
	zipped, err := isZip(f.Path)
	if err != nil {
		return importer.Summary{}, err
	}
	if !zipped {
		if council {
			return importer.Summary{}, fmt.Errorf("the council dataset takes a .zip of its CSV files (or a folder on " +
				"this machine), not a single file")
		}
		return r.runImport(ctx, dataset, f.Path, f.tempDir)
	}
	dir, err := os.MkdirTemp(r.tempRoot, tempPattern)
	if err != nil {
		return importer.Summary{}, err
	}
	defer os.RemoveAll(dir)
	names, err := extractZip(f.Path, dir, r.limits.MaxBytes)
	switch {
	case err != nil:
		return importer.Summary{}, err
	case council:
		return r.runImport(ctx, dataset, dir, dir)
	case len(names) != 1:
		return importer.Summary{}, fmt.Errorf("the %s dataset takes one CSV file; the zip holds %d (%s)", dataset,
			len(names), strings.Join(names, ", "))
	}
	return r.runImport(ctx, dataset, filepath.Join(dir, names[0]), dir)
}

// runImport runs the importer; tempDir, when set, is cut from its messages
// so they name "vote.csv:12:3", and "the zip" rather than a scratch folder.
func (r *Runner) runImport(ctx context.Context, dataset, path, tempDir string) (importer.Summary, error) {
	sum, err := importer.Run(ctx, importer.Env{Store: r.store, Config: r.cfg}, dataset, path)
	if err != nil && tempDir != "" {
		msg := strings.ReplaceAll(err.Error(), tempDir+string(os.PathSeparator), "")
		return sum, fmt.Errorf("%s", strings.ReplaceAll(msg, tempDir, "the zip"))
	}
	return sum, err
}

// cleanError is what is stored, shown and sent of an error: credentials
// and personal data masked, length bounded.
func cleanError(msg string) string {
	msg = privacy.Scrub(strings.TrimSpace(msg))
	if utf8.RuneCountInString(msg) > maxErrorRunes {
		msg = string([]rune(msg)[:maxErrorRunes]) + "…"
	}
	return msg
}

// CleanTemp removes the scratch folders a crashed run left behind.
func (r *Runner) CleanTemp() {
	left, _ := filepath.Glob(filepath.Join(r.tempRoot, tempPattern))
	for _, dir := range left {
		if err := os.RemoveAll(dir); err != nil {
			r.log.Warn("source: remove a scratch folder left behind", "dir", dir, "err", err)
		}
	}
}
