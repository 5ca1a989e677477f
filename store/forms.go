package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/forms"
)

// QuotaError refuses a submission over the per-user, per-form limit.
type QuotaError struct {
	Limit   int
	RetryAt time.Time // when the oldest counted submission leaves the window
}

// Error says which limit was reached.
func (e *QuotaError) Error() string {
	return fmt.Sprintf("submission limit of %d reached until %s", e.Limit, e.RetryAt.Format(time.RFC3339))
}

// ErrNoSubmission means the submission does not exist (any more: the user
// may have deleted their data).
var ErrNoSubmission = errors.New("no such submission")

// FormQuota returns a *QuotaError when the user has already sent limit
// submissions of the form within the window, so a form is refused before
// the user fills it in, not only at the end.
func (s *Store) FormQuota(ctx context.Context, userID int64, form string, limit int, window time.Duration) error {
	return s.quota(ctx, s.db, userID, form, limit, window)
}

// formQuerier is a *sql.DB or *sql.Tx.
type formQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) quota(ctx context.Context, q formQuerier, userID int64, form string, limit int, window time.Duration) error {
	var n int
	var oldest sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT count(*), min(created_at) FROM submissions
		WHERE user_id = ? AND form = ? AND created_at > ?`, userID, form, unix(s.now().Add(-window))).Scan(&n, &oldest)
	if err != nil {
		return err
	}
	if n >= limit {
		return &QuotaError{Limit: limit, RetryAt: fromUnix(oldest.Int64).Add(window)}
	}
	return nil
}

// SubmissionNo stands for a new submission's number in the pushes given to
// SubmitForm: the number is allocated inside its transaction, and the store
// writes it where the token stands in each push's key, text and buttons'
// data (the operators' copy: "Request no. 12", key "12", the "mark handled"
// button). It is a value, not a callback: the store renders nothing.
const SubmissionNo = "\x00submission-no\x00"

// SubmitForm stores a submission and the pushes it causes (the operators'
// message, a reminder) in one transaction, unless the user already sent
// limit submissions of the form within the window (a *QuotaError). The
// pushes carry SubmissionNo where the new number goes.
func (s *Store) SubmitForm(ctx context.Context, in forms.NewSubmission, limit int, window time.Duration,
	pushes []Push) (forms.Submission, error) {
	var sub forms.Submission
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.quota(ctx, tx, in.UserID, in.Form, limit, window); err != nil {
			return err
		}
		answers, err := json.Marshal(in.Answers)
		if err != nil {
			return err
		}
		var slot sql.NullInt64
		if !in.SlotAt.IsZero() {
			slot = sql.NullInt64{Int64: unix(in.SlotAt), Valid: true}
		}
		created := in.SentAt
		if created.IsZero() {
			created = s.now()
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO submissions(user_id, chat_id, form, answers, operators_chat,
			slot_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.UserID, in.ChatID, in.Form,
			s.seal(sealAnswers, answers), in.OperatorsChat, slot, unix(created)).Scan(&id); err != nil {
			return err
		}
		if sub, err = s.submissionTx(ctx, tx, id); err != nil {
			return err
		}
		_, err = s.enqueueTx(ctx, tx, withSubmissionNo(pushes, id))
		return err
	})
	return sub, err
}

// withSubmissionNo copies pushes with SubmissionNo replaced by the number.
func withSubmissionNo(pushes []Push, id int64) []Push {
	no := strconv.FormatInt(id, 10)
	fill := func(s string) string { return strings.ReplaceAll(s, SubmissionNo, no) }
	out := make([]Push, len(pushes))
	for i, p := range pushes {
		p.Key, p.Text = fill(p.Key), fill(p.Text)
		rows := make([][]PushButton, len(p.Buttons))
		for r, row := range p.Buttons {
			rows[r] = make([]PushButton, len(row))
			for c, b := range row {
				rows[r][c] = PushButton{Text: b.Text, Data: fill(b.Data)}
			}
		}
		if len(rows) == 0 {
			rows = nil
		}
		p.Buttons = rows
		out[i] = p
	}
	return out
}

// Submission returns a stored submission, or ErrNoSubmission.
func (s *Store) Submission(ctx context.Context, id int64) (forms.Submission, error) {
	var sub forms.Submission
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		sub, err = s.submissionTx(ctx, tx, id)
		return err
	})
	return sub, err
}

// MarkSubmissionHandled records that an admin handled a submission, audits
// it and queues the pushes it causes (the user is told), all at once. An
// already handled submission is returned unchanged with changed false, and
// its pushes are not queued.
func (s *Store) MarkSubmissionHandled(ctx context.Context, id, adminID int64,
	pushes []Push) (sub forms.Submission, changed bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if sub, err = s.submissionTx(ctx, tx, id); err != nil || sub.Handled() {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `UPDATE submissions SET handled_at = ?, handled_by = ? WHERE id = ?`,
			unix(now), adminID, id); err != nil {
			return err
		}
		sub.HandledAt, sub.HandledBy, changed = fromUnix(unix(now)), adminID, true
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit(admin_id, action, detail, at) VALUES (?, 'form.handled', ?, ?)`,
			adminID, strconv.FormatInt(id, 10)+" "+sub.Form, unix(now)); err != nil {
			return err
		}
		_, err = s.enqueueTx(ctx, tx, pushes)
		return err
	})
	return sub, changed, err
}

func (s *Store) submissionTx(ctx context.Context, tx *sql.Tx, id int64) (forms.Submission, error) {
	var sub forms.Submission
	var answers []byte
	var slot, handledAt, handledBy sql.NullInt64
	var created int64
	err := tx.QueryRowContext(ctx, `SELECT s.id, s.user_id, s.chat_id, s.form, s.answers, s.operators_chat, s.slot_at,
			s.created_at, s.handled_at, s.handled_by, u.language, u.first_name
		FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`, id).Scan(&sub.ID, &sub.UserID,
		&sub.ChatID, &sub.Form, &answers, &sub.OperatorsChat, &slot, &created, &handledAt, &handledBy,
		&sub.Language, &sub.FirstName)
	if errors.Is(err, sql.ErrNoRows) {
		return sub, ErrNoSubmission
	}
	if err != nil {
		return sub, err
	}
	plain, err := s.open(sealAnswers, answers)
	if err != nil {
		return sub, fmt.Errorf("submission %d: %w", id, err)
	}
	if err := json.Unmarshal(plain, &sub.Answers); err != nil {
		return sub, fmt.Errorf("submission %d: answers: %w", id, err)
	}
	sub.CreatedAt = fromUnix(created)
	if slot.Valid {
		sub.SlotAt = fromUnix(slot.Int64)
	}
	if handledAt.Valid {
		sub.HandledAt, sub.HandledBy = fromUnix(handledAt.Int64), handledBy.Int64
	}
	return sub, nil
}
