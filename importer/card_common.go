package importer

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/handlers"
)

// cardProgressEvery is how many rows pass between progress lines.
const cardProgressEvery = 100_000

// openCSV reads a dataset file and counts its lines, so the rows slice of a
// two-million-row file is allocated once instead of grown twenty times.
func openCSV(env Env, path string) (*csvin.File, int, error) {
	f, err := openFile(env, path)
	if err != nil {
		return nil, 0, err
	}
	return f, f.Lines(), nil
}

// readRows reads every row of a card dataset file with r (its parse and,
// when rows have a key, its id), collecting up to csvin.MaxErrors problems.
// Values that are personal data (card numbers, dates of birth) are never
// echoed in errors.
func readRows[T any](env Env, f *csvin.File, lines int, r rows[T]) ([]T, error) {
	r.capacity = lines
	if env.Progress != nil {
		r.progress = func(read int) {
			if read%cardProgressEvery == 0 {
				fmt.Fprintf(env.Progress, "\r%s: %d rows read", f.Name, read)
			}
		}
	}
	out, err := r.read(f)
	if env.Progress != nil && len(out) >= cardProgressEvery {
		fmt.Fprintln(env.Progress)
	}
	return out, err
}

// cardNumber checks a card number against card.number_length and card.luhn.
func cardNumber(env Env, row csvin.Row) (string, error) {
	n, err := card.ParseNumber(row.Get("card_number"), card.NumberRules{Length: env.Config.Card.NumberLength,
		Luhn: env.Config.Card.Luhn})
	if err != nil {
		return "", row.Errorf("card_number", "%v (value not shown)", err)
	}
	return n, nil
}

// privateDate reads a date of birth without echoing it in the error.
func privateDate(row csvin.Row, col string) (time.Time, error) {
	t, err := csvin.ParseDate(row.Get(col))
	if err != nil {
		return t, row.Errorf(col, "is not a date (use YYYY-MM-DD or DD.MM.YYYY; value not shown)")
	}
	return t, nil
}

// optionalDate reads a date column that may be empty.
func optionalDate(row csvin.Row, col string) (time.Time, error) {
	if row.Get(col) == "" {
		return time.Time{}, nil
	}
	t, err := csvin.ParseDate(row.Get(col))
	if err != nil {
		return t, row.Errorf(col, "%v", err)
	}
	return t, nil
}

// amounts memoises parsed amounts: exports repeat the same few fares and
// top-ups millions of times, and parsing builds a replacer each call.
type amounts map[string]int64

// money reads an amount in UAH into kopiykas; empty is zero when optional.
func (m amounts) money(row csvin.Row, col string, optional bool) (int64, error) {
	v := row.Get(col)
	if v == "" && optional {
		return 0, nil
	}
	if k, ok := m[v]; ok {
		return k, nil
	}
	k, err := csvin.ParseKopiykas(v)
	if err != nil {
		return 0, row.Errorf(col, "%v", err)
	}
	if len(m) < 10_000 {
		m[v] = k
	}
	return k, nil
}

// integer reads a whole number.
func integer(row csvin.Row, col string) (int, error) {
	if row.Get(col) == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(row.Get(col))
	if err != nil {
		return 0, row.Errorf(col, "%q is not a whole number", row.Get(col))
	}
	return n, nil
}

// cardAlerts runs the alert check after a card import with the sqlite
// provider (the http provider's data does not come from imports) and adds
// the outcome to the summary.
func cardAlerts(ctx context.Context, env Env, sum *Summary) error {
	if env.Config.Card.Provider != "sqlite" {
		return nil
	}
	_, alerts, err := handlers.NewCard(env.Config.Card, env.Store, env.Config.Location())
	if err != nil {
		return err
	}
	n, err := alerts.Check(ctx, env.Store.Now())
	if err != nil {
		return fmt.Errorf("card alerts: %w", err)
	}
	if n > 0 {
		sum.Addf("%s queued", Count(n, "card alert", "card alerts"))
	}
	return nil
}
