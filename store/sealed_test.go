package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/dbkey"
)

func openMigrated(t *testing.T, path string, opts store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(path, opts)
	require.NoError(t, err)
	_, err = s.Migrate(context.Background())
	require.NoError(t, err)
	return s
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.Mode().Perm()
}

// Under the laxest umask the database, its -wal and -shm and the key file
// are still readable by the bot's user alone.
func TestDatabaseAndKeyFilesAre0600(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{})
	defer s.Close()
	_, err := s.AcceptUpdate(context.Background(), 1, []byte(`{"update_id":1}`)) // makes the -wal and -shm
	require.NoError(t, err)
	for _, p := range []string{path, path + "-wal", path + "-shm", path + ".key"} {
		assert.Equal(t, os.FileMode(0o600), mode(t, p), p)
	}
}

// A database made by an older version under a lax umask is made private.
func TestExistingDatabaseFilesAreTightened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{})
	require.NoError(t, s.Close())
	for _, p := range []string{path, path + "-wal"} {
		if _, err := os.Stat(p); err == nil {
			require.NoError(t, os.Chmod(p, 0o644))
		}
	}
	s = openMigrated(t, path, store.Options{})
	defer s.Close()
	assert.Equal(t, os.FileMode(0o600), mode(t, path))
}

// A lost key file is a clear error at start, never a new key that would
// leave the sealed rows unreadable; another key is refused the same way.
func TestLostOrWrongKeyIsAStartError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{})
	require.NoError(t, s.Close())
	key, err := os.ReadFile(path + ".key")
	require.NoError(t, err)

	require.NoError(t, os.Remove(path+".key"))
	_, err = store.Open(path, store.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nazar.db.key is missing, but the database was sealed with a key")
	_, err = os.Stat(path + ".key")
	assert.True(t, os.IsNotExist(err), "no new key was made")

	_, err = store.Open(path, store.Options{Key: dbkey.New()})
	assert.ErrorIs(t, err, store.ErrKeyMismatch)
	require.NoError(t, os.WriteFile(path+".key", []byte(dbkey.Format(dbkey.New())), 0o600))
	_, err = store.Open(path, store.Options{})
	assert.ErrorIs(t, err, store.ErrKeyMismatch)

	require.NoError(t, os.WriteFile(path+".key", key, 0o600))
	s = openMigrated(t, path, store.Options{})
	require.NoError(t, s.Close())
}

// A key given in the configuration is used as is; no key file is made.
func TestKeyFromConfigNeedsNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	key := dbkey.New()
	s := openMigrated(t, path, store.Options{Key: key})
	require.NoError(t, s.Close())
	_, err := os.Stat(path + ".key")
	assert.True(t, os.IsNotExist(err))
	s = openMigrated(t, path, store.Options{Key: key})
	require.NoError(t, s.Close())
	custom := filepath.Join(t.TempDir(), "elsewhere.key")
	_, err = store.Open(filepath.Join(t.TempDir(), "other.db"), store.Options{KeyFile: custom})
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), mode(t, custom))
}

// The values an older version wrote in clear.
const (
	legacyCard  = "9876540000000031"
	legacyBirth = "1960-02-01"
	legacyTax   = "3184710691"
	legacyText  = "Іван Петренко, вул. Січових Стрільців 5"
)

// Rows written in clear before sealing (migration 0011) are converted at
// the next start, read back unchanged through the store, and leave nothing
// readable in the files; converting again changes nothing.
func TestRowsWrittenInClearAreSealedAtStart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	require.NoError(t, s.SeedSubscribers(ctx, []store.SeenUser{{ID: 7, ChatID: 7, Language: "uk"}}))
	require.NoError(t, s.Close())
	writeLegacyRows(t, path)

	s = openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	defer s.Close()
	conv, found, err := s.Conversation(ctx, 7, 7)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, map[string]string{"birth": legacyBirth}, conv.Data)
	bodies, err := s.TakeUnhandledUpdates(ctx)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte(`{"update_id":5,"message":{"text":"` + legacyCard + `"}}`)}, bodies)
	sub, err := s.Submission(ctx, 1)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"name": legacyText}, sub.Answers)
	rows, err := s.OutboxFor(ctx, "form", 0)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, legacyText, rows[0].Text)
	links, err := s.CardLinks(ctx, 7)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, legacyCard, links[0].Number)
	watches, err := s.CardWatches(ctx)
	require.NoError(t, err)
	require.Len(t, watches, 1)
	assert.Equal(t, legacyBirth, watches[0].Birth.Format(time.DateOnly))
	birth, _ := time.Parse(time.DateOnly, legacyBirth)
	p := s.CardProvider()
	require.NoError(t, p.Verify(ctx, legacyCard, birth))
	assert.ErrorIs(t, p.Verify(ctx, legacyCard, birth.AddDate(0, 0, 1)), card.ErrMismatch)
	ops, err := p.Operations(ctx, legacyCard, 10)
	require.NoError(t, err)
	assert.Len(t, ops, 1)
	app, err := p.Application(ctx, "CA-1", birth)
	require.NoError(t, err)
	assert.Equal(t, card.AppReady, app.Status)
	v, found, err := s.VoucherApplication(ctx, "LV-1", legacyTax)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, "••••••••91", v.TaxIDMasked)

	require.NoError(t, s.Checkpoint(ctx))
	assertNoneInFiles(t, filepath.Dir(path), legacyCard, legacyBirth, legacyTax, legacyText)
	before := rawColumn(t, path, `SELECT data FROM conversations`)
	_, err = s.Migrate(ctx)
	require.NoError(t, err)
	assert.Equal(t, before, rawColumn(t, path, `SELECT data FROM conversations`), "converted once")
}

