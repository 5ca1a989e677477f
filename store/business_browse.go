package store

import (
	"context"
	"fmt"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/kved"
)

// BusinessCount is how many businesses the directory holds.
func (s *Store) BusinessCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM businesses`).Scan(&n)
	return n, err
}

// BusinessSectionCounts counts the businesses of each KVED section (only
// sections that have some).
func (s *Store) BusinessSectionCounts(ctx context.Context) (map[string]int, error) {
	divisions, err := s.businessCounts(ctx, `SELECT division, count(*) FROM businesses GROUP BY division`)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for d, n := range divisions {
		if sec, ok := kved.SectionOf(d); ok {
			out[sec.Code] += n
		}
	}
	return out, nil
}

// BusinessDivisionCounts counts the businesses of each division of a section.
func (s *Store) BusinessDivisionCounts(ctx context.Context, section string) (map[string]int, error) {
	from, to, ok := divisionRange(business.Filter{Section: section})
	if !ok {
		return map[string]int{}, nil
	}
	return s.businessCounts(ctx, `SELECT division, count(*) FROM businesses WHERE division BETWEEN ? AND ?
		GROUP BY division`, from, to)
}

func (s *Store) businessCounts(ctx context.Context, q string, args ...any) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, err
		}
		out[code] = n
	}
	return out, rows.Err()
}

// divisionRange is the KVED divisions a section or division filter covers;
// false for an unknown section.
func divisionRange(f business.Filter) (from, to string, ok bool) {
	if f.Division != "" {
		return f.Division, f.Division, true
	}
	sec, ok := kved.SectionByCode(f.Section)
	if !ok {
		return "", "", false
	}
	return fmt.Sprintf("%02d", sec.From), fmt.Sprintf("%02d", sec.To), true
}

// BusinessList is one page of a section's or a division's businesses by
// name, and the total.
func (s *Store) BusinessList(ctx context.Context, f business.Filter, offset, limit int) ([]business.Brief, int, error) {
	from, to, ok := divisionRange(f)
	if !ok {
		return nil, 0, nil
	}
	const where = ` WHERE division BETWEEN ? AND ?`
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM businesses`+where, from, to).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, address, kved, hours FROM businesses`+where+`
		ORDER BY name, id LIMIT ? OFFSET ?`, from, to, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	out, err := scanBriefs(rows)
	return out, total, err
}
