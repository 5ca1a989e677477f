package store

import (
	"context"
	"database/sql"
	"sync"
)

// preparedStmts keeps the hot statements prepared: preparing (parsing and
// planning the SQL) costs as much as running a small primary-key or R*Tree
// read, every time. database/sql prepares a *sql.Stmt once per pool
// connection and reuses it there.
type preparedStmts struct {
	mu    sync.Mutex // serialises preparing and closing
	stmts sync.Map   // query text → *sql.Stmt; read without the lock
}

// prepared is query prepared on the store's pool, prepared at first use.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	p := &s.stmts
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.stmts.Store(query, st)
	return st, nil
}

// closePrepared closes every prepared statement (on Close).
func (s *Store) closePrepared() {
	p := &s.stmts
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stmts.Range(func(k, st any) bool {
		st.(*sql.Stmt).Close()
		p.stmts.Delete(k)
		return true
	})
}
