package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/transparentcities/nazar/business"
)

// A large business import (100,000 businesses: three seconds of inserts
// into the table, its full-text index and its R*Tree) does not hold the
// write lock while it works. It builds the next directory beside the live
// one — businesses_next, business_fts_next, business_geo_next — in short
// transactions (see inChunks), and one short transaction renames the three
// into place and raises the directory's data version, so residents see the
// old directory or the new one, never half of either. A failed import drops
// the staging tables and leaves the live ones as they were. Callers hold
// LockImports: nothing else writes the directory meanwhile (the swap checks
// that the data version is still the one the import planned against).

// stagedBusinesses is the most new or changed businesses one transaction
// writes; a larger import is staged.
var stagedBusinesses = 2_000

// businessTables are the directory's tables, each staged as <name>_next
// and kept as <name>_old between the swap and its drop.
var businessTables = []string{"businesses", "business_fts", "business_geo"}

// businessPlan is what an import will write: its counts, the data version it
// was planned against, and the new and changed businesses with their ids,
// in id order.
type businessPlan struct {
	res     BusinessImportResult
	version int64
	writes  []plannedBusiness
}

type plannedBusiness struct {
	b business.Record
	p preparedRow
}

// importBusinessesStaged stages list when it changes more than
// stagedBusinesses businesses; staged is false when it did nothing and the
// import fits in one transaction (or the file repeats a business: the
// one-transaction path answers that as it always did).
func (s *Store) importBusinessesStaged(ctx context.Context, list []business.Record) (res BusinessImportResult, staged bool, err error) {
	plan, ok, err := s.planBusinesses(ctx, list)
	if err != nil || !ok {
		return BusinessImportResult{}, false, err
	}
	changes := plan.res.Added + plan.res.Changed
	if changes == 0 {
		return plan.res, true, nil // a re-import of the same file writes nothing
	}
	if changes <= stagedBusinesses {
		return BusinessImportResult{}, false, nil
	}
	if err := s.stageBusinesses(ctx, plan); err != nil {
		return BusinessImportResult{}, true, err
	}
	return plan.res, true, nil
}

// planBusinesses compares list with the stored directory, outside any
// transaction; ok is false when list repeats a uid.
func (s *Store) planBusinesses(ctx context.Context, list []business.Record) (*businessPlan, bool, error) {
	plan := &businessPlan{res: BusinessImportResult{Read: len(list)}}
	var maxID int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM data_versions WHERE name = ?`,
		DatasetBusinesses).Scan(&plan.version); err != nil {
		return nil, false, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM businesses`).Scan(&maxID); err != nil {
		return nil, false, err
	}
	old, err := businessSigs(ctx, s.db)
	if err != nil {
		return nil, false, err
	}
	seen := make(map[string]struct{}, len(list))
	for b, p := range prepared(list, old) {
		if _, again := seen[b.UID]; again {
			return nil, false, nil
		}
		seen[b.UID] = struct{}{}
		prev, exists := old[b.UID]
		switch {
		case p.unchanged:
			plan.res.Unchanged++
			continue
		case exists:
			b.ID = prev.id
			plan.res.Changed++
		default:
			plan.res.Added++
		}
		plan.writes = append(plan.writes, plannedBusiness{b: b, p: p})
	}
	numberNew(plan.writes, maxID)
	slices.SortFunc(plan.writes, func(a, b plannedBusiness) int { return cmp.Compare(a.b.ID, b.b.ID) })
	return plan, true, nil
}

// numberNew gives the new businesses of writes (those without an id) the
// ids after maxID, as SQLite numbers rows (businesses are never deleted),
// but in the order of division and name rather than of the file: written in
// id order, the rows then also reach the (division, name) and (kved, name)
// indexes nearly in order. In file order every short staging transaction
// would rewrite pages all over both indexes (a 100,000-business import
// took twice as long). Ids are opaque; only buttons carry them.
func numberNew(writes []plannedBusiness, maxID int64) {
	var fresh []*business.Record
	for i := range writes {
		if writes[i].b.ID == 0 {
			fresh = append(fresh, &writes[i].b)
		}
	}
	slices.SortStableFunc(fresh, func(a, b *business.Record) int {
		return cmp.Or(cmp.Compare(a.Division, b.Division), cmp.Compare(a.Name, b.Name))
	})
	for _, b := range fresh {
		maxID++
		b.ID = maxID
	}
}

