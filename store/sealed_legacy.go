package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/transparentcities/nazar/privacy"
)

// legacyColumn converts rows written in clear by a version before sealing
// (migration 0011). find selects the rows still in clear, as text columns;
// update writes what convert makes of one. Converted rows no longer match
// find, so running it again changes nothing.
type legacyColumn struct {
	find, update string
	convert      func(s *Store, cols []string) []any
}

var legacyColumns = []legacyColumn{
	{`SELECT update_id, body FROM seen_updates WHERE typeof(body) = 'text'`,
		`UPDATE seen_updates SET body = ? WHERE update_id = ?`,
		func(s *Store, c []string) []any { return []any{s.sealString(sealUpdate, c[1]), c[0]} }},
	{`SELECT chat_id, user_id, data FROM conversations WHERE typeof(data) = 'text'`,
		`UPDATE conversations SET data = ? WHERE chat_id = ? AND user_id = ?`,
		func(s *Store, c []string) []any { return []any{s.sealString(sealConversation, c[2]), c[0], c[1]} }},
	{`SELECT id, answers FROM submissions WHERE typeof(answers) = 'text'`,
		`UPDATE submissions SET answers = ? WHERE id = ?`,
		func(s *Store, c []string) []any { return []any{s.sealString(sealAnswers, c[1]), c[0]} }},
	{`SELECT id, text FROM outbox_bodies WHERE typeof(text) = 'text'`,
		`UPDATE outbox_bodies SET hash = ?, text = ? WHERE id = ?`,
		func(s *Store, c []string) []any {
			return []any{s.hash(hashOutbox, c[1]), s.sealString(sealOutbox, c[1]), c[0]}
		}},
	{`SELECT id, number FROM card_links WHERE number_sealed IS NULL`,
		`UPDATE card_links SET number = ?, number_sealed = ? WHERE id = ?`,
		func(s *Store, c []string) []any {
			return []any{s.hash(hashCard, c[1]), s.sealString(sealCardLink, c[1]), c[0]}
		}},
	{`SELECT user_id, application_no, birth_date FROM card_watches WHERE typeof(birth_date) = 'text'`,
		`UPDATE card_watches SET birth_date = ? WHERE user_id = ? AND application_no = ?`,
		func(s *Store, c []string) []any { return []any{s.sealString(sealWatchBirth, c[2]), c[0], c[1]} }},
	// A keyed hash is 64 characters long; no card number, ISO date or tax id is.
	{`SELECT number, birth_date FROM card_cards WHERE length(number) <> 64`,
		`UPDATE card_cards SET number = ?, birth_date = ? WHERE number = ?`,
		func(s *Store, c []string) []any { return []any{s.hash(hashCard, c[0]), s.birthHash(c[0], c[1]), c[0]} }},
	{`SELECT DISTINCT number FROM card_operations WHERE length(number) <> 64`,
		`UPDATE card_operations SET number = ? WHERE number = ?`,
		func(s *Store, c []string) []any { return []any{s.hash(hashCard, c[0]), c[0]} }},
	{`SELECT application_no, birth_date FROM card_applications WHERE length(birth_date) <> 64`,
		`UPDATE card_applications SET birth_date = ? WHERE application_no = ?`,
		func(s *Store, c []string) []any { return []any{s.birthHash(c[0], c[1]), c[0]} }},
	// The subjects of failed lookups were a plain SHA-256, which a copy of the
	// database reverses by hashing every card number; keyed, a lock in force
	// stays in force (lookupHash).
	{`SELECT id, subject_hash FROM lookup_failures WHERE keyed = 0`,
		`UPDATE lookup_failures SET subject_hash = ?, keyed = 1 WHERE id = ?`,
		func(s *Store, c []string) []any { return []any{s.hash(hashLookup, c[1]), c[0]} }},
	{`SELECT application_no, tax_id FROM voucher_applications WHERE length(tax_id) <> 64`,
		`UPDATE voucher_applications SET tax_id = ?, tax_id_masked = ? WHERE application_no = ?`,
		func(s *Store, c []string) []any { return []any{s.hash(hashTax, c[1]), privacy.MaskTaxID(c[1]), c[0]} }},
}

// sealLegacy converts every row still in clear, each column in its own
// transaction, and then rewrites the database file (VACUUM) and empties the
// write-ahead log, so that the clear text does not linger in free pages.
// It returns how many rows it converted.
func (s *Store) sealLegacy(ctx context.Context) (int, error) {
	total := 0
	for _, c := range legacyColumns {
		n, err := s.sealColumn(ctx, c)
		if err != nil {
			return total, fmt.Errorf("seal rows written in clear: %w", err)
		}
		total += n
	}
	if total == 0 {
		return 0, nil
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return total, fmt.Errorf("rewrite the database after sealing: %w", err)
	}
	return total, s.Checkpoint(ctx)
}

func (s *Store) sealColumn(ctx context.Context, c legacyColumn) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := readTextRows(ctx, tx, c.find)
		if err != nil {
			return err
		}
		for _, cols := range rows {
			if _, err := tx.ExecContext(ctx, c.update, c.convert(s, cols)...); err != nil {
				return err
			}
		}
		n = len(rows)
		return nil
	})
	return n, err
}

func readTextRows(ctx context.Context, tx *sql.Tx, query string) ([][]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}
