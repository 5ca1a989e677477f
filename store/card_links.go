package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/transparentcities/nazar/card"
)

// card_links.number is the card's keyed hash (the unique key); number_sealed
// is the number itself, sealed, because both providers need it to ask for a
// balance, and the pages show its last four digits.
const linkCols = `l.id, l.user_id, l.chat_id, u.language, l.number_sealed, l.linked_at, l.alert_low, l.threshold,
	l.low_sent, l.alert_expiry`

// LinkCard links a verified card to a user (linking again keeps the link
// and its alerts) and returns the link id.
func (s *Store) LinkCard(ctx context.Context, userID, chatID int64, number string, threshold int64) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO card_links(user_id, chat_id, number, number_sealed, linked_at, threshold)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user_id, number) DO UPDATE SET chat_id = excluded.chat_id RETURNING id`,
		userID, chatID, s.hash(hashCard, number), s.sealString(sealCardLink, number), unix(s.now()),
		threshold).Scan(&id)
	return id, err
}

// CardLinks lists a user's linked cards in the order they were linked.
func (s *Store) CardLinks(ctx context.Context, userID int64) ([]card.Link, error) {
	return s.queryLinks(ctx, `WHERE l.user_id = ? ORDER BY l.id`, userID)
}

// CardLink returns one of the user's links; another user's link id is not found.
func (s *Store) CardLink(ctx context.Context, userID, id int64) (card.Link, bool, error) {
	links, err := s.queryLinks(ctx, `WHERE l.user_id = ? AND l.id = ?`, userID, id)
	if err != nil || len(links) == 0 {
		return card.Link{}, false, err
	}
	return links[0], true, nil
}

// AlertLinks lists every link with an alert switched on, for the alert check.
func (s *Store) AlertLinks(ctx context.Context) ([]card.Link, error) {
	return s.queryLinks(ctx, `WHERE l.alert_low = 1 OR l.alert_expiry = 1 ORDER BY l.id`)
}

func (s *Store) queryLinks(ctx context.Context, where string, args ...any) ([]card.Link, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+linkCols+` FROM card_links l JOIN users u ON u.id = l.user_id `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []card.Link
	for rows.Next() {
		var l card.Link
		var at int64
		var sealed []byte
		if err := rows.Scan(&l.ID, &l.UserID, &l.ChatID, &l.Language, &sealed, &at, &l.Prefs.LowBalance,
			&l.Prefs.Threshold, &l.Prefs.LowSent, &l.Prefs.Expiry); err != nil {
			return nil, err
		}
		number, err := s.open(sealCardLink, sealed)
		if err != nil {
			return nil, fmt.Errorf("card link %d: %w", l.ID, err)
		}
		l.Number = string(number)
		l.LinkedAt = fromUnix(at)
		out = append(out, l)
	}
	return out, rows.Err()
}

// UnlinkCard removes one of the user's links; false when there was none.
func (s *Store) UnlinkCard(ctx context.Context, userID, id int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM card_links WHERE user_id = ? AND id = ?`, userID, id)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// SetCardAlerts stores the alerts a user chose for one of their links.
func (s *Store) SetCardAlerts(ctx context.Context, userID, id int64, p card.Prefs) error {
	_, err := s.db.ExecContext(ctx, `UPDATE card_links SET alert_low = ?, threshold = ?, alert_expiry = ?,
		low_sent = CASE WHEN ? THEN low_sent ELSE 0 END WHERE user_id = ? AND id = ?`,
		p.LowBalance, p.Threshold, p.Expiry, p.LowBalance, userID, id)
	return err
}

// CardAlertSent records pushes of the alert check and the link's new
// low-balance state in one transaction.
func (s *Store) CardAlertSent(ctx context.Context, linkID int64, lowSent bool, pushes []Push) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE card_links SET low_sent = ? WHERE id = ?`, lowSent, linkID); err != nil {
			return err
		}
		var err error
		added, err = s.enqueueTx(ctx, tx, pushes)
		return err
	})
	return added, err
}

// WatchApplication remembers that a user wants to know when an application
// is ready. The date of birth is sealed: the http provider is asked again
// with it.
func (s *Store) WatchApplication(ctx context.Context, userID, chatID int64, no string, birth time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO card_watches(user_id, chat_id, application_no, birth_date, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, userID, chatID, no,
		s.sealString(sealWatchBirth, birth.Format(dateLayout)), unix(s.now()))
	return err
}

// CardWatches lists every watched application.
func (s *Store) CardWatches(ctx context.Context) ([]card.Watch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT w.user_id, w.chat_id, u.language, w.application_no, w.birth_date
		FROM card_watches w JOIN users u ON u.id = w.user_id ORDER BY w.created_at, w.user_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []card.Watch
	for rows.Next() {
		var w card.Watch
		var sealed []byte
		if err := rows.Scan(&w.UserID, &w.ChatID, &w.Language, &w.No, &sealed); err != nil {
			return nil, err
		}
		birth, err := s.open(sealWatchBirth, sealed)
		if err != nil {
			return nil, fmt.Errorf("watched application of user %d: %w", w.UserID, err)
		}
		w.Birth, _ = time.Parse(dateLayout, string(birth))
		out = append(out, w)
	}
	return out, rows.Err()
}

// EndWatch queues the last push about a watched application (ready, or
// rejected) and drops the watch, in one transaction.
func (s *Store) EndWatch(ctx context.Context, userID int64, no string, push Push) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM card_watches WHERE user_id = ? AND application_no = ?`,
			userID, no); err != nil {
			return err
		}
		var err error
		added, err = s.enqueueTx(ctx, tx, []Push{push})
		return err
	})
	return added, err
}

// DropWatch forgets a watched application with nothing left to tell (issued
// meanwhile).
func (s *Store) DropWatch(ctx context.Context, userID int64, no string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM card_watches WHERE user_id = ? AND application_no = ?`, userID, no)
	return err
}

// CardPersonalData collects a user's card data for /privacy.
func (s *Store) CardPersonalData(ctx context.Context, userID int64) (card.Personal, error) {
	var p card.Personal
	links, err := s.CardLinks(ctx, userID)
	if err != nil {
		return p, err
	}
	for _, l := range links {
		p.Cards = append(p.Cards, l.Number)
	}
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM card_watches WHERE user_id = ?),
		(SELECT count(*) FROM lookup_failures WHERE user_id = ? AND scope IN ('card', 'card_app'))`, userID, userID).Scan(&p.Watches, &p.Failures)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return p, err
}