// Failed lookups recorded before the key hold a plain SHA-256 of the card
// number, which a copy of the database reverses by hashing every number.
// At start they become keyed hashes, and a lock they made stays in force.
func TestLegacyLookupFailuresAreKeyedAndStillLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	require.NoError(t, s.Close())
	sum := sha256.Sum256([]byte("nazar-card:" + legacyCard))
	unkeyed := hex.EncodeToString(sum[:])
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	for i := range 5 {
		_, err := db.Exec(`INSERT INTO lookup_failures(scope, user_id, subject_hash, at) VALUES ('card', ?, ?, ?)`,
			10+i, unkeyed, t0.Add(-time.Hour).Unix()+int64(i))
		require.NoError(t, err)
	}
	require.NoError(t, db.Close())

	s = openMigrated(t, path, store.Options{Now: clock.NewFake(t0).Now})
	defer s.Close()
	_, byCard, err := s.LookupFailures(ctx, store.LookupCard, 99, legacyCard)
	require.NoError(t, err)
	assert.Len(t, byCard, 5, "the failures before the upgrade still count against the card")
	locks, err := s.LookupLocks(ctx)
	require.NoError(t, err)
	var cardLocked bool
	for _, l := range locks {
		cardLocked = cardLocked || (l.Scope == store.LookupCard && l.UserID == 0)
	}
	assert.True(t, cardLocked, "the card's lock stays in force: %+v", locks)
	require.NoError(t, s.RecordLookupFailure(ctx, store.LookupCard, 99, legacyCard, ""))
	_, byCard, err = s.LookupFailures(ctx, store.LookupCard, 99, legacyCard)
	require.NoError(t, err)
	assert.Len(t, byCard, 6, "a failure after the upgrade counts with them")

	require.NoError(t, s.Checkpoint(ctx))
	assertNoneInFiles(t, filepath.Dir(path), unkeyed, legacyCard)
}

func writeLegacyRows(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	for _, q := range []string{
		`INSERT INTO seen_updates(update_id, at, body) VALUES (5, 0, '{"update_id":5,"message":{"text":"` + legacyCard + `"}}')`,
		`INSERT INTO conversations(chat_id, user_id, feature, step, data, expires_at, updated_at)
			VALUES (7, 7, 'card', 'number', '{"birth":"` + legacyBirth + `"}', 4102444800, 0)`,
		`INSERT INTO submissions(user_id, chat_id, form, answers, operators_chat, created_at)
			VALUES (7, 7, 'pothole', '{"name":"` + legacyText + `"}', -100, 0)`,
		`INSERT INTO outbox_bodies(id, hash, text) VALUES (1, 'old', '` + legacyText + `')`,
		`INSERT INTO outbox(kind, key, chat_id, body_id, next_at, created_at) VALUES ('form', '1', -100, 1, 0, 0)`,
		`INSERT INTO card_links(user_id, chat_id, number, linked_at) VALUES (7, 7, '` + legacyCard + `', 0)`,
		`INSERT INTO card_watches(user_id, chat_id, application_no, birth_date, created_at)
			VALUES (7, 7, 'CA-1', '` + legacyBirth + `', 0)`,
		`INSERT INTO card_cards(number, birth_date, category, status, updated_at)
			VALUES ('` + legacyCard + `', '` + legacyBirth + `', 'pensioner', 'active', 0)`,
		`INSERT INTO card_operations(number, at, kind) VALUES ('` + legacyCard + `', 0, 'ride')`,
		`INSERT INTO card_applications(application_no, birth_date, status) VALUES ('CA-1', '` + legacyBirth + `', 'ready')`,
		`INSERT INTO voucher_applications(application_no, applicant_type, tax_id, expenses, status, updated_at)
			VALUES ('LV-1', 'fop', '` + legacyTax + `', 100, 'submitted', 0)`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}

func rawColumn(t *testing.T, path, query string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	var v []byte
	require.NoError(t, db.QueryRow(query).Scan(&v))
	return v
}

// assertNoneInFiles reads every file of dir and fails on any secret found.
func assertNoneInFiles(t *testing.T, dir string, secrets ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		for _, secret := range secrets {
			assert.False(t, strings.Contains(string(raw), secret), "%s holds %q", e.Name(), secret)
		}
	}
}
