package handlers

import (
	"context"
	"errors"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// askNumber starts linking a card, unless the user is locked out.
func (c *Card) askNumber(ctx context.Context, req *Request) (Response, error) {
	if locked, resp, err := c.locked(ctx, req, ""); locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("card_ask_number", map[string]any{"Length": c.Rules.Length})}},
		Next: Step(convCard, "num", nil)}, nil
}

// number checks the typed card number and asks for the date of birth.
func (c *Card) number(ctx context.Context, req *Request) (Response, error) {
	number, err := card.ParseNumber(req.Text, c.Rules)
	if err != nil {
		id := map[error]string{
			card.ErrNotDigits: locales.ID("card_bad_letters"),
			card.ErrTooShort:  locales.ID("card_bad_short"),
			card.ErrTooLong:   locales.ID("card_bad_long"),
			card.ErrLuhn:      locales.ID("card_bad_luhn"),
		}[err]
		return Response{Replies: []Reply{{Text: req.L.T(id, map[string]any{"Length": c.Rules.Length})}},
			Next: req.Conv}, nil
	}
	if locked, resp, err := c.locked(ctx, req, number); locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("card_ask_dob", map[string]any{"Card": privacy.MaskCard(number)})}},
		Next: Step(convCard, "dob", map[string]string{"number": number})}, nil
}

// verify checks the date of birth with the provider. A match links the
// card and shows its balance; a mismatch (or an unknown card) counts as a
// failure of this user and of this card toward the lock.
func (c *Card) verify(ctx context.Context, req *Request) (Response, error) {
	number := req.Conv.Data["number"]
	birth, bad := c.birthDate(req)
	if bad != nil {
		return *bad, nil
	}
	// Checked again: the other tries may have been made meanwhile, or
	// another user may have locked this card.
	if locked, resp, err := c.locked(ctx, req, number); locked || err != nil {
		return resp, err
	}
	err := c.call(ctx, "verify", number, func(ctx context.Context) error {
		return c.Provider.Verify(ctx, number, birth)
	})
	switch {
	case errors.Is(err, card.ErrNotFound) || errors.Is(err, card.ErrMismatch):
		return c.failed(ctx, req, number)
	case err != nil:
		return Response{Replies: []Reply{{Text: req.L.T("card_unavailable")}}, Next: req.Conv}, nil
	}
	id, err := c.Store.LinkCard(ctx, req.UserID, req.ChatID, number, c.LowDefault)
	if err != nil {
		return Response{}, err
	}
	c.logger().Info("card linked", "user", req.UserID, "card", privacy.MaskCard(number))
	linked := Reply{Text: req.L.T("card_linked", map[string]any{"Card": privacy.MaskCard(number)}),
		Menu: req.L}
	resp, err := c.balance(ctx, req, id)
	resp.Replies = append([]Reply{linked}, resp.Replies...)
	return resp, err
}

func (c *Card) failed(ctx context.Context, req *Request, number string) (Response, error) {
	c.logger().Info("card verification failed", "user", req.UserID, "card", privacy.MaskCard(number))
	locked, resp, left, err := c.linkLock().fail(ctx, req, number, privacy.MaskCard(number))
	if locked || err != nil {
		return resp, err
	}
	return Response{Replies: []Reply{{Text: req.L.N("card_tries_left", left, nil)}}, Next: req.Conv}, nil
}

// linkLock guards card linking.
func (c *Card) linkLock() lookupLock {
	return lookupLock{Store: c.Store, Scope: store.LookupCard, Locked: locales.ID("card_locked"), Location: c.Location}
}

// locked answers with the lock message when the user, or the card (when
// number is set), is locked; the conversation ends.
func (c *Card) locked(ctx context.Context, req *Request, number string) (bool, Response, error) {
	return c.linkLock().check(ctx, req, number)
}
