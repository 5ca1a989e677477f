package store

import (
	"context"
	"database/sql"
	"sync"
)

// The sender records each delivered message before its worker takes the
// next one, so a crash re-sends at most one message per worker. One
// transaction per record wrote about 16 kB of log each (the row's page and
// its index pages), 16 MB a second at 1,000 messages a second, and a busy
// disk then stalled every worker. Records that arrive while one is being
// written are written together in the next transaction: each call still
// returns only once its own record is committed.

// sentMark is one delivered message to record.
type sentMark struct {
	id        int64
	messageID int
	at        int64 // unix ms, stamped when the send returned
}

// sentBatch is the marks gathered for one transaction.
type sentBatch struct {
	marks   []sentMark
	written bool
	err     error
}

// sentMarks gathers the marks of the batch being filled.
type sentMarks struct {
	mu  sync.Mutex
	cur *sentBatch
}

// join adds m to the batch being filled and returns that batch.
func (g *sentMarks) join(m sentMark) *sentBatch {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cur == nil {
		g.cur = &sentBatch{}
	}
	g.cur.marks = append(g.cur.marks, m)
	return g.cur
}

// take hands over the batch being filled and starts a new one.
func (g *sentMarks) take() *sentBatch {
	g.mu.Lock()
	defer g.mu.Unlock()
	b := g.cur
	g.cur = nil
	return b
}

// OutboxSent settles a row as delivered. It returns once the record is
// committed, with the records of the other workers that arrived meanwhile.
func (s *Store) OutboxSent(ctx context.Context, id int64, messageID int) error {
	// Stamped before waiting for the lock and the database: a restart seeds
	// its pace with these times (RecentSendAges), and a stamp taken after
	// other workers' claims and writes (tens of milliseconds at 1,000 a
	// second) kept that many sends in its window too long.
	b := s.sent.join(sentMark{id: id, messageID: messageID, at: s.now().UnixMilli()})
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	if !b.written {
		// b is still the batch being filled: whoever took sendMu before us
		// wrote the batch before it. Write it, with every mark in it.
		b = s.sent.take()
		b.err = s.writeSent(ctx, b.marks)
		b.written = true
	}
	return b.err
}

// writeSent records marks in one transaction; sendMu is held.
func (s *Store) writeSent(ctx context.Context, marks []sentMark) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, error = ''
			WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, m := range marks {
			if _, err := stmt.ExecContext(ctx, m.at, m.messageID, m.id); err != nil {
				return err
			}
		}
		return nil
	})
}