// stageBusinesses builds the next directory and swaps it in.
func (s *Store) stageBusinesses(ctx context.Context, plan *businessPlan) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	err = dropBusinessTables(ctx, conn, "_old") // left by a crash after a swap
	if err == nil {
		err = buildNextBusinesses(ctx, conn, plan)
	}
	if err == nil {
		err = swapBusinesses(ctx, conn, plan.version)
	}
	if err != nil {
		dropBusinessTables(context.WithoutCancel(ctx), conn, "_next") //nolint:errcheck // the next import drops them too
		return fmt.Errorf("businesses: %w", err)
	}
	// The import is done; the old directory's pages are freed a table at a
	// time, each drop a short transaction of its own.
	dropBusinessTables(context.WithoutCancel(ctx), conn, "_old") //nolint:errcheck // see above
	return nil
}

// buildNextBusinesses fills the staging tables: the stored businesses, the
// plan's writes over them, then the search keys and points of all.
func buildNextBusinesses(ctx context.Context, conn *sql.Conn, plan *businessPlan) error {
	if err := createBusinessStaging(ctx, conn); err != nil {
		return err
	}
	if err := stageRows(ctx, conn, "businesses_next", "main.businesses", "id", wideRows); err != nil {
		return err
	}
	if err := stageBulk(ctx, conn, businessUpsert, len(plan.writes), plan.row, wideRows); err != nil {
		return err
	}
	idx, err := readIndexRows(ctx, conn, plan)
	if err != nil {
		return err
	}
	if err := stageBulk(ctx, conn, businessKeys, len(idx), idx.keys, wideRows); err != nil {
		return err
	}
	points := idx.withPoints()
	if err := stageBulk(ctx, conn, businessPoints, len(points), points.point, wideRows); err != nil {
		return err
	}
	// A directory inserted in many transactions is left in many index
	// segments that every query must merge; the live directory is kept in
	// one (see ImportBusinesses).
	return mergeFTS(ctx, conn, "business_fts_next")
}

// createBusinessStaging creates the three staging tables empty, like the
// live ones (dropping any left by a failed import).
func createBusinessStaging(ctx context.Context, conn *sql.Conn) error {
	if err := dropBusinessTables(ctx, conn, "_next"); err != nil {
		return err
	}
	if _, err := createStaging(ctx, conn, "businesses"); err != nil {
		return err
	}
	for _, t := range []string{"business_fts", "business_geo"} {
		var ddl string
		if err := conn.QueryRowContext(ctx, `SELECT sql FROM main.sqlite_master WHERE name = ?`, t).Scan(&ddl); err != nil {
			return fmt.Errorf("stage %s: %w", t, err)
		}
		// CREATE VIRTUAL TABLE name USING module(args): keep the module and
		// its arguments.
		using := strings.Index(ddl, " USING ")
		if using < 0 {
			return fmt.Errorf("stage %s: not a virtual table", t)
		}
		if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE main.`+t+`_next`+ddl[using:]); err != nil {
			return fmt.Errorf("stage %s: %w", t, err)
		}
	}
	// The ranking is a setting of the full-text table, not of its statement.
	var rank string
	err := conn.QueryRowContext(ctx, `SELECT v FROM main.business_fts_config WHERE k = 'rank'`).Scan(&rank)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, `INSERT INTO main.business_fts_next(business_fts_next, rank) VALUES ('rank', ?)`, rank)
	}
	return err
}

// dropBusinessTables drops the directory's tables named with suffix, each in
// a transaction of its own.
func dropBusinessTables(ctx context.Context, conn *sql.Conn, suffix string) error {
	for _, t := range businessTables {
		if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS main.`+t+suffix); err != nil {
			return err
		}
	}
	return nil
}

// businessUpsert writes a new or changed business, with its id, into the
// staging table.
var businessUpsert = bulk{
	into: "main.businesses_next(id, uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone, " +
		"website, email, hours, description, updated_on, sig)",
	row: plainRow(18), cols: 18,
	tail: ` ON CONFLICT(id) DO UPDATE SET edrpou = excluded.edrpou, name = excluded.name, kind = excluded.kind,
		kved = excluded.kved, section = excluded.section, division = excluded.division, address = excluded.address,
		lat = excluded.lat, lon = excluded.lon, phone = excluded.phone, website = excluded.website,
		email = excluded.email, hours = excluded.hours, description = excluded.description,
		updated_on = excluded.updated_on, sig = excluded.sig`,
}

// row appends the i-th write's values for businessUpsert.
func (plan *businessPlan) row(i int, args []any) []any {
	w := plan.writes[i]
	b := w.b
	lat, lon := point(b)
	return append(args, b.ID, b.UID, b.EDRPOU, b.Name, b.Kind, b.KVED, b.Section, b.Division, b.Address, lat, lon,
		b.Phone, b.Website, b.Email, b.Hours, b.Description, b.Updated, w.p.sig)
}

