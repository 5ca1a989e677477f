package importer

import (
	"context"
	"fmt"
	"hash/maphash"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
)

var _ = register("card-operations", importCardOperations)

var cardOperationColumns = []string{"card_number", "at", "kind", "amount_uah", "trips", "place"}

// importCardOperations loads card operations (SPEC §8 card-operations);
// every card must have been imported with `cards` first.
func importCardOperations(ctx context.Context, env Env, path string) (Summary, error) {
	f, lines, err := openCSV(env, path)
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
	at := make([]int32, 0, lines) // the line of each operation read, for duplicateOperations
	ops, err := readRows(env, f, lines, rows[card.OperationRecord]{parse: func(row csvin.Row) (card.OperationRecord, error) {
		op, err := parseOperation(env, m, row)
		if err == nil && !known.Has(op.Number) {
			return op, row.Errorf("card_number", "no such card among the imported cards (import cards first)")
		}
		if err == nil {
			at = append(at, int32(row.Line))
		}
		return op, err
	}})
	if err == nil {
		err = duplicateOperations(f, ops, at)
	}
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
	noteFile(f, &sum)
	return sum, cardAlerts(ctx, env, &sum)
}

func parseOperation(env Env, m amounts, row csvin.Row) (card.OperationRecord, error) {
	var op card.OperationRecord
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

// duplicateOperations refuses an operation listed twice: the same card,
// time and kind (the store would keep one and drop the other without a
// word). Two million operations are keyed by a 64-bit hash rather than by
// their strings, and a hash seen again is compared field by field.
func duplicateOperations(f *csvin.File, ops []card.OperationRecord, lines []int32) error {
	seed := maphash.MakeSeed()
	first := make(map[uint64]int32, len(ops)) // hash → index in ops
	var errs csvin.Errors
	for i, op := range ops {
		h := maphash.String(seed, op.Number) ^ maphash.String(seed, op.Kind)*31 ^
			uint64(op.At.UnixNano())*0x9e3779b97f4a7c15
		j, seen := first[h]
		if !seen {
			first[h] = int32(i)
			continue
		}
		o := ops[j]
		if o.Number == op.Number && o.Kind == op.Kind && o.At.Equal(op.At) &&
			errs.Add(&csvin.Error{File: f.Name, Line: int(lines[i]), Column: f.Column("at"), Col: "at",
				Reason: fmt.Sprintf("the card has a %s at this time already (line %d; card number not shown)",
					op.Kind, lines[j])}) {
			break
		}
	}
	return errs.Err()
}
