package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// firstDigestLookback is the period of the very first digest.
const firstDigestLookback = 7 * 24 * time.Hour

// DigestJobStore is what building and queueing a digest needs.
type DigestJobStore interface {
	LastDigest(ctx context.Context) (digestdom.Digest, bool, error)
	DigestItemsBetween(ctx context.Context, from, to time.Time) ([]digestdom.Item, error)
	DigestAudiences(ctx context.Context) ([]digestdom.Audience, error)
	QueueSubscriberDigest(ctx context.Context, follows int64, from, to time.Time, items int,
		texts []digestdom.AudienceText) (digestdom.Digest, error)
}

// CouncilDecisions lists the titles of decisions adopted in (from, to]; the
// council feature provides it once council data exists.
type CouncilDecisions func(ctx context.Context, from, to time.Time) ([]string, error)

// DigestJob builds the weekly digest and queues it in the outbox. The cron
// job calls Send with the current time; tests call it with a fixed one.
type DigestJob struct {
	Store    DigestJobStore
	City     string
	Location *time.Location
	Council  CouncilDecisions // nil when there is no council data source
}

// DigestPlan is what a digest sent at a given time would hold.
type DigestPlan struct {
	Follows  int64 // the previous digest, whose end starts this window; 0 before the first
	From, To time.Time
	Items    []digestdom.Item
}

// Plan collects the items published since the previous digest (for the very
// first one: the last 7 days), plus the council's adopted decisions.
func (j *DigestJob) Plan(ctx context.Context, now time.Time) (DigestPlan, error) {
	from, follows := now.Add(-firstDigestLookback), int64(0)
	if last, found, err := j.Store.LastDigest(ctx); err != nil {
		return DigestPlan{}, err
	} else if found {
		from, follows = last.To, last.ID
	}
	items, err := j.Store.DigestItemsBetween(ctx, from, now)
	if err != nil {
		return DigestPlan{}, err
	}
	if j.Council != nil {
		titles, err := j.Council(ctx, from, now)
		if err != nil {
			return DigestPlan{}, err
		}
		if len(titles) > 0 {
			items = append(items, councilItem(titles, now))
		}
	}
	return DigestPlan{Follows: follows, From: from, To: now, Items: items}, nil
}

// councilItem is the automatic summary of adopted decisions; its title is
// filled in per language at render time (Source "council").
func councilItem(titles []string, now time.Time) digestdom.Item {
	return digestdom.Item{ID: "council-summary", Topic: "council", Source: "council",
		Body: strings.Join(titles, "\n"), PublishedAt: now}
}

// Send queues the digest for every active subscriber whose topics and
// language match at least one item; with no items nothing is queued and
// sent is false. When another starter (cron, an admin, the CLI, another
// process) queued this window's digest first, err is
// store.ErrDigestWindowTaken and d is that digest.
func (j *DigestJob) Send(ctx context.Context, now time.Time) (d digestdom.Digest, sent bool, err error) {
	plan, err := j.Plan(ctx, now)
	if err != nil || len(plan.Items) == 0 {
		return digestdom.Digest{}, false, err
	}
	// Each language and set of topics is rendered once, here; the store
	// queues every subscriber's push in SQL (100,000 in a fraction of a
	// second). The path runs one way: job → store, no call back.
	audiences, err := j.Store.DigestAudiences(ctx)
	if err != nil {
		return digestdom.Digest{}, false, err
	}
	texts := make([]digestdom.AudienceText, 0, len(audiences))
	for _, a := range audiences {
		texts = append(texts, digestdom.AudienceText{Audience: a, Text: j.Render(locales.New(a.Language), plan, a.Topics)})
	}
	d, err = j.Store.QueueSubscriberDigest(ctx, plan.Follows, plan.From, plan.To, len(plan.Items), texts)
	return d, err == nil, err
}

// Render is the digest in one language for one set of topics, or "" when no
// item matches them.
func (j *DigestJob) Render(l *locales.Localizer, plan DigestPlan, topics []string) string {
	var b strings.Builder
	count := 0
	for _, topic := range digestdom.Topics {
		if !slices.Contains(topics, topic) {
			continue
		}
		var section []string
		for _, it := range plan.Items {
			if it.Topic == topic && (it.Lang == "" || it.Lang == l.Lang) {
				section = append(section, j.renderItem(l, it))
			}
		}
		if len(section) == 0 {
			continue
		}
		count += len(section)
		fmt.Fprintf(&b, "\n\n%s\n%s", strings.ToUpper(l.T(handlers.TopicLabels[topic])), strings.Join(section, "\n\n"))
	}
	if count == 0 {
		return ""
	}
	head := l.T("digest_title", map[string]any{"City": j.City}) + "\n" +
		l.T("digest_period", map[string]any{"From": l.Date(plan.From.In(j.Location)), "To": l.Date(plan.To.In(j.Location))})
	return head + b.String()
}

func (j *DigestJob) renderItem(l *locales.Localizer, it digestdom.Item) string {
	if it.Source == "council" {
		n := strings.Count(it.Body, "\n") + 1
		return "• " + l.N("digest_council_summary", n, nil) + "\n" + indent(it.Body)
	}
	s := "• " + it.Title
	if it.Body != "" {
		s += "\n" + indent(it.Body)
	}
	if it.URL != "" {
		s += "\n  " + it.URL
	}
	return s
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