// indexRow is what the full-text index and the R*Tree hold of a business.
type indexRow struct {
	id               int64
	nameKey, descKey string
	lat, lon         sql.NullFloat64
}

type indexRows []indexRow

// businessKeys and businessPoints write indexRows into the staging indexes
// (a point is a degenerate box, as index writes it).
var (
	businessKeys   = bulk{into: "main.business_fts_next(rowid, name, description)", row: plainRow(3), cols: 3}
	businessPoints = bulk{into: "main.business_geo_next(id, min_lat, max_lat, min_lon, max_lon, lat, lon)",
		row: "(?%[1]d,?%[2]d,?%[2]d,?%[3]d,?%[3]d,?%[2]d,?%[3]d)", cols: 3}
)

func (r indexRows) keys(i int, args []any) []any {
	return append(args, r[i].id, r[i].nameKey, r[i].descKey)
}

func (r indexRows) point(i int, args []any) []any {
	return append(args, r[i].id, r[i].lat.Float64, r[i].lon.Float64)
}

func (r indexRows) withPoints() indexRows {
	var out indexRows
	for _, row := range r {
		if row.lat.Valid && row.lon.Valid {
			out = append(out, row)
		}
	}
	return out
}

// readIndexRows lists every business of the next directory in id order,
// with its search keys and point: the plan's writes as planned, and the
// stored businesses the import leaves as they are, read back and folded.
func readIndexRows(ctx context.Context, conn *sql.Conn, plan *businessPlan) (indexRows, error) {
	planned := make(map[int64]bool, len(plan.writes))
	out := make(indexRows, 0, len(plan.writes))
	for _, w := range plan.writes {
		planned[w.b.ID] = true
		r := indexRow{id: w.b.ID, nameKey: w.p.nameKey, descKey: w.p.descKey}
		if w.b.HasPoint {
			r.lat = sql.NullFloat64{Float64: w.b.Lat, Valid: true}
			r.lon = sql.NullFloat64{Float64: w.b.Lon, Valid: true}
		}
		out = append(out, r)
	}
	rows, err := conn.QueryContext(ctx, `SELECT id, name, description, lat, lon FROM main.businesses`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r indexRow
		var name, desc string
		if err := rows.Scan(&r.id, &name, &desc, &r.lat, &r.lon); err != nil {
			return nil, err
		}
		if planned[r.id] {
			continue
		}
		r.nameKey, r.descKey = business.SearchKey(name), business.SearchKey(desc)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Inserted in rowid order, the full-text index only appends.
	slices.SortFunc(out, func(a, b indexRow) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}

// swapBusinesses renames the staging tables into place in one transaction,
// and raises the data version (the search cache and the map follow it).
func swapBusinesses(ctx context.Context, conn *sql.Conn, version int64) error {
	_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (struct{}, error) {
		var now int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM data_versions WHERE name = ?`,
			DatasetBusinesses).Scan(&now); err != nil {
			return struct{}{}, err
		}
		if now != version {
			return struct{}{}, errors.New("another import changed the directory meanwhile")
		}
		for _, t := range businessTables {
			for _, q := range []string{`ALTER TABLE main.` + t + ` RENAME TO ` + t + `_old`,
				`ALTER TABLE main.` + t + `_next RENAME TO ` + t} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return struct{}{}, fmt.Errorf("swap: %w", err)
				}
			}
		}
		return struct{}{}, bumpDataVersion(ctx, tx, DatasetBusinesses)
	})
	return err
}

// mergeFTS merges the index segments of a full-text table into one, as
// its 'optimize' command does in one long transaction, in steps that each
// hold the write lock about chunkHold: 'merge' with a negative page count
// first puts every segment on one level, and 'merge' goes on until it
// finds nothing left to merge (fewer than two changes, as FTS5 documents).
func mergeFTS(ctx context.Context, conn *sql.Conn, table string) error {
	pages := 32
	for step := 0; ; step++ {
		n := pages
		if step == 0 {
			n = -pages
		}
		began := time.Now()
		var before, after int64
		if err := conn.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&before); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO main.%[1]s(%[1]s, rank) VALUES ('merge', %[2]d)`,
			table, n)); err != nil {
			return fmt.Errorf("merge %s: %w", table, err)
		}
		if err := conn.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&after); err != nil {
			return err
		}
		if after-before < 2 {
			return nil
		}
		if took := time.Since(began); took > 0 {
			pages = min(max(int(float64(pages)*float64(chunkHold)/float64(took)), 16), pages*2)
		}
		if err := pause(ctx, chunkGap); err != nil {
			return err
		}
	}
}
