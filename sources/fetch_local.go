package sources

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// fetchLocal reads a file or a folder on this machine. Its size and
// modification time stand in for an ETag, so an unchanged file is not even
// read again; a changed one is hashed, and imported only when its bytes
// changed.
func fetchLocal(loc location, prev Validators, max int64) (*Fetched, error) {
	info, err := os.Stat(loc.path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.shown, unwrapPath(err))
	}
	switch {
	case info.IsDir():
		return fetchFolder(loc, prev, max)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file or a folder", loc.shown)
	case info.Size() > max:
		return nil, fmt.Errorf("%s: %w (%d MiB)", loc.shown, errTooLarge, max>>20)
	}
	stamp := Validators{ETag: fmt.Sprintf("file:%d:%d", info.Size(), info.ModTime().UnixNano())}
	if stamp == prev {
		return &Fetched{NotModified: true, Validators: prev}, nil
	}
	f, err := os.Open(loc.path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.shown, unwrapPath(err))
	}
	defer f.Close()
	sum, err := copyCapped(io.Discard, f, max)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.shown, err)
	}
	return &Fetched{Path: loc.path, Hash: sum, Validators: stamp}, nil
}

// fetchFolder reads a council folder: its stamp lists each CSV file's name,
// size and time; its hash covers their names and bytes.
func fetchFolder(loc location, prev Validators, max int64) (*Fetched, error) {
	files, err := folderCSVs(loc.path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.shown, unwrapPath(err))
	}
	var stamp strings.Builder
	stamp.WriteString("dir")
	for _, fi := range files {
		if fi.Size() > max {
			return nil, fmt.Errorf("%s: %s is %w (%d MiB)", loc.shown, fi.Name(), errTooLarge, max>>20)
		}
		fmt.Fprintf(&stamp, ":%s/%d/%d", fi.Name(), fi.Size(), fi.ModTime().UnixNano())
	}
	v := Validators{ETag: fmt.Sprintf("%x", sha256.Sum256([]byte(stamp.String())))}
	if v == prev {
		return &Fetched{NotModified: true, Validators: prev}, nil
	}
	h := sha256.New()
	for _, fi := range files {
		fmt.Fprintf(h, "%s\x00", fi.Name())
		if err := hashFile(h, filepath.Join(loc.path, fi.Name()), max); err != nil {
			return nil, fmt.Errorf("%s: %w", loc.shown, err)
		}
	}
	return &Fetched{Path: loc.path, Dir: true, Hash: hexSum(h), Validators: v}, nil
}

// folderCSVs lists the regular .csv files of dir by name.
func folderCSVs(dir string) ([]fs.FileInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []fs.FileInfo
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return nil, err
		}
		out = append(out, fi)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

func hashFile(w io.Writer, path string, max int64) error {
	f, err := os.Open(path)
	if err != nil {
		return unwrapPath(err)
	}
	defer f.Close()
	_, err = copyCapped(w, f, max)
	return err
}

// unwrapPath drops the path an *fs.PathError repeats: the caller names the
// source already (redacted).
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", filepath.Base(pe.Path), pe.Err)
	}
	return err
}
