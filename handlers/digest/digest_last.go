package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// lastButton is the panel's 🗞 row: read the last digest sent, in full.
func (d *Digest) lastButton(l *locales.Localizer) [][]handlers.Button {
	if d.Job == nil {
		return nil
	}
	return [][]handlers.Button{{DgNS.Button(l, "digest_last_button", dgLast)}}
}

// last shows the last digest sent again, as a new message: its window's
// items in the reader's language, every topic for someone not subscribed
// (they have chosen none), their own topics otherwise.
func (d *Digest) last(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if d.Job == nil {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	topics := digestdom.Topics
	sub, found, err := d.Store.Subscription(ctx, req.UserID)
	if err != nil {
		return handlers.Response{}, err
	}
	if found && len(sub.Topics) > 0 {
		topics = sub.Topics
	}
	text, err := d.Job.RenderLast(ctx, req.L, topics)
	if err != nil {
		return handlers.Response{}, err
	}
	if text == "" {
		return handlers.Response{Answer: req.L.T("digest_last_none"), ShowAlert: true}, nil
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: text}}}, nil
}

// RenderLast renders the newest digest's window again for one language and
// set of topics; "" when there has been no digest or nothing in it matches.
func (j *DigestJob) RenderLast(ctx context.Context, l *locales.Localizer, topics []string) (string, error) {
	last, found, err := j.Store.LastDigest(ctx)
	if err != nil || !found {
		return "", err
	}
	items, err := j.Store.DigestItemsBetween(ctx, last.From, last.To)
	if err != nil {
		return "", err
	}
	if j.Council != nil {
		titles, err := j.Council(ctx, last.From, last.To)
		if err != nil {
			return "", err
		}
		if len(titles) > 0 {
			items = append(items, councilItem(titles, last.To))
		}
	}
	return j.Render(l, DigestPlan{Follows: last.Follows, From: last.From, To: last.To, Items: items}, topics), nil
}
