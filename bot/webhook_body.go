package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/go-telegram/bot/models"
)

// maxUpdateBytes bounds a webhook body; real updates are a few kilobytes.
const maxUpdateBytes = 1 << 20

// readUpdate reads a webhook body that must be exactly one update: one JSON
// object, nothing after it, a positive update_id and exactly one update
// field beside it (Telegram: "at most one of the optional parameters can be
// present in any given update"). Anything else ("{}", "[...]", trailing
// bytes, an empty body) is refused with the HTTP status to answer, so it
// is never stored and replayed as an update that is not one.
func readUpdate(w http.ResponseWriter, r *http.Request) (*models.Update, int, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("update larger than %d bytes", maxUpdateBytes)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("reading the update: %w", err)
	}
	upd, err := parseUpdate(body)
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	return upd, http.StatusOK, nil
}

// parseUpdate is readUpdate's check of the bytes.
func parseUpdate(body []byte) (*models.Update, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var fields map[string]json.RawMessage
	if err := dec.Decode(&fields); err != nil {
		return nil, fmt.Errorf("not one JSON object: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the update")
	}
	var upd models.Update
	if err := json.Unmarshal(body, &upd); err != nil {
		return nil, fmt.Errorf("not an update: %w", err)
	}
	switch {
	case upd.ID <= 0:
		return nil, errors.New("no positive update_id")
	case len(fields) != 2:
		return nil, fmt.Errorf("want update_id and exactly one update field, got %d fields", len(fields))
	}
	return &upd, nil
}
