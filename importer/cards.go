package importer

import (
	"context"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
)

var _ = register("cards", importCards)

var cardColumns = []string{"card_number", "holder_name", "birth_date", "category", "status", "valid_until",
	"balance_uah", "trips_left", "pending_uah", "updated_at"}

// importCards loads the cards export (SPEC §8 cards) for provider sqlite.
func importCards(ctx context.Context, env Env, path string) (Summary, error) {
	f, lines, err := openCSV(env, path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("card_number", "birth_date", "category", "status", "balance_uah", "updated_at"); err != nil {
		return Summary{}, err
	}
	f.Known(cardColumns...)
	m := amounts{}
	cards, err := readRows(env, f, lines, rows[card.Record]{
		parse: func(row csvin.Row) (card.Record, error) { return parseCard(env, m, row) },
		id:    func(c card.Record) string { return c.Number }, idColumn: "card_number", private: true})
	if err != nil {
		return Summary{}, err
	}
	changed, err := env.Store.ImportCards(ctx, cards)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = len(cards)
	sum.Addf("%s read, %d new or changed", Count(len(cards), "card", "cards"), changed)
	noteFile(f, &sum)
	return sum, cardAlerts(ctx, env, &sum)
}

func parseCard(env Env, m amounts, row csvin.Row) (card.Record, error) {
	var c card.Record
	var err error
	if c.Number, err = cardNumber(env, row); err != nil {
		return c, err
	}
	c.Holder = row.Get("holder_name")
	if c.Birth, err = privateDate(row, "birth_date"); err != nil {
		return c, err
	}
	if c.Category = row.Get("category"); c.Category == "" {
		return c, row.Errorf("category", "is empty")
	}
	if c.Status, err = codeOf(row, "status", card.CardStatuses, cardLabels); err != nil {
		return c, err
	}
	if c.ValidUntil, err = optionalDate(row, "valid_until"); err != nil {
		return c, err
	}
	if c.Balance, err = m.money(row, "balance_uah", false); err != nil {
		return c, err
	}
	if row.Get("trips_left") != "" {
		if c.Trips, err = integer(row, "trips_left"); err != nil {
			return c, err
		}
		if c.Trips < 0 {
			return c, row.Errorf("trips_left", "must not be negative")
		}
		c.HasTrips = true
	}
	if c.Pending, err = m.money(row, "pending_uah", true); err != nil {
		return c, err
	}
	if c.Pending < 0 {
		return c, row.Errorf("pending_uah", "must not be negative")
	}
	if c.UpdatedAt, err = csvin.ParseTimestamp(row.Get("updated_at")); err != nil {
		return c, row.Errorf("updated_at", "%v", err)
	}
	return c, nil
}
