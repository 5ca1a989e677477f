package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// DigestAudience is the active subscribers who share a language and a set
// of topics: one text serves them all.
type DigestAudience struct {
	Language string
	Topics   []string
}

// QueueSubscriberDigest is QueueDigest for the digest's own subscribers:
// render gets each audience once and returns its text ("" when nothing
// matches its topics), and one INSERT … SELECT queues a push for every
// active subscriber of an audience with a text, in user id order. No Go
// code runs per subscriber and no list of them is held in memory: 100,000
// subscribers queue in a fraction of a second, 1,000,000 in a few MB.
func (s *Store) QueueSubscriberDigest(ctx context.Context, follows int64, from, to time.Time, items int,
	render func(DigestAudience) string) (Digest, error) {
	return s.queueDigest(ctx, follows, from, to, items, func(tx *sql.Tx, key string) (int, error) {
		return s.queueToAudiences(ctx, tx, key, render)
	})
}

// activeSubscribersWhere selects the subscribers a digest goes to (d, u:
// digest_subscribers and users).
const activeSubscribersWhere = `d.active = 1 AND NOT EXISTS (SELECT 1 FROM inactive_chats i WHERE i.chat_id = d.chat_id)`

func (s *Store) queueToAudiences(ctx context.Context, tx *sql.Tx, key string, render func(DigestAudience) string) (int, error) {
	audiences, err := digestAudiences(ctx, tx)
	if err != nil {
		return 0, err
	}
	var values []string
	var args []any
	for _, a := range audiences {
		text := render(DigestAudience{Language: a.language, Topics: splitTopics(a.topics)})
		if text == "" {
			continue
		}
		bodyID, err := s.storeBody(ctx, tx, text)
		if err != nil {
			return 0, err
		}
		values = append(values, "(?, ?, ?)")
		args = append(args, a.language, a.topics, bodyID)
	}
	if len(values) == 0 {
		return 0, nil
	}
	now := s.now()
	args = append(args, key, now.UnixMilli(), unix(now))
	// CROSS JOIN keeps the subscribers the outer loop, read in user id
	// order (no sort), each joined to its user and its audience's row; left
	// to itself the planner scanned every user once per audience and sorted.
	res, err := tx.ExecContext(ctx, `WITH audience(language, topics, body_id) AS (VALUES `+strings.Join(values, ", ")+`)
		INSERT INTO outbox(kind, key, chat_id, body_id, status, next_at, created_at)
		SELECT 'digest', ?, d.chat_id, a.body_id, 'queued', ?, ?
		FROM digest_subscribers d CROSS JOIN users u ON u.id = d.user_id
			CROSS JOIN audience a ON a.language = u.language AND a.topics = d.topics
		WHERE `+activeSubscribersWhere+`
		ORDER BY d.user_id
		ON CONFLICT (kind, key, chat_id) DO NOTHING`, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

type digestAudienceRow struct{ language, topics string }

// digestAudiences lists the distinct (language, topics) of the active
// subscribers: a few dozen at most, however many subscribers.
func digestAudiences(ctx context.Context, tx *sql.Tx) ([]digestAudienceRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT u.language, d.topics
		FROM digest_subscribers d JOIN users u ON u.id = d.user_id WHERE `+activeSubscribersWhere+`
		ORDER BY u.language, d.topics`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []digestAudienceRow
	for rows.Next() {
		var a digestAudienceRow
		if err := rows.Scan(&a.language, &a.topics); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
