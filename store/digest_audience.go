package store

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"database/sql"
	"strings"
	"time"
)

// QueueSubscriberDigest is QueueDigest for the digest's own subscribers:
// texts holds the digest rendered once per audience (DigestAudiences; an
// audience with nothing to read is left out), and one INSERT … SELECT
// queues a push for every active subscriber of an audience with a text, in
// user id order. No Go code runs per subscriber and no list of them is
// held in memory: 100,000 subscribers queue in a fraction of a second,
// 1,000,000 in a few MB. A subscriber whose audience appeared after texts
// was rendered gets this digest's successor, not this one.
func (s *Store) QueueSubscriberDigest(ctx context.Context, follows int64, from, to time.Time, items int,
	texts []digest.AudienceText) (digest.Digest, error) {
	return s.queueDigest(ctx, follows, from, to, items, func(tx *sql.Tx, key string) (int, error) {
		return s.queueToAudiences(ctx, tx, key, texts)
	})
}

// activeSubscribersWhere selects the subscribers a digest goes to (d, u:
// digest_subscribers and users).
const activeSubscribersWhere = `d.active = 1 AND NOT EXISTS (SELECT 1 FROM inactive_chats i WHERE i.chat_id = d.chat_id)`

func (s *Store) queueToAudiences(ctx context.Context, tx *sql.Tx, key string, texts []digest.AudienceText) (int, error) {
	var values []string
	var args []any
	for _, a := range texts {
		if a.Text == "" {
			continue
		}
		bodyID, err := s.storeBody(ctx, tx, a.Text)
		if err != nil {
			return 0, err
		}
		values = append(values, "(?, ?, ?)")
		args = append(args, a.Language, strings.Join(a.Topics, ","), bodyID)
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

// DigestAudiences lists the distinct (language, topics) of the active
// subscribers, the digest job renders one text for each: a few dozen at
// most, however many subscribers.
func (s *Store) DigestAudiences(ctx context.Context) ([]digest.Audience, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT u.language, d.topics
		FROM digest_subscribers d JOIN users u ON u.id = d.user_id WHERE `+activeSubscribersWhere+`
		ORDER BY u.language, d.topics`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []digest.Audience
	for rows.Next() {
		var lang, topics string
		if err := rows.Scan(&lang, &topics); err != nil {
			return nil, err
		}
		out = append(out, digest.Audience{Language: lang, Topics: splitTopics(topics)})
	}
	return out, rows.Err()
}
