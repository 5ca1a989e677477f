package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"errors"
	"fmt"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/store"
)

func (d *DigestAdmin) preview(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	plan, err := d.Job.Plan(ctx, req.Now)
	if err != nil {
		return handlers.Response{}, err
	}
	text := d.Job.Render(req.L, plan, digestdom.Topics)
	if text == "" {
		text = req.L.T("digest_admin_nothing")
	}
	return handlers.Text(text), nil
}

func (d *DigestAdmin) sendNow(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	dg, sent, err := d.Job.Send(ctx, req.Now)
	if errors.Is(err, store.ErrDigestWindowTaken) {
		return handlers.Text(req.L.T("digest_admin_already", map[string]any{"ID": dg.ID,
			"Created": req.L.DateTime(dg.CreatedAt.In(d.Job.Location))})), nil
	}
	if err != nil {
		return handlers.Response{}, err
	}
	if !sent {
		return handlers.Text(req.L.T("digest_admin_nothing")), nil
	}
	if err := d.Store.Audit(ctx, req.UserID, "digest.send", fmt.Sprintf("digest %d to %d chats", dg.ID, dg.Recipients)); err != nil {
		return handlers.Response{}, err
	}
	return handlers.Text(req.L.N("digest_admin_queued", dg.Recipients, nil)), nil
}

func (d *DigestAdmin) status(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	last, found, err := d.Store.LastDigest(ctx)
	if err != nil || !found {
		return handlers.Text(req.L.T("digest_admin_none_yet")), err
	}
	counts, err := d.Store.OutboxCounts(ctx, "digest", store.DigestKey(last.ID))
	if err != nil {
		return handlers.Response{}, err
	}
	return handlers.Text(req.L.T("digest_admin_progress", map[string]any{
		"ID": last.ID, "Created": req.L.DateTime(last.CreatedAt.In(d.Job.Location)),
		"Queued": counts["queued"] + counts["sending"], "Sent": counts["sent"], "Failed": counts["failed"],
		"Inactive": counts["inactive"], "Cancelled": counts["cancelled"],
	})), nil
}

func (d *DigestAdmin) cancel(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	last, found, err := d.Store.LastDigest(ctx)
	if err != nil || !found {
		return handlers.Text(req.L.T("digest_admin_none_yet")), err
	}
	n, err := d.Store.CancelDigest(ctx, last.ID)
	if err != nil {
		return handlers.Response{}, err
	}
	if err := d.Store.Audit(ctx, req.UserID, "digest.cancel", fmt.Sprintf("digest %d: %d not sent", last.ID, n)); err != nil {
		return handlers.Response{}, err
	}
	return handlers.Text(req.L.N("digest_admin_cancelled", n, nil)), nil
}
