package importer

import (
	"context"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/store"
)

var _ = register("card-operations", importCardOperations)

var cardOperationColumns = []string{"card_number", "at", "kind", "amount_uah", "trips", "place"}

// importCardOperations loads card operations (SPEC §8 card-operations);
// every card must have been imported with `cards` first.
func importCardOperations(ctx context.Context, env Env, path string) (Summary, error) {
	f, lines, err := openCSV(path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("card_number", "at", "kind"); err != nil {
		return Summary{}, err
	}
	f.Known(cardOperationColumns...)
	known, err := env.Store.CardNumbers(ctx)
	if err != nil {
		return Summary{}, err
	}
	m := amounts{}
	ops, err := readRows(env, f, lines, func(row csvin.Row) (store.OperationRecord, error) {
		op, err := parseOperation(env, m, row)
		if _, ok := known[op.Number]; err == nil && !ok {
			return op, row.Errorf("card_number", "no such card among the imported cards (import cards first)")
		}
		return op, err
	})
	if err != nil {
		return Summary{}, err
	}
	added, err := env.Store.ImportCardOperations(ctx, ops)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = len(ops)
	sum.Addf("%s read, %d new", Count(len(ops), "operation", "operations"), added)
	unknownColumns(f, &sum)
	return sum, cardAlerts(ctx, env, &sum)
}

func parseOperation(env Env, m amounts, row csvin.Row) (store.OperationRecord, error) {
	var op store.OperationRecord
	var err error
	if op.Number, err = cardNumber(env, row); err != nil {
		return op, err
	}
	if op.At, err = csvin.ParseTimestamp(row.Get("at")); err != nil {
		return op, row.Errorf("at", "%v", err)
	}
	if op.Kind, err = codeOf(row, "kind", card.OperationKinds, cardLabels); err != nil {
		return op, err
	}
	if op.Amount, err = m.money(row, "amount_uah", true); err != nil {
		return op, err
	}
	if op.Trips, err = integer(row, "trips"); err != nil {
		return op, err
	}
	op.Place = row.Get("place")
	return op, nil
}
