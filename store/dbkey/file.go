package dbkey

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Read reads the key file at path; found is false when there is none.
func Read(path string) (key []byte, found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("database key file: %w", err)
	}
	key, err = Parse(string(data))
	if err != nil {
		return nil, true, fmt.Errorf("database key file %s: %w", path, err)
	}
	return key, true, nil
}

// Create writes a new random key to path with mode 0600 and returns it. It
// never replaces a file: when another process created the key first, that
// key is read and returned. The key is written to a temporary file, synced
// and then linked into place, so a crash never leaves half a key behind.
func Create(path string) ([]byte, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nazar-key-*")
	if err != nil {
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	key := New()
	// CreateTemp makes the file 0600 whatever the umask; Chmod says so
	// explicitly in case that ever changes.
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	if _, err := tmp.WriteString(Format(key)); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			existing, _, err := Read(path)
			return existing, err
		}
		return nil, fmt.Errorf("create database key file: %w", err)
	}
	return key, nil
}
