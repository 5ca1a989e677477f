package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// importLockPoll is how often a waiting import tries the lock again.
const importLockPoll = 100 * time.Millisecond

// LockImports makes this import the only one running on the database, in
// any process: a second import waits its turn (calling waiting once, when it
// starts to wait) until the first ends or ctx does. It returns the release.
//
// The lock is an flock on DATABASE.import-lock beside the database, so a
// killed import never leaves it held. Imports read the database before they
// write it (the stored keys, the cards, the rows to keep), and only one at a
// time can know that nothing changed in between.
func (s *Store) LockImports(ctx context.Context, waiting func()) (release func(), err error) {
	f, err := os.OpenFile(s.path+".import-lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("import lock: %w", err)
	}
	for told := false; ; {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil // closing the file releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("import lock: %w", err)
		}
		if !told && waiting != nil {
			waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(importLockPoll):
		}
	}
}
