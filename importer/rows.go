package importer

import "github.com/transparentcities/nazar/csvin"

// rows reads a dataset file row by row: each row is parsed, problems are
// collected (up to csvin.MaxErrors, each naming file:line:column) and rows
// that fail are left out, so one pass reports every error a file has.
type rows[T any] struct {
	parse func(csvin.Row) (T, error)
	// id, when set, names a row; a second row with a name already seen is
	// an error in idColumn that points to the first.
	id       func(T) string
	idColumn string
	private  bool           // the id is personal data (a card number): never echoed
	progress func(read int) // called after each good row; may be nil
	capacity int            // expected rows, to allocate once
}

func (r rows[T]) read(f *csvin.File) ([]T, error) {
	out := make([]T, 0, r.capacity)
	var errs csvin.Errors
	seen := map[string]int{} // id → line of its first row
	for {
		row, ok, err := f.Next()
		if err != nil {
			errs.Add(err)
			break
		}
		if !ok {
			break
		}
		v, err := r.parse(row)
		if err == nil && r.id != nil {
			if first, dup := seen[r.id(v)]; dup && r.private {
				err = row.Errorf(r.idColumn, "appears again (first on line %d; value not shown)", first)
			} else if dup {
				err = row.Errorf(r.idColumn, "%q appears again (first on line %d)", r.id(v), first)
			}
		}
		if errs.Add(err) {
			break
		}
		if err != nil {
			continue
		}
		if r.id != nil {
			seen[r.id(v)] = row.Line
		}
		out = append(out, v)
		if r.progress != nil {
			r.progress(len(out))
		}
	}
	return out, errs.Err()
}
