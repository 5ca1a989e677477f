package handlers

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"slices"
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
)

// Privacy shows what is stored about the user and offers to delete it.
func (c *Core) Privacy(ctx context.Context, req *Request) (Response, error) {
	pd, found, err := c.Store.PersonalData(ctx, req.UserID)
	if err != nil {
		return Response{}, err
	}
	if !found {
		return WithMenu(req.L, req.L.T("privacy_nothing")), nil
	}
	var b strings.Builder
	b.WriteString(req.L.T("privacy_summary", map[string]any{
		"Language": locales.New(pd.User.Language).T("language_name"),
		"Since":    req.L.Date(pd.User.CreatedAt),
	}))
	if pd.Submissions > 0 {
		b.WriteString("\n" + req.L.N("forms_privacy", pd.Submissions, nil))
	}
	if len(pd.Follows) > 0 {
		b.WriteString("\n" + req.L.T("council_privacy_follows", map[string]any{"Names": strings.Join(pd.Follows, ", ")}))
	}
	b.WriteString(cardPrivacy(req.L, pd.Cards))
	if len(pd.Vouchers) > 0 {
		b.WriteString("\n" + req.L.N("voucher_privacy", len(pd.Vouchers), map[string]any{"Numbers": strings.Join(pd.Vouchers, ", ")}))
	}
	b.WriteString(digestPrivacy(req.L, pd.Digest))
	b.WriteString(c.coursesPrivacy(req.L, pd.Courses))
	if pd.Conversation != "" {
		b.WriteString("\n" + req.L.T("privacy_conversation"))
	}
	b.WriteString("\n\n" + req.L.T("privacy_explain"))
	return Response{Replies: []Reply{{Text: b.String(), Buttons: [][]Button{{
		privacyNS.Button(req.L, "privacy_delete_button", privacyAsk),
	}}}}}, nil
}

// PrivacyButton asks for confirmation, then deletes the user's data.
func (c *Core) PrivacyButton(ctx context.Context, req *Request) (Response, error) {
	switch privacyNS.Action(req.Callback.Data) {
	case privacyAsk:
		return confirm(req.L.T("privacy_confirm"), privacyNS.Button(req.L, "privacy_confirm_yes", privacyDelete),
			privacyNS.Button(req.L, "privacy_confirm_no", privacyKeep)), nil
	case privacyDelete:
		if err := c.Store.DeleteUser(ctx, req.UserID); err != nil {
			return Response{}, err
		}
		return Response{EndConv: true, Replies: []Reply{{Text: req.L.T("privacy_deleted"), Edit: true}}}, nil
	case privacyKeep:
		return Response{Replies: []Reply{{Text: req.L.T("privacy_kept"), Edit: true}}}, nil
	}
	return Response{Answer: StaleButton(req.L)}, nil
}

// digestPrivacy is the digest subscription's line of /privacy: subscribed
// or paused (the chat blocked the bot), and the topics chosen.
func digestPrivacy(l *locales.Localizer, sub digest.Subscriber) string {
	if sub.UserID == 0 {
		return ""
	}
	topics := make([]string, 0, len(sub.Topics))
	for _, t := range digest.Topics {
		if slices.Contains(sub.Topics, t) {
			topics = append(topics, l.T(TopicLabels[t]))
		}
	}
	id := locales.ID("digest_privacy")
	if len(topics) == 0 {
		id = locales.ID("digest_privacy_no_topics")
	}
	return "\n" + l.T(id, map[string]any{"Topics": strings.Join(topics, ", ")})
}

// coursesPrivacy lists the courses the user started, with their progress.
func (c *Core) coursesPrivacy(l *locales.Localizer, progress []courses.Progress) string {
	var names []string
	for _, p := range progress {
		title, of := p.Course, 0
		if c.Courses != nil {
			if co, ok := c.Courses.Course(p.Course); ok {
				title, of = co.Title.In(l.Lang), len(co.Lessons)
			}
		}
		state := "✅"
		if !p.Finished() {
			state = l.T("learn_progress_short", map[string]any{"Done": min(p.Lesson, of), "Of": of})
		}
		names = append(names, l.T("learn_privacy_item", map[string]any{"Title": title, "State": state}))
	}
	if len(names) == 0 {
		return ""
	}
	return "\n" + l.T("learn_privacy", map[string]any{"Courses": strings.Join(names, ", ")})
}

// cardPrivacy is the card part of /privacy: linked cards (masked), watched
// applications and failed verifications kept for the lock.
func cardPrivacy(l *locales.Localizer, p card.Personal) string {
	var b strings.Builder
	if len(p.Cards) > 0 {
		masked := make([]string, len(p.Cards))
		for i, n := range p.Cards {
			masked[i] = privacy.MaskCard(n)
		}
		b.WriteString("\n" + l.T("card_privacy", map[string]any{"Cards": strings.Join(masked, ", ")}))
	}
	if p.Watches > 0 {
		b.WriteString("\n" + l.T("card_privacy_watches", map[string]any{"Count": p.Watches}))
	}
	if p.Failures > 0 {
		b.WriteString("\n" + l.T("card_privacy_failures", map[string]any{"Count": p.Failures}))
	}
	return b.String()
}
