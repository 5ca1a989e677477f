package store

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Subscription returns a user's subscription; found is false when there is none.
func (s *Store) Subscription(ctx context.Context, userID int64) (digest.Subscriber, bool, error) {
	var sub digest.Subscriber
	var topics string
	err := s.db.QueryRowContext(ctx, `SELECT d.user_id, d.chat_id, u.language, d.topics, d.active
		FROM digest_subscribers d JOIN users u ON u.id = d.user_id WHERE d.user_id = ?`, userID).
		Scan(&sub.UserID, &sub.ChatID, &sub.Language, &topics, &sub.Active)
	if errors.Is(err, sql.ErrNoRows) {
		return digest.Subscriber{}, false, nil
	}
	sub.Topics = splitTopics(topics)
	return sub, err == nil, err
}

// Subscribe subscribes a user to every topic (keeping their topics if they
// were subscribed already).
func (s *Store) Subscribe(ctx context.Context, userID, chatID int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO digest_subscribers(user_id, chat_id, subscribed_at) VALUES (?, ?, ?)
		ON CONFLICT(user_id) DO UPDATE SET chat_id = excluded.chat_id, active = 1`, userID, chatID, unix(s.now()))
	return err
}

// Unsubscribe removes a user's subscription.
func (s *Store) Unsubscribe(ctx context.Context, userID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM digest_subscribers WHERE user_id = ?`, userID)
	return err
}

// SetTopics replaces a subscriber's topics.
func (s *Store) SetTopics(ctx context.Context, userID int64, topics []string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE digest_subscribers SET topics = ? WHERE user_id = ?`,
		strings.Join(topics, ","), userID)
	return err
}

func splitTopics(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// SaveDigestItems inserts or updates items by id in one transaction and
// reports how many were new or changed.
func (s *Store) SaveDigestItems(ctx context.Context, items []digest.Item) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, it := range items {
			res, err := tx.ExecContext(ctx, `INSERT INTO digest_items(id, topic, lang, title, body, url, published_at, source)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT(id) DO UPDATE SET topic = excluded.topic, lang = excluded.lang, title = excluded.title,
					body = excluded.body, url = excluded.url, published_at = excluded.published_at
				WHERE (topic, lang, title, body, url, published_at) IS NOT
					(excluded.topic, excluded.lang, excluded.title, excluded.body, excluded.url, excluded.published_at)`,
				it.ID, it.Topic, it.Lang, it.Title, it.Body, it.URL, unix(it.PublishedAt), it.Source)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			changed += int(n)
		}
		return nil
	})
	return changed, err
}

// DigestItemsBetween lists items published in (from, to], oldest first.
func (s *Store) DigestItemsBetween(ctx context.Context, from, to time.Time) ([]digest.Item, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, topic, lang, title, body, url, published_at, source
		FROM digest_items WHERE published_at > ? AND published_at <= ? ORDER BY published_at, id`, unix(from), unix(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []digest.Item
	for rows.Next() {
		var it digest.Item
		var at int64
		if err := rows.Scan(&it.ID, &it.Topic, &it.Lang, &it.Title, &it.Body, &it.URL, &at, &it.Source); err != nil {
			return nil, err
		}
		it.PublishedAt = fromUnix(at)
		out = append(out, it)
	}
	return out, rows.Err()
}
