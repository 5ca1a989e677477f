package store

import (
	"context"

	"github.com/transparentcities/nazar/council"
)

// FollowDeputy makes a user follow a deputy; following twice is a no-op.
func (s *Store) FollowDeputy(ctx context.Context, userID, deputy int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO council_follows(user_id, deputy, created_at) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, userID, deputy, unix(s.now()))
	return err
}

// UnfollowDeputy stops following a deputy.
func (s *Store) UnfollowDeputy(ctx context.Context, userID, deputy int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM council_follows WHERE user_id = ? AND deputy = ?`, userID, deputy)
	return err
}

// FollowsDeputy reports whether a user follows a deputy.
func (s *Store) FollowsDeputy(ctx context.Context, userID, deputy int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM council_follows WHERE user_id = ? AND deputy = ?`,
		userID, deputy).Scan(&n)
	return n > 0, err
}

// FollowedDeputies lists the full names of the deputies a user follows.
func (s *Store) FollowedDeputies(ctx context.Context, userID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.full_name FROM council_follows f
		JOIN council_deputies d ON d.id = f.deputy WHERE f.user_id = ? ORDER BY d.full_name`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// followPushes queues, inside the import transaction, one push per follower
// of each deputy with new rows, as data (MsgCouncilFollow): the sender
// renders it in the follower's language. The key names the deputy and their
// newest new event, so the same votes never push twice.
func (ci *councilImport) followPushes(fresh map[int32]*newVotes) error {
	if len(fresh) == 0 {
		return nil
	}
	names := make(map[int32]string, len(ci.events))
	for uid, ref := range ci.events {
		names[int32(ref.id)] = uid
	}
	rows, err := ci.tx.QueryContext(ci.ctx, `SELECT f.deputy, d.uid, d.full_name, u.chat_id
		FROM council_follows f JOIN users u ON u.id = f.user_id JOIN council_deputies d ON d.id = f.deputy
		ORDER BY f.deputy, f.user_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var pushes []Push
	for rows.Next() {
		var dep int32
		var uid, name string
		var chat int64
		if err := rows.Scan(&dep, &uid, &name, &chat); err != nil {
			return err
		}
		nv := fresh[dep]
		if nv == nil {
			continue
		}
		news := council.News{Deputy: name, DeputyUID: uid, Votes: nv.n, Last: council.Day(nv.day)}
		pushes = append(pushes, Push{Kind: "deputy", Key: uid + ":" + names[nv.last], ChatID: chat,
			Message: MsgCouncilFollow, Args: news})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	n, err := ci.s.enqueueTx(ci.ctx, ci.tx, pushes)
	ci.res.Pushes = n
	return err
}
