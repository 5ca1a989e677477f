package handlers

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// DigestStore is what the /digest panel needs.
type DigestStore interface {
	Subscription(ctx context.Context, userID int64) (store.Subscriber, bool, error)
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

// topicLabels are the message ids of the topics' names.
var topicLabels = map[string]string{
	"news":      locales.ID("digest_topic_news"),
	"business":  locales.ID("digest_topic_business"),
	"transport": locales.ID("digest_topic_transport"),
	"council":   locales.ID("digest_topic_council"),
}

// Panel is /digest: the subscription and its buttons.
func (d *Digest) Panel(ctx context.Context, req *Request) (Response, error) {
	reply, err := d.panel(ctx, req)
	return Response{Replies: []Reply{reply}}, err
}

// Button handles the panel's buttons and redraws it in place.
func (d *Digest) Button(ctx context.Context, req *Request) (Response, error) {
	data := req.Callback.Data
	var err error
	switch dgNS.Action(data) {
	case dgSubscribe:
		err = d.Store.Subscribe(ctx, req.UserID, req.ChatID)
	case dgUnsubscribe:
		err = d.Store.Unsubscribe(ctx, req.UserID)
	case dgTopic:
		err = d.toggle(ctx, req.UserID, data.Arg(0))
	case dgLast:
		return d.last(ctx, req)
	default:
		return Response{Answer: StaleButton(req.L)}, nil
	}
	if err != nil {
		return Response{}, err
	}
	reply, err := d.panel(ctx, req)
	reply.Edit = true
	return Response{Replies: []Reply{reply}}, err
}

func (d *Digest) toggle(ctx context.Context, userID int64, topic string) error {
	sub, found, err := d.Store.Subscription(ctx, userID)
	if err != nil || !found || topicLabels[topic] == "" {
		return err
	}
	var topics []string
	for _, t := range store.DigestTopics {
		if on := slices.Contains(sub.Topics, t); on != (t == topic) {
			topics = append(topics, t)
		}
	}
	return d.Store.SetTopics(ctx, userID, topics)
}

func (d *Digest) panel(ctx context.Context, req *Request) (Reply, error) {
	sub, found, err := d.Store.Subscription(ctx, req.UserID)
	if err != nil {
		return Reply{}, err
	}
	next := d.Schedule.Next(req.Now.In(d.Location))
	when := req.L.T("digest_when", map[string]any{"Weekday": req.L.Weekday(next), "Time": req.L.DateTime(next),
		"City": d.City})
	if !found {
		return Reply{Text: req.L.T("digest_not_subscribed") + "\n" + when, Buttons: append([][]Button{{
			dgNS.Button(req.L, "digest_subscribe", dgSubscribe)}}, d.lastButton(req.L)...)}, nil
	}
	var b strings.Builder
	b.WriteString(req.L.T("digest_subscribed"))
	var rows [][]Button
	for _, t := range store.DigestTopics {
		mark := "▫️"
		if slices.Contains(sub.Topics, t) {
			mark = "✅"
		}
		rows = append(rows, []Button{{Text: mark + " " + req.L.T(topicLabels[t]), Data: dgNS.Data(dgTopic, t)}})
	}
	if len(sub.Topics) == 0 {
		b.WriteString("\n" + req.L.T("digest_no_topics"))
	}
	b.WriteString("\n" + when)
	rows = append(rows, d.lastButton(req.L)...)
	rows = append(rows, []Button{dgNS.Button(req.L, "digest_unsubscribe", dgUnsubscribe)})
	return Reply{Text: b.String(), Buttons: rows}, nil
}
