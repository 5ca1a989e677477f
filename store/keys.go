package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/transparentcities/nazar/store/dbkey"
)

// ErrKeyMismatch means the database key given is not the one the database
// was sealed with.
var ErrKeyMismatch = errors.New("the database key does not match this database")

// openKeys finds the database key and checks it against the database. The
// database remembers a check value of its key (table store_key) from the
// first start on, so that:
//   - a key file that is missing while the database has a check is an
//     error, never a new key that would leave every sealed row unreadable;
//   - a key file that is present but different is an error too.
//
// A database without a check (new, or from a version before sealing) gets
// a new key file and the check.
func openKeys(ctx context.Context, db *sql.DB, path string, opts Options) (*dbkey.Keys, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS store_key (
		id INTEGER PRIMARY KEY CHECK (id = 1), key_check TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("database key: %w", err)
	}
	check, err := keyCheck(ctx, db)
	if err != nil {
		return nil, err
	}
	key := opts.Key
	if key == nil {
		if key, err = keyFromFile(keyFilePath(path, opts), check != ""); err != nil {
			return nil, err
		}
	}
	keys, err := dbkey.Derive(key)
	if err != nil {
		return nil, err
	}
	if check == "" {
		if _, err := db.ExecContext(ctx, `INSERT OR IGNORE INTO store_key(id, key_check) VALUES (1, ?)`,
			keys.Check()); err != nil {
			return nil, fmt.Errorf("database key: %w", err)
		}
		if check, err = keyCheck(ctx, db); err != nil { // another process may have been first
			return nil, err
		}
	}
	if check != keys.Check() {
		return nil, fmt.Errorf("%w (%s): it was sealed with another key; give the key it was created with "+
			"(database.key_file or NAZAR_DATABASE_KEY)", ErrKeyMismatch, path)
	}
	return keys, nil
}

func keyFilePath(path string, opts Options) string {
	if opts.KeyFile != "" {
		return opts.KeyFile
	}
	return path + ".key"
}

// keyFromFile reads the key file, creating it only for a database that has
// never been sealed.
func keyFromFile(file string, sealed bool) ([]byte, error) {
	key, found, err := dbkey.Read(file)
	switch {
	case err != nil:
		return nil, err
	case found:
		return key, nil
	case sealed:
		return nil, fmt.Errorf("database key file %s is missing, but the database was sealed with a key: restore "+
			"the file from your backup (or set NAZAR_DATABASE_KEY). A new key would leave conversations, card "+
			"links and queued messages unreadable, so none is made", file)
	}
	return dbkey.Create(file)
}

func keyCheck(ctx context.Context, db *sql.DB) (string, error) {
	var check string
	err := db.QueryRowContext(ctx, `SELECT key_check FROM store_key WHERE id = 1`).Scan(&check)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("database key: %w", err)
	}
	return check, nil
}
