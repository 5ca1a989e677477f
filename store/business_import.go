package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"iter"
	"strconv"

	"github.com/transparentcities/nazar/business"
)

// BusinessImportResult counts what one import did.
type BusinessImportResult struct {
	Read, Added, Changed, Unchanged int
}

// businessSig hashes every imported field, so a re-import of the same file
// touches no row, index or FTS entry.
func businessSig(b business.Record) string {
	h := fnv.New64a()
	for _, f := range []string{b.EDRPOU, b.Name, b.Kind, b.KVED, b.Section, b.Division, b.Address,
		strconv.FormatBool(b.HasPoint), strconv.FormatFloat(b.Lat, 'g', -1, 64), strconv.FormatFloat(b.Lon, 'g', -1, 64),
		b.Phone, b.Website, b.Email, b.Hours, b.Description, b.Updated} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// ImportBusinesses upserts records by uid in one transaction, keeping the
// full-text and R*Tree indexes in step. Rows whose fields did not change are
// skipped, so importing the same file twice changes nothing.
//
// An import that changes more than stagedBusinesses businesses is staged
// beside the live directory instead (business_stage.go), so that the bot
// does not wait for it.
func (s *Store) ImportBusinesses(ctx context.Context, list []business.Record) (BusinessImportResult, error) {
	if len(list) > stagedBusinesses {
		if res, staged, err := s.importBusinessesStaged(ctx, list); staged || err != nil {
			return res, err
		}
	}
	res := BusinessImportResult{Read: len(list)}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// A large import outgrows SQLite's default 2 MB page cache, and
		// spilling the transaction's pages to the WAL midway costs more than
		// the inserts; 64 MB holds a 100,000-business import.
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -65536`); err != nil {
			return err
		}
		defer tx.ExecContext(ctx, `PRAGMA cache_size = -2000`) //nolint:errcheck // best effort on a pooled connection
		old, err := businessSigs(ctx, tx)
		if err != nil {
			return err
		}
		w, err := newBusinessWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.writeAll(list, old, &res); err != nil {
			return err
		}
		if res.Added+res.Changed == 0 {
			return nil
		}
		if err := bumpDataVersion(ctx, tx, DatasetBusinesses); err != nil {
			return err
		}
		// A bulk insert leaves the index in many segments that every query
		// (prefix queries above all) must merge; one segment keeps search fast.
		_, err = tx.ExecContext(ctx, `INSERT INTO business_fts(business_fts) VALUES ('optimize')`)
		return err
	})
	if err != nil {
		return BusinessImportResult{}, err
	}
	return res, nil
}

// writeAll inserts the new records of list and updates the changed ones,
// counting each kind in res.
func (w *businessWriter) writeAll(list []business.Record, old map[string]idSig, res *BusinessImportResult) error {
	for b, p := range prepared(list, old) {
		prev, exists := old[b.UID]
		var err error
		switch {
		case p.unchanged:
			res.Unchanged++
			continue
		case exists:
			b.ID = prev.id
			res.Changed++
			err = w.update(b, p)
		default:
			res.Added++
			err = w.insert(b, p)
		}
		if err != nil {
			return fmt.Errorf("business %s: %w", b.UID, err)
		}
	}
	return nil
}

// preparedRow is what a record needs besides its fields: its signature and,
// unless it is unchanged, its search keys.
type preparedRow struct {
	sig, nameKey, descKey string
	unchanged             bool
}

// prepareAhead computes the preparedRow of each record of list, in order, on
// its own goroutine: folding names and descriptions is a sixth of an import's
// CPU and runs beside SQLite's inserts instead of between them. It stops
// when done closes.
func prepareAhead(done <-chan struct{}, list []business.Record, old map[string]idSig) <-chan []preparedRow {
	out := make(chan []preparedRow, 4)
	go func() {
		defer close(out)
		for start := 0; start < len(list); start += prepareChunk {
			chunk := make([]preparedRow, 0, prepareChunk)
			for _, b := range list[start:min(start+prepareChunk, len(list))] {
				p := preparedRow{sig: businessSig(b)}
				if prev, ok := old[b.UID]; ok && prev.sig == p.sig {
					p.unchanged = true
				} else {
					p.nameKey, p.descKey = business.SearchKey(b.Name), business.SearchKey(b.Description)
				}
				chunk = append(chunk, p)
			}
			select {
			case out <- chunk:
			case <-done:
				return
			}
		}
	}()
	return out
}

// prepared yields each record of list with its preparedRow (prepareAhead).
func prepared(list []business.Record, old map[string]idSig) iter.Seq2[business.Record, preparedRow] {
	return func(yield func(business.Record, preparedRow) bool) {
		done := make(chan struct{})
		defer close(done) // the preparing goroutine stops when the loop does
		i := 0
		for chunk := range prepareAhead(done, list, old) {
			for _, p := range chunk {
				if !yield(list[i], p) {
					return
				}
				i++
			}
		}
	}
}

// prepareChunk rows travel together: handing over one at a time costs more
// in goroutine switches than the folding saves.
const prepareChunk = 512

type idSig struct {
	id  int64
	sig string
}

func businessSigs(ctx context.Context, q querier) (map[string]idSig, error) {
	rows, err := q.QueryContext(ctx, `SELECT uid, id, sig FROM businesses`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]idSig{}
	for rows.Next() {
		var uid string
		var v idSig
		if err := rows.Scan(&uid, &v.id, &v.sig); err != nil {
			return nil, err
		}
		out[uid] = v
	}
	return out, rows.Err()
}

// businessWriter holds the prepared statements of one import.
type businessWriter struct {
	ins, upd, ftsDel, ftsIns, geoDel, geoIns *sql.Stmt
}

func newBusinessWriter(ctx context.Context, tx *sql.Tx) (*businessWriter, error) {
	w := &businessWriter{}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.ins, `INSERT INTO businesses(uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone,
			website, email, hours, description, updated_on, sig) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.upd, `UPDATE businesses SET edrpou=?, name=?, kind=?, kved=?, section=?, division=?, address=?, lat=?, lon=?,
			phone=?, website=?, email=?, hours=?, description=?, updated_on=?, sig=? WHERE id=?`},
		{&w.ftsDel, `DELETE FROM business_fts WHERE rowid = ?`},
		{&w.ftsIns, `INSERT INTO business_fts(rowid, name, description) VALUES (?, ?, ?)`},
		{&w.geoDel, `DELETE FROM business_geo WHERE id = ?`},
		{&w.geoIns, `INSERT INTO business_geo(id, min_lat, max_lat, min_lon, max_lon, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*st.dst = p
	}
	return w, nil
}

func (w *businessWriter) close() {
	for _, st := range []*sql.Stmt{w.ins, w.upd, w.ftsDel, w.ftsIns, w.geoDel, w.geoIns} {
		if st != nil {
			st.Close()
		}
	}
}

func point(b business.Record) (lat, lon any) {
	if !b.HasPoint {
		return nil, nil
	}
	return b.Lat, b.Lon
}

func (w *businessWriter) insert(b business.Record, p preparedRow) error {
	lat, lon := point(b)
	res, err := w.ins.Exec(b.UID, b.EDRPOU, b.Name, b.Kind, b.KVED, b.Section, b.Division, b.Address, lat, lon,
		b.Phone, b.Website, b.Email, b.Hours, b.Description, b.Updated, p.sig)
	if err != nil {
		return err
	}
	if b.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return w.index(b, p)
}

func (w *businessWriter) update(b business.Record, p preparedRow) error {
	lat, lon := point(b)
	if _, err := w.upd.Exec(b.EDRPOU, b.Name, b.Kind, b.KVED, b.Section, b.Division, b.Address, lat, lon,
		b.Phone, b.Website, b.Email, b.Hours, b.Description, b.Updated, p.sig, b.ID); err != nil {
		return err
	}
	if _, err := w.ftsDel.Exec(b.ID); err != nil {
		return err
	}
	if _, err := w.geoDel.Exec(b.ID); err != nil {
		return err
	}
	return w.index(b, p)
}

// index writes the record's search keys and its point.
func (w *businessWriter) index(b business.Record, p preparedRow) error {
	if _, err := w.ftsIns.Exec(b.ID, p.nameKey, p.descKey); err != nil {
		return err
	}
	if !b.HasPoint {
		return nil
	}
	_, err := w.geoIns.Exec(b.ID, b.Lat, b.Lat, b.Lon, b.Lon, b.Lat, b.Lon)
	return err
}
