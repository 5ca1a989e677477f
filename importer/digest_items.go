package importer

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"slices"
	"time"

	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/weblink"
)

var _ = register("digest-items", importDigestItems)

var digestItemColumns = []string{"id", "topic", "lang", "title", "body", "url", "published_at"}

// importDigestItems loads news for the weekly digest (SPEC §8 digest-items).
func importDigestItems(ctx context.Context, env Env, path string) (Summary, error) {
	f, err := openFile(env, path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("id", "topic", "title", "published_at"); err != nil {
		return Summary{}, err
	}
	f.Known(digestItemColumns...)
	items, err := rows[digest.Item]{parse: digestItemParser(env.Config.Location()),
		id: func(it digest.Item) string { return it.ID }, idColumn: "id"}.read(f)
	if err != nil {
		return Summary{}, err
	}
	changed, err := env.Store.SaveDigestItems(ctx, items)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = len(items)
	sum.Addf("%s read, %d new or changed", Count(len(items), "item", "items"), changed)
	noteFile(f, &sum)
	return sum, nil
}

// digestItemParser reads one row; published_at without an offset is city
// time (loc).
func digestItemParser(loc *time.Location) func(csvin.Row) (digest.Item, error) {
	return func(row csvin.Row) (digest.Item, error) { return parseDigestItem(row, loc) }
}

func parseDigestItem(row csvin.Row, loc *time.Location) (digest.Item, error) {
	it := digest.Item{ID: row.Get("id"), Topic: row.Get("topic"), Lang: row.Get("lang"),
		Title: row.Get("title"), Body: row.Get("body"), URL: row.Get("url"), Source: "import"}
	switch {
	case it.ID == "":
		return it, row.Errorf("id", "is empty")
	case !slices.Contains(digest.Topics, it.Topic):
		return it, row.Errorf("topic", "%q is not one of news, business, transport, council", it.Topic)
	case it.Lang != "" && it.Lang != "uk" && it.Lang != "en":
		return it, row.Errorf("lang", "%q is not uk, en or empty (every language)", it.Lang)
	case it.Title == "":
		return it, row.Errorf("title", "is empty")
	case it.URL != "" && !weblink.Valid(it.URL):
		return it, row.Errorf("url", "%q is not an http(s) link", it.URL)
	}
	at, err := csvin.ParseLocalTime(row.Get("published_at"), loc)
	if err != nil {
		return it, row.Errorf("published_at", "%v", err)
	}
	it.PublishedAt = at
	return it, nil
}
