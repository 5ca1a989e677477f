package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// User is a Telegram user known to the bot.
type User struct {
	ID          int64
	ChatID      int64
	FirstName   string
	Language    string
	LanguageSet bool // chosen with /language, so Telegram's language_code is ignored
	CreatedAt   time.Time
}

// SeenUser is what an update tells about its sender.
type SeenUser struct {
	ID, ChatID int64
	FirstName  string
	// Language is the language derived from Telegram's language_code; it is
	// stored for a new user and ignored once the user picked one.
	Language string
}

// touchEvery is how stale users.updated_at ("last seen") may get before a
// message refreshes it; between refreshes a known, unchanged user costs one
// read instead of a write, which keeps writers off the hot path.
const touchEvery = time.Hour

// TouchUser records that a user wrote, creating them on first contact, and
// returns the stored user with their effective language.
func (s *Store) TouchUser(ctx context.Context, u SeenUser) (User, error) {
	now := s.now()
	known, seen, found, err := s.userSeen(ctx, u.ID)
	if err != nil {
		return User{}, err
	}
	if found && !changed(known, u) && now.Sub(seen) < touchEvery {
		return known, nil
	}
	row := s.db.QueryRowContext(ctx, `
		INSERT INTO users(id, chat_id, first_name, language, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET
			chat_id = excluded.chat_id,
			first_name = excluded.first_name,
			language = CASE WHEN users.language_set THEN users.language ELSE excluded.language END,
			updated_at = excluded.updated_at
		RETURNING id, chat_id, first_name, language, language_set, created_at`,
		u.ID, u.ChatID, u.FirstName, u.Language, unix(now), unix(now))
	return scanUser(row)
}

// changed reports whether an update tells something new about a user.
func changed(known User, u SeenUser) bool {
	return known.ChatID != u.ChatID || known.FirstName != u.FirstName ||
		(!known.LanguageSet && known.Language != u.Language)
}

// userSeen reads a user and when they were last seen.
func (s *Store) userSeen(ctx context.Context, id int64) (User, time.Time, bool, error) {
	var u User
	var created, updated int64
	err := s.db.QueryRowContext(ctx, `SELECT id, chat_id, first_name, language, language_set, created_at, updated_at
		FROM users WHERE id = ?`, id).Scan(&u.ID, &u.ChatID, &u.FirstName, &u.Language, &u.LanguageSet, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, time.Time{}, false, nil
	}
	if err != nil {
		return User{}, time.Time{}, false, err
	}
	u.CreatedAt = fromUnix(created)
	return u, fromUnix(updated), true, nil
}

// UserByID returns a stored user; found is false when there is none.
func (s *Store) UserByID(ctx context.Context, id int64) (User, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT id, chat_id, first_name, language, language_set, created_at
		FROM users WHERE id = ?`, id)
	u, err := scanUser(row)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, false, nil
	}
	return u, err == nil, err
}

// SetLanguage remembers the language a user chose with /language.
func (s *Store) SetLanguage(ctx context.Context, userID int64, lang string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET language = ?, language_set = 1, updated_at = ? WHERE id = ?`,
		lang, unix(s.now()), userID)
	return err
}

// DeleteUser forgets a user and, through ON DELETE CASCADE, everything stored
// about them. The audit log is kept: it is the operators' record.
func (s *Store) DeleteUser(ctx context.Context, userID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM users WHERE id = ?`, userID)
	return err
}

func scanUser(row *sql.Row) (User, error) {
	var u User
	var created int64
	err := row.Scan(&u.ID, &u.ChatID, &u.FirstName, &u.Language, &u.LanguageSet, &created)
	u.CreatedAt = fromUnix(created)
	return u, err
}
