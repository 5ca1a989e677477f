package main

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"errors"
	"fmt"
	"time"

	nazarapp "github.com/transparentcities/nazar/app"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// runDigest is `nazar digest preview|send-now|status|cancel`.
func runDigest(ctx context.Context, e *env) error {
	if len(e.args) != 1 {
		return errors.New("usage: nazar digest preview|send-now|status|cancel")
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := nazarapp.NewFeatures(e.cfg, st, e.log)
	if err != nil {
		return err
	}
	job, now := f.DigestJob, time.Now()
	switch e.args[0] {
	case "preview":
		plan, err := job.Plan(ctx, now)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, previewPeriod(plan, e.cfg.Location()))
		for _, lang := range locales.Supported {
			text := job.Render(locales.New(lang), plan, digest.Topics)
			if text == "" {
				text = "(nothing in this period: nothing would be sent)"
			}
			fmt.Fprintf(e.stdout, "=== %s ===\n%s\n\n", lang, text)
		}
		return nil
	case "send-now":
		return digestSendNow(ctx, e, job, now)
	case "status":
		return digestStatus(ctx, e, st)
	case "cancel":
		last, found, err := st.LastDigest(ctx)
		if err != nil || !found {
			return errors.Join(err, errors.New("no digest has been sent yet"))
		}
		n, err := st.CancelDigest(ctx, last.ID)
		if err == nil {
			fmt.Fprintf(e.stdout, "digest %d: %s cancelled\n", last.ID, importer.Count(n, "message", "messages"))
		}
		return err
	}
	return fmt.Errorf("%w: digest %q", errUsage, e.args[0])
}

// digestSendNow queues the digest of the period ending now, or says why not:
// nothing new, or another starter (the schedule, an admin, another
// send-now) queued this period first.
func digestSendNow(ctx context.Context, e *env, job *digesth.DigestJob, now time.Time) error {
	d, sent, err := job.Send(ctx, now)
	switch {
	case errors.Is(err, store.ErrDigestWindowTaken):
		fmt.Fprintf(e.stdout, "the digest of this period is already queued or sent (digest %d, %s): nothing queued\n",
			d.ID, d.CreatedAt.In(e.cfg.Location()).Format("2006-01-02 15:04:05"))
		return nil
	case err != nil:
		return err
	case !sent:
		fmt.Fprintln(e.stdout, "nothing new since the previous digest: nothing sent")
		return nil
	}
	fmt.Fprintf(e.stdout, "digest %d queued for %s; the running bot delivers it (see `nazar digest status`)\n",
		d.ID, importer.Count(d.Recipients, "chat", "chats"))
	return nil
}

func digestStatus(ctx context.Context, e *env, st *store.Store) error {
	last, found, err := st.LastDigest(ctx)
	if err != nil {
		return err
	}
	if !found {
		fmt.Fprintln(e.stdout, "no digest has been sent yet")
		return nil
	}
	c, err := st.OutboxCounts(ctx, "digest", store.DigestKey(last.ID))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "digest %d (%s, %s, %s): queued %d, sent %d, failed %d, inactive %d, cancelled %d\n",
		last.ID, last.CreatedAt.In(e.cfg.Location()).Format("2006-01-02 15:04"), importer.Count(last.Items, "item", "items"),
		importer.Count(last.Recipients, "recipient", "recipients"),
		c["queued"]+c["sending"], c["sent"], c["failed"], c["inactive"], c["cancelled"])
	return nil
}

// previewPeriod says which period a digest sent now would cover: before
// the first digest, the last 7 days.
func previewPeriod(plan digesth.DigestPlan, loc *time.Location) string {
	since := "the first digest: the last 7 days"
	if plan.Follows != 0 {
		since = fmt.Sprintf("since digest %d", plan.Follows)
	}
	return fmt.Sprintf("period: %s – %s (%s), %s", plan.From.In(loc).Format("2006-01-02 15:04"),
		plan.To.In(loc).Format("2006-01-02 15:04"), since, importer.Count(len(plan.Items), "item", "items"))
}
