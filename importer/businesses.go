package importer

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/taxid"
)

var _ = register("businesses", importBusinesses)

var businessColumns = []string{"id", "edrpou", "name", "kind", "kved", "address", "lat", "lon", "phone", "website",
	"email", "hours", "description", "updated_on"}

// importBusinesses loads the business directory (SPEC §8 businesses): every
// row is checked (coordinates, EDRPOU check digit, KVED division, phone,
// website, e-mail, hours, date) before anything is written, and the file is
// written in one transaction, upserting by id.
func importBusinesses(ctx context.Context, env Env, path string) (Summary, error) {
	f, err := openFile(env, path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("id", "name", "kind", "kved"); err != nil {
		return Summary{}, err
	}
	f.Known(businessColumns...)
	checked := hoursCache{}
	list, err := rows[business.Record]{
		parse:    func(row csvin.Row) (business.Record, error) { return parseBusiness(row, checked) },
		id:       func(b business.Record) string { return b.UID },
		idColumn: "id",
	}.read(f)
	if err != nil {
		return Summary{}, err
	}
	res, err := env.Store.ImportBusinesses(ctx, list)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = res.Read
	sum.Addf("%s read: %d new, %d changed, %d unchanged", Count(res.Read, "business", "businesses"),
		res.Added, res.Changed, res.Unchanged)
	noteFile(f, &sum)
	return sum, nil
}

// parseBusiness checks one row; the first problem is reported with its column.
func parseBusiness(row csvin.Row, checked hoursCache) (business.Record, error) {
	b := business.Record{UID: row.Get("id"), Name: row.Get("name"), Address: row.Get("address"),
		Description: row.Get("description")}
	if b.UID == "" {
		return b, row.Errorf("id", "is empty")
	}
	if b.Name == "" {
		return b, row.Errorf("name", "is empty")
	}
	steps := []func() error{
		func() error { return businessEDRPOU(row, &b) },
		func() error { return businessClass(row, &b) },
		func() error { return businessPoint(row, &b) },
		func() error { return businessContacts(row, &b) },
		func() error { return businessHoursDate(row, &b, checked) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return b, err
		}
	}
	return b, nil
}

func businessEDRPOU(row csvin.Row, b *business.Record) error {
	code := taxid.Normalize(row.Get("edrpou"))
	if code == "" {
		return nil
	}
	kind, err := taxid.Check(code)
	switch {
	case errors.Is(err, taxid.ErrChecksum) && kind == taxid.EDRPOU:
		return row.Errorf("edrpou", "%q: the check digit does not match (a typo?)", code)
	case err != nil || kind != taxid.EDRPOU:
		return row.Errorf("edrpou", "an EDRPOU code has exactly 8 digits")
	}
	b.EDRPOU = code
	return nil
}

func businessClass(row csvin.Row, b *business.Record) error {
	kind, err := business.ParseKind(row.Get("kind"))
	if err != nil {
		return row.Errorf("kind", "%v", err)
	}
	code, err := kved.Parse(row.Get("kved"))
	if err != nil {
		return row.Errorf("kved", "%v", err)
	}
	b.Kind, b.KVED, b.Division, b.Section = kind, code.Full, code.Division, code.Section
	return nil
}

func businessPoint(row csvin.Row, b *business.Record) error {
	latS, lonS := row.Get("lat"), row.Get("lon")
	if latS == "" && lonS == "" {
		return nil
	}
	lat, err := parseCoord(latS, 90)
	if err != nil {
		return row.Errorf("lat", "%q %v", latS, err)
	}
	lon, err := parseCoord(lonS, 180)
	if err != nil {
		return row.Errorf("lon", "%q %v", lonS, err)
	}
	if lat == 0 && lon == 0 {
		return row.Errorf("lat", "0, 0 is not a place in the city (leave lat and lon empty when unknown)")
	}
	b.HasPoint, b.Lat, b.Lon = true, lat, lon
	return nil
}

// parseCoord reads decimal degrees with a point or a comma within ±limit.
func parseCoord(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || v != v {
		return 0, errors.New("is not a number of decimal degrees (e.g. 49.8397); give both lat and lon or neither")
	}
	if v < -limit || v > limit {
		return 0, errors.New("is out of range ±" + strconv.FormatFloat(limit, 'f', 0, 64))
	}
	return v, nil
}

func businessContacts(row csvin.Row, b *business.Record) error {
	if p := row.Get("phone"); p != "" {
		phone, err := business.NormalizePhone(p)
		if err != nil {
			return row.Errorf("phone", "%v", err)
		}
		b.Phone = phone
	}
	if w := row.Get("website"); w != "" {
		site, err := business.NormalizeWebsite(w)
		if err != nil {
			return row.Errorf("website", "%v", err)
		}
		b.Website = site
	}
	if e := row.Get("email"); e != "" {
		if !business.ValidEmail(e) {
			return row.Errorf("email", "%q is not an e-mail address", e)
		}
		b.Email = e
	}
	return nil
}

// hoursCache remembers the hours texts already checked: a city's file
// repeats a few dozen schedules over thousands of rows.
type hoursCache map[string]error

func (c hoursCache) check(text string) error {
	err, ok := c[text]
	if !ok {
		_, err = hours.Parse(text)
		c[text] = err
	}
	return err
}

func businessHoursDate(row csvin.Row, b *business.Record, checked hoursCache) error {
	if h := row.Get("hours"); h != "" {
		if err := checked.check(h); err != nil {
			return row.Errorf("hours", "%v", err)
		}
		b.Hours = h
	}
	if d := row.Get("updated_on"); d != "" {
		t, err := csvin.ParseDate(d)
		if err != nil {
			return row.Errorf("updated_on", "%v", err)
		}
		b.Updated = t.Format("2006-01-02")
	}
	return nil
}
