package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/weblink"
)

// Limits of an admin's digest item.
const (
	maxItemTitle = 200
	maxItemBody  = 2000
)

// DigestAdminStore is what the admins' digest tools need.
type DigestAdminStore interface {
	Audit(ctx context.Context, adminID int64, action, detail string) error
	SaveDigestItems(ctx context.Context, items []digestdom.Item) (int, error)
	LastDigest(ctx context.Context) (digestdom.Digest, bool, error)
	OutboxCounts(ctx context.Context, kind, key string) (map[string]int, error)
	CancelDigest(ctx context.Context, id int64) (int, error)
}

// DigestAdmin lets admins write digest items in the bot, preview the
// digest, send it now, watch delivery and cancel it. Every action is audited.
type DigestAdmin struct {
	Store DigestAdminStore
	Job   *DigestJob
	Admin *handlers.Admin
}

// convDigestItem is the conversation feature of the new-item flow.
const convDigestItem = "dgitem"

// AdminButtons are the digest's rows in the admin panel.
func (d *DigestAdmin) AdminButtons(req *handlers.Request) [][]handlers.Button {
	return [][]handlers.Button{
		{dgaNS.Button(req.L, "digest_admin_new", dgaNew),
			dgaNS.Button(req.L, "digest_admin_preview", dgaPreview)},
		{dgaNS.Button(req.L, "digest_admin_send", dgaSend),
			dgaNS.Button(req.L, "digest_admin_status", dgaStatus),
			dgaNS.Button(req.L, "digest_admin_cancel", dgaCancel)},
	}
}

// Button handles the admins' digest buttons.
func (d *DigestAdmin) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	action := dgaNS.Action(req.Callback.Data)
	if !req.Admin {
		return d.Admin.Refuse(ctx, req, "digest."+string(action))
	}
	switch action {
	case dgaNew:
		return d.chooseTopic(req), nil
	case dgaTopic:
		return d.topicChosen(req)
	case dgaPublish:
		return d.publish(ctx, req)
	case dgaDiscard:
		return handlers.Response{EndConv: true, Replies: []handlers.Reply{{Text: req.L.T("digest_item_discarded"), Edit: true}}}, nil
	case dgaPreview:
		return d.preview(ctx, req)
	case dgaSend:
		return d.sendNow(ctx, req)
	case dgaStatus:
		return d.status(ctx, req)
	case dgaCancel:
		return d.cancel(ctx, req)
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

func (d *DigestAdmin) chooseTopic(req *handlers.Request) handlers.Response {
	var row []handlers.Button
	for _, t := range digestdom.Topics {
		row = append(row, handlers.Button{Text: req.L.T(handlers.TopicLabels[t]), Data: dgaNS.Data(dgaTopic, t)})
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("digest_item_topic"), Buttons: [][]handlers.Button{row}}}}
}

func (d *DigestAdmin) topicChosen(req *handlers.Request) (handlers.Response, error) {
	topic := req.Callback.Data.Arg(0)
	if handlers.TopicLabels[topic] == "" {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	return handlers.Response{Next: handlers.Step(convDigestItem, "title", map[string]string{"topic": topic}),
		Replies: []handlers.Reply{{Text: req.L.T("digest_item_ask_title"), Edit: true}}}, nil
}

// Step takes the item's title, text and link in turn, then shows a preview.
func (d *DigestAdmin) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if !req.Admin {
		return d.Admin.Refuse(ctx, req, "digest.item")
	}
	data, text := req.Conv.Data, strings.TrimSpace(req.Text)
	switch req.Conv.Step {
	case "title":
		if text == "" || utf8.RuneCountInString(text) > maxItemTitle {
			return d.again(req, "digest_item_bad_title", map[string]any{"Max": maxItemTitle}), nil
		}
		data["title"] = text
		return handlers.Response{Next: handlers.Step(convDigestItem, "body", data), Replies: []handlers.Reply{{Text: req.L.T("digest_item_ask_body")}}}, nil
	case "body":
		if text == "" || utf8.RuneCountInString(text) > maxItemBody {
			return d.again(req, "digest_item_bad_body", map[string]any{"Max": maxItemBody}), nil
		}
		data["body"] = text
		return handlers.Response{Next: handlers.Step(convDigestItem, "link", data), Replies: []handlers.Reply{{Text: req.L.T("digest_item_ask_link")}}}, nil
	case "link":
		if text != "-" {
			if !weblink.Valid(text) {
				return d.again(req, "digest_item_bad_link", nil), nil
			}
			data["url"] = text
		}
		return d.showPreview(req, data), nil
	}
	return handlers.Response{}, fmt.Errorf("digest item: unknown step %q", req.Conv.Step)
}

// again repeats the current step after a refused answer.
func (d *DigestAdmin) again(req *handlers.Request, msg string, args map[string]any) handlers.Response {
	return handlers.Response{Next: req.Conv, Replies: []handlers.Reply{{Text: req.L.T(msg, args)}}}
}

func (d *DigestAdmin) showPreview(req *handlers.Request, data map[string]string) handlers.Response {
	item := digestdom.Item{Topic: data["topic"], Title: data["title"], Body: data["body"], URL: data["url"]}
	text := req.L.T("digest_item_preview", map[string]any{"Topic": req.L.T(handlers.TopicLabels[item.Topic])}) + "\n\n" +
		d.Job.renderItem(req.L, item)
	return handlers.Response{Next: handlers.Step(convDigestItem, "confirm", data), Replies: []handlers.Reply{{Text: text, Buttons: [][]handlers.Button{{
		dgaNS.Button(req.L, "digest_item_publish", dgaPublish),
		dgaNS.Button(req.L, "digest_item_discard", dgaDiscard),
	}}}}}
}

func (d *DigestAdmin) publish(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if req.Conv == nil || req.Conv.Feature != convDigestItem || req.Conv.Step != "confirm" {
		return handlers.Response{Answer: req.L.T("conv_expired"), ShowAlert: true}, nil
	}
	data := req.Conv.Data
	item := digestdom.Item{ID: "admin-" + strconv.FormatInt(req.Now.UnixNano(), 36), Topic: data["topic"],
		Title: data["title"], Body: data["body"], URL: data["url"], PublishedAt: req.Now, Source: "admin"}
	if _, err := d.Store.SaveDigestItems(ctx, []digestdom.Item{item}); err != nil {
		return handlers.Response{}, err
	}
	if err := d.Store.Audit(ctx, req.UserID, "digest.publish", item.ID+" "+item.Title); err != nil {
		return handlers.Response{}, err
	}
	return handlers.Response{EndConv: true, Replies: []handlers.Reply{{Text: req.L.T("digest_item_published"), Edit: true}}}, nil
}
