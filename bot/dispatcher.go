package bot

import (
	"context"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// Dispatcher runs updates of one chat strictly in arrival order while
// different chats run concurrently, at most `limit` handlers at once.
//
// go-telegram/bot starts a goroutine per update, so two messages of one chat
// could be handled out of order; Nazar registers one non-async handler with
// the library that only enqueues here.
type Dispatcher struct {
	handle func(ctx context.Context, upd *models.Update)
	ctx    context.Context // handlers' parent: not cancelled by shutdown
	sem    chan struct{}

	mu        sync.Mutex
	cond      *sync.Cond // signalled when the queued count drops
	queues    map[int64][]*models.Update
	queued    int
	maxQueued int
	closed    bool
	inFlight  sync.WaitGroup
	idle      chan int64    // a chat handed to a worker waiting for one
	quit      chan struct{} // closed by Close: idle workers exit
}

// workerIdle is how long a worker that has drained its chat waits for
// another before it exits. A goroutine per chat grew its stack anew for
// every burst of updates (3 % of the pipeline's CPU); a worker kept for a
// second serves the next chat with the stack it has.
const workerIdle = time.Second

// NewDispatcher returns a dispatcher running at most limit handlers at once
// and holding at most maxQueued waiting updates (Enqueue blocks beyond that,
// which slows the poller instead of growing memory).
func NewDispatcher(ctx context.Context, limit, maxQueued int, handle func(context.Context, *models.Update)) *Dispatcher {
	d := &Dispatcher{handle: handle, ctx: context.WithoutCancel(ctx), sem: make(chan struct{}, limit),
		queues: map[int64][]*models.Update{}, maxQueued: maxQueued, idle: make(chan int64), quit: make(chan struct{})}
	d.cond = sync.NewCond(&d.mu)
	return d
}

// Enqueue adds an update to its chat's queue; false once the dispatcher is closed.
func (d *Dispatcher) Enqueue(upd *models.Update) bool {
	chat := ChatOf(upd)
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.queued >= d.maxQueued && !d.closed {
		d.cond.Wait()
	}
	if d.closed {
		return false
	}
	d.queued++
	q, running := d.queues[chat]
	d.queues[chat] = append(q, upd)
	if !running {
		d.inFlight.Add(1)
		select {
		case d.idle <- chat: // a worker was waiting
		default:
			go d.work(chat)
		}
	}
	return true
}

// work drains chat, then each chat handed to it, until none comes for
// workerIdle or the dispatcher closes.
func (d *Dispatcher) work(chat int64) {
	t := time.NewTimer(workerIdle)
	defer t.Stop()
	for {
		d.drainChat(chat)
		t.Reset(workerIdle)
		select {
		case chat = <-d.idle:
		case <-t.C:
			return
		case <-d.quit:
			return
		}
	}
}

// drainChat handles a chat's updates one by one until its queue is empty.
func (d *Dispatcher) drainChat(chat int64) {
	defer d.inFlight.Done()
	for {
		d.mu.Lock()
		q := d.queues[chat]
		if len(q) == 0 {
			delete(d.queues, chat)
			d.mu.Unlock()
			return
		}
		upd := q[0]
		d.queues[chat] = q[1:]
		d.mu.Unlock()

		d.sem <- struct{}{}
		d.handle(d.ctx, upd)
		<-d.sem

		d.mu.Lock()
		d.queued--
		d.cond.Broadcast()
		d.mu.Unlock()
	}
}

// Close stops accepting updates and waits until every queued update has been
// handled or ctx ends; it reports ctx's error in the second case.
func (d *Dispatcher) Close(ctx context.Context) error {
	d.mu.Lock()
	if !d.closed {
		close(d.quit)
	}
	d.closed = true
	d.cond.Broadcast()
	d.mu.Unlock()
	done := make(chan struct{})
	go func() { d.inFlight.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ChatOf is the chat an update belongs to (0 for updates without one).
func ChatOf(upd *models.Update) int64 {
	switch {
	case upd.Message != nil:
		return upd.Message.Chat.ID
	case upd.CallbackQuery != nil:
		if m := upd.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		return upd.CallbackQuery.From.ID
	case upd.MyChatMember != nil:
		return upd.MyChatMember.Chat.ID
	}
	return 0
}
