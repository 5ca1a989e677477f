// Package cardhttp is the http card provider: the city's e-ticket JSON API
// (the contract is in docs/card.md). Every request carries the bearer
// token, has its own timeout and is retried once when it fails for a
// reason a retry may cure (network, 5xx, 429, timeout); the caller's
// context bounds the whole call, retry included.
package cardhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/transparentcities/nazar/card"
)

// Client is the http provider.
type Client struct {
	base    string
	token   string
	timeout time.Duration
	http    *http.Client
}

// New builds a client for the API at baseURL.
func New(baseURL, token string, timeout time.Duration) *Client {
	return &Client{base: strings.TrimRight(baseURL, "/"), token: token, timeout: timeout, http: &http.Client{}}
}

var _ card.Provider = (*Client)(nil)

// Verify asks whether birth is the card holder's date of birth.
func (c *Client) Verify(ctx context.Context, number string, birth time.Time) error {
	var out struct {
		Verified bool `json:"verified"`
	}
	body := map[string]string{"birth_date": birth.Format("2006-01-02")}
	if err := c.do(ctx, http.MethodPost, "/cards/"+url.PathEscape(number)+"/verify", "cards/{number}/verify", body, &out); err != nil {
		return err
	}
	if !out.Verified {
		return card.ErrMismatch
	}
	return nil
}

// Card returns a card's balance and status.
func (c *Client) Card(ctx context.Context, number string) (card.Card, error) {
	var out cardJSON
	if err := c.do(ctx, http.MethodGet, "/cards/"+url.PathEscape(number), "cards/{number}", nil, &out); err != nil {
		return card.Card{}, err
	}
	return out.card(number)
}

// Operations returns up to limit newest operations of a card.
func (c *Client) Operations(ctx context.Context, number string, limit int) ([]card.Operation, error) {
	var out struct {
		Operations []operationJSON `json:"operations"`
	}
	path := fmt.Sprintf("/cards/%s/operations?limit=%d", url.PathEscape(number), limit)
	if err := c.do(ctx, http.MethodGet, path, "cards/{number}/operations", nil, &out); err != nil {
		return nil, err
	}
	ops := make([]card.Operation, 0, len(out.Operations))
	for _, o := range out.Operations {
		at, err := time.Parse(time.RFC3339, o.At)
		if err != nil {
			return nil, fmt.Errorf("%w: operation time %q", card.ErrUnavailable, o.At)
		}
		ops = append(ops, card.Operation{At: at, Kind: o.Kind, Amount: o.Amount, Trips: o.Trips, Place: o.Place})
	}
	if len(ops) > limit {
		ops = ops[:limit]
	}
	return ops, nil
}

// Application returns an application's status when birth matches.
func (c *Client) Application(ctx context.Context, no string, birth time.Time) (card.Application, error) {
	var out applicationJSON
	body := map[string]string{"birth_date": birth.Format("2006-01-02")}
	if err := c.do(ctx, http.MethodPost, "/applications/"+url.PathEscape(no)+"/status", "applications/{no}/status", body, &out); err != nil {
		return card.Application{}, err
	}
	return out.application(no)
}

// do sends one request, retried once, and decodes a 200 answer into out.
// name is the endpoint without the card number, for error messages: the
// number must never reach a log line.
func (c *Client) do(ctx context.Context, method, path, name string, body, out any) error {
	var payload []byte
	if body != nil {
		payload, _ = json.Marshal(body)
	}
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		var retry bool
		retry, err = c.once(ctx, method, path, payload, out)
		if err == nil || !retry || ctx.Err() != nil {
			break
		}
	}
	if err != nil && !errors.Is(err, card.ErrNotFound) && !errors.Is(err, card.ErrMismatch) {
		return fmt.Errorf("%w: %s %s: %v", card.ErrUnavailable, method, name, err)
	}
	return err
}

// once makes one attempt; retry says whether another attempt may help.
func (c *Client) once(ctx context.Context, method, path string, payload []byte, out any) (retry bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(payload))
	if err != nil {
		return false, errors.New("bad request URL")
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		// *url.Error names the URL, which holds the card number: keep only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return true, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case err != nil:
		return true, err
	case resp.StatusCode == http.StatusNotFound:
		return false, card.ErrNotFound
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return true, fmt.Errorf("status %d", resp.StatusCode)
	case resp.StatusCode != http.StatusOK:
		return false, fmt.Errorf("status %d", resp.StatusCode)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return false, errors.New("answer is not the documented JSON")
	}
	return false, nil
}
