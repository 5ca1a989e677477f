package importer

import (
	"context"
	"regexp"
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
)

var _ = register("card-applications", importCardApplications)

var cardApplicationColumns = []string{"application_no", "birth_date", "category", "status", "status_date",
	"pickup_point", "reason"}

// appNoRe matches what the bot accepts as an application number.
var appNoRe = regexp.MustCompile(`^[A-Z0-9][A-Z0-9/-]{2,31}$`)

// importCardApplications loads card applications (SPEC §8
// card-applications); a status that became ready alerts the users who
// asked to be told.
func importCardApplications(ctx context.Context, env Env, path string) (Summary, error) {
	f, lines, err := openCSV(env, path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("application_no", "birth_date", "status"); err != nil {
		return Summary{}, err
	}
	f.Known(cardApplicationColumns...)
	apps, err := readRows(env, f, lines, rows[card.ApplicationRecord]{parse: parseApplication,
		id: func(a card.ApplicationRecord) string { return a.No }, idColumn: "application_no"})
	if err != nil {
		return Summary{}, err
	}
	changed, err := env.Store.ImportCardApplications(ctx, apps)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = len(apps)
	sum.Addf("%s read, %d new or changed", Count(len(apps), "application", "applications"), changed)
	noteFile(f, &sum)
	return sum, cardAlerts(ctx, env, &sum)
}

func parseApplication(row csvin.Row) (card.ApplicationRecord, error) {
	var a card.ApplicationRecord
	var err error
	// Numbers are matched upper-case, as the bot upper-cases what users type.
	if a.No = strings.ToUpper(row.Get("application_no")); !appNoRe.MatchString(a.No) {
		return a, row.Errorf("application_no", "%q is not 3-32 letters, digits, dashes or slashes", row.Get("application_no"))
	}
	if a.Birth, err = privateDate(row, "birth_date"); err != nil {
		return a, err
	}
	a.Category = row.Get("category")
	if a.Status, err = codeOf(row, "status", card.AppStatuses, cardLabels); err != nil {
		return a, err
	}
	if a.StatusDate, err = optionalDate(row, "status_date"); err != nil {
		return a, err
	}
	a.PickupPoint, a.Reason = row.Get("pickup_point"), row.Get("reason")
	if a.Status == card.AppRejected && a.Reason == "" {
		return a, row.Errorf("reason", "a rejected application needs a reason")
	}
	return a, nil
}
