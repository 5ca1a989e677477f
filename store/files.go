package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// privateMode is the mode of the database, its -wal and -shm files and the
// key file: the bot's user alone may read them.
const privateMode = 0o600

// createPrivate creates the database file with mode 0600 when it is
// missing, before SQLite opens it. SQLite gives the -wal and -shm files it
// creates later the mode of the database file, so they are 0600 too,
// whatever the process umask.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, privateMode)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	return f.Close()
}

// tightenModes makes a database created by an older version (or by hand,
// under a lax umask) and its -wal and -shm files 0600.
func tightenModes(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("database file %s: %w", p, err)
		}
		if fi.Mode().Perm()&^privateMode != 0 {
			if err := os.Chmod(p, privateMode); err != nil {
				return fmt.Errorf("make database file %s private (mode 0600): %w", p, err)
			}
		}
	}
	return nil
}
