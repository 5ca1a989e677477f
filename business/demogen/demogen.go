// Package demogen generates a deterministic directory of businesses of the
// fictional demo city (Нове Місто): realistic Ukrainian names, valid EDRPOU
// codes, KVED classes of many sections, coordinates around the city centre
// and annex-30 style hours. The demo file demo/data/business/businesses.csv
// and the 100,000-business benchmark both come from it.
package demogen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/taxid"
)

// Centre is the demo city's centre.
var Centre = [2]float64{49.8400, 24.0300}

// Header is the column order of the businesses dataset (SPEC §8).
var Header = []string{"id", "edrpou", "name", "kind", "kved", "address", "lat", "lon", "phone", "website", "email",
	"hours", "description", "updated_on"}

// Generate makes n rows from seed, spread up to spreadKM from the centre.
func Generate(n int, seed uint64, spreadKM float64) [][]string {
	r := rand.New(rand.NewPCG(seed, 2010))
	total := 0
	for _, t := range templates {
		total += t.weight
	}
	rows := fixed()
	used := map[string]bool{}
	for _, row := range rows {
		used[row[2]] = true
	}
	for i := len(rows); i < n; i++ {
		t := pick(r, total)
		name := uniqueName(r, t, used, n > 10000)
		rows = append(rows, row(r, i+1, t, name, spreadKM))
	}
	return rows[:n]
}

func pick(r *rand.Rand, total int) template {
	k := r.IntN(total)
	for _, t := range templates {
		if k < t.weight {
			return t
		}
		k -= t.weight
	}
	return templates[0]
}

func uniqueName(r *rand.Rand, t template, used map[string]bool, big bool) string {
	for try := 0; ; try++ {
		w := t.words[r.IntN(len(t.words))]
		name := t.prefix + " «" + w + "»"
		if strings.Contains(t.prefix, "%s") {
			name = fmt.Sprintf(t.prefix, w)
		}
		if try > 3 || big {
			// Many places of one kind: tell them apart by a branch number, as chains do.
			name += fmt.Sprintf(" №%d", r.IntN(900)+2)
		}
		if !used[name] || (big && try > 5) {
			used[name] = true
			return name
		}
	}
}

func row(r *rand.Rand, id int, t template, name string, spreadKM float64) []string {
	// A uniform point in a disc: sqrt keeps the density even.
	dist := spreadKM * 1000 * math.Sqrt(r.Float64())
	angle := r.Float64() * 2 * math.Pi
	lat := Centre[0] + dist*math.Cos(angle)/111_195
	lon := Centre[1] + dist*math.Sin(angle)/(111_195*math.Cos(Centre[0]*math.Pi/180))
	site, mail := "", ""
	slug := fmt.Sprintf("nm%04d", id)
	if r.IntN(3) == 0 {
		site = "https://" + slug + ".example.ua"
	}
	if r.IntN(2) == 0 {
		mail = "info@" + slug + ".example.ua"
	}
	return []string{
		fmt.Sprintf("NM-B-%06d", id), EDRPOU(r), name, t.kind, t.kved,
		fmt.Sprintf("%s, %d", streets[r.IntN(len(streets))], r.IntN(120)+1),
		strconv.FormatFloat(lat, 'f', 6, 64), strconv.FormatFloat(lon, 'f', 6, 64),
		fmt.Sprintf("+38032%07d", r.IntN(10_000_000)), site, mail,
		t.hours[r.IntN(len(t.hours))], t.desc,
		fmt.Sprintf("2026-%02d-%02d", r.IntN(10)+1, r.IntN(28)+1),
	}
}

// EDRPOU makes a random 8-digit code with a valid check digit.
func EDRPOU(r *rand.Rand) string {
	for {
		base := fmt.Sprintf("%07d", 1_000_000+r.IntN(43_000_000))
		for d := '0'; d <= '9'; d++ {
			if c := base + string(d); taxid.ValidEDRPOU(c) {
				return c
			}
		}
	}
}

// Write writes rows as CSV with the header.
func Write(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
