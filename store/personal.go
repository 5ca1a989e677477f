package store

import (
	"github.com/transparentcities/nazar/digest"

	"context"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/courses"
)

// PersonalData is everything stored about one user, for /privacy. Each
// feature that stores personal data adds its part here, so that what the
// user is shown and what DeleteUser removes stay the same list.
type PersonalData struct {
	User         User
	Conversation string   // the feature of a conversation in progress, "" if none
	Submissions  int      // city-service forms sent (handlers/forms/forms.go)
	Follows      []string // deputies followed (handlers/council/council.go), by name

	Cards card.Personal // linked cards, watched applications (handlers/card/card.go)

	Vouchers []string // voucher applications subscribed to (handlers/voucher/voucher.go), by number

	Digest digest.Subscriber // the digest subscription (handlers/digest/digest.go); Digest.UserID is 0 if none

	Courses []courses.Progress // courses started (handlers/courses/courses.go)
}

// PersonalData collects what is stored about a user; found is false for a
// user the bot does not know.
func (s *Store) PersonalData(ctx context.Context, userID int64) (PersonalData, bool, error) {
	u, found, err := s.UserByID(ctx, userID)
	if err != nil || !found {
		return PersonalData{}, found, err
	}
	pd := PersonalData{User: u}
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(max(feature), '') FROM conversations WHERE user_id = ?`, userID).
		Scan(&pd.Conversation)
	if err != nil {
		return pd, true, err
	}
	if pd.Submissions, err = s.submissionCount(ctx, userID); err != nil {
		return pd, true, err
	}
	if pd.Follows, err = s.FollowedDeputies(ctx, userID); err != nil {
		return pd, true, err
	}
	if pd.Cards, err = s.CardPersonalData(ctx, userID); err != nil {
		return pd, true, err
	}
	if pd.Vouchers, err = s.VoucherSubscriptions(ctx, userID); err != nil {
		return pd, true, err
	}
	if pd.Digest, _, err = s.Subscription(ctx, userID); err != nil {
		return pd, true, err
	}
	pd.Courses, err = s.CourseProgresses(ctx, userID)
	return pd, true, err
}
