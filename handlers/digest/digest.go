package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/handlers"
)

// DigestStore is what the /digest panel needs.
type DigestStore interface {
	Subscription(ctx context.Context, userID int64) (digestdom.Subscriber, bool, error)
	Subscribe(ctx context.Context, userID, chatID int64) error
	Unsubscribe(ctx context.Context, userID int64) error
	SetTopics(ctx context.Context, userID int64, topics []string) error
}

// Digest is the subscriber's side of the weekly digest: subscribe,
// unsubscribe, pick topics, see when the next one comes.
type Digest struct {
	Store    DigestStore
	Schedule cron.Schedule
	Location *time.Location
	City     string     // named with the next digest's time, whose zone is the city's
	Job      *DigestJob // renders the last digest again for 🗞 (nil: no such button)
}

// Panel is /digest: the subscription and its buttons.
func (d *Digest) Panel(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	reply, err := d.PanelReply(ctx, req)
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

// Button handles the panel's buttons and redraws it in place.
func (d *Digest) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	data := req.Callback.Data
	var err error
	switch DgNS.Action(data) {
	case DgSubscribe:
		err = d.Store.Subscribe(ctx, req.UserID, req.ChatID)
	case dgUnsubscribe:
		err = d.Store.Unsubscribe(ctx, req.UserID)
	case dgTopic:
		err = d.toggle(ctx, req.UserID, data.Arg(0))
	case dgLast:
		return d.last(ctx, req)
	default:
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	if err != nil {
		return handlers.Response{}, err
	}
	reply, err := d.PanelReply(ctx, req)
	reply.Edit = true
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

func (d *Digest) toggle(ctx context.Context, userID int64, topic string) error {
	sub, found, err := d.Store.Subscription(ctx, userID)
	if err != nil || !found || handlers.TopicLabels[topic] == "" {
		return err
	}
	var topics []string
	for _, t := range digestdom.Topics {
		if on := slices.Contains(sub.Topics, t); on != (t == topic) {
			topics = append(topics, t)
		}
	}
	return d.Store.SetTopics(ctx, userID, topics)
}

// PanelReply is the subscription panel as one reply (Panel, and the typed
// questions' answer about the digest).
func (d *Digest) PanelReply(ctx context.Context, req *handlers.Request) (handlers.Reply, error) {
	sub, found, err := d.Store.Subscription(ctx, req.UserID)
	if err != nil {
		return handlers.Reply{}, err
	}
	next := d.Schedule.Next(req.Now.In(d.Location))
	when := req.L.T("digest_when", map[string]any{"Weekday": req.L.Weekday(next), "Time": req.L.DateTime(next),
		"City": d.City})
	if !found {
		return handlers.Reply{Text: req.L.T("digest_not_subscribed") + "\n" + when, Buttons: append([][]handlers.Button{{
			DgNS.Button(req.L, "digest_subscribe", DgSubscribe)}}, d.lastButton(req.L)...)}, nil
	}
	var b strings.Builder
	b.WriteString(req.L.T("digest_subscribed"))
	var rows [][]handlers.Button
	for _, t := range digestdom.Topics {
		mark := "▫️"
		if slices.Contains(sub.Topics, t) {
			mark = "✅"
		}
		rows = append(rows, []handlers.Button{{Text: mark + " " + req.L.T(handlers.TopicLabels[t]), Data: DgNS.Data(dgTopic, t)}})
	}
	if len(sub.Topics) == 0 {
		b.WriteString("\n" + req.L.T("digest_no_topics"))
	}
	b.WriteString("\n" + when)
	rows = append(rows, d.lastButton(req.L)...)
	rows = append(rows, []handlers.Button{DgNS.Button(req.L, "digest_unsubscribe", dgUnsubscribe)})
	return handlers.Reply{Text: b.String(), Buttons: rows}, nil
}
