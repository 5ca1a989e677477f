package card

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/transparentcities/nazar/locales"
)

// defaultContent is the demo city's "how to get a card" content, used when
// card.content_file is empty.
//
//go:embed default_content.yaml
var defaultContent []byte

// DefaultCategories are the category codes of SPEC §4, the default of card.categories.
var DefaultCategories = []string{"pensioner", "pupil", "student", "disability", "veteran", "large_family", "resident"}

// Languages every content text must have.
var Languages = []string{"uk", "en"}

// Text is content in each language (one type for every content file).
type Text = locales.Text

// Lines are lists of lines in each language (the documents to bring).
type Lines map[string][]string

// In returns the lines in lang, falling back to Ukrainian.
func (l Lines) In(lang string) []string {
	if s := l[lang]; len(s) > 0 {
		return s
	}
	return l["uk"]
}

// Content is the city content file: categories and service points.
type Content struct {
	Categories []*Category `yaml:"categories"`
	Points     []*Point    `yaml:"points"`
}

// Category is one category of card holders and how they get a card.
type Category struct {
	Code       string   `yaml:"code"`
	Title      Text     `yaml:"title"`
	Documents  Lines    `yaml:"documents"`
	Price      Text     `yaml:"price"`
	Validity   Text     `yaml:"validity"`
	Processing Text     `yaml:"processing"`
	Points     []string `yaml:"points"` // ids of the service points that serve it
	Trips      bool     `yaml:"trips"`  // the category's cards count trips
}

// Point is a service point where cards are applied for and picked up.
type Point struct {
	ID      string  `yaml:"id"`
	Name    Text    `yaml:"name"`
	Address Text    `yaml:"address"`
	Hours   Text    `yaml:"hours"`
	Lat     float64 `yaml:"lat"`
	Lon     float64 `yaml:"lon"`
}

// LoadContent reads the content file at path ("" = the built-in demo
// content) and checks it offers every one of categories, in that order.
func LoadContent(path string, categories []string) (*Content, error) {
	data, name := defaultContent, "built-in card content"
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("card content: %w", err)
		}
		name = path
	}
	c, err := ParseContent(data, categories)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// ParseContent parses and validates content; the configured categories are
// kept in their configured order and others in the file are dropped.
func ParseContent(data []byte, categories []string) (*Content, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Content
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	var kept []*Category
	for _, code := range categories {
		cat, ok := c.Category(code)
		if !ok {
			return nil, fmt.Errorf("category %q (listed in card.categories) is missing", code)
		}
		kept = append(kept, cat)
	}
	c.Categories = kept
	return &c, nil
}

func (c *Content) validate() error {
	ids := map[string]bool{}
	for i, p := range c.Points {
		where := fmt.Sprintf("points[%d] (%s)", i, p.ID)
		switch {
		case p.ID == "":
			return fmt.Errorf("points[%d]: id is empty", i)
		case ids[p.ID]:
			return fmt.Errorf("%s: id appears twice", where)
		case p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || (p.Lat == 0 && p.Lon == 0):
			return fmt.Errorf("%s: lat/lon %g, %g is not a place on the map", where, p.Lat, p.Lon)
		}
		if err := needText(where, map[string]Text{"name": p.Name, "address": p.Address, "hours": p.Hours}); err != nil {
			return err
		}
		ids[p.ID] = true
	}
	seen := map[string]bool{}
	for i, cat := range c.Categories {
		where := fmt.Sprintf("categories[%d] (%s)", i, cat.Code)
		if cat.Code == "" || seen[cat.Code] {
			return fmt.Errorf("%s: code is empty or appears twice", where)
		}
		seen[cat.Code] = true
		if err := needText(where, map[string]Text{"title": cat.Title, "price": cat.Price,
			"validity": cat.Validity, "processing": cat.Processing}); err != nil {
			return err
		}
		for _, lang := range Languages {
			if len(cat.Documents[lang]) == 0 {
				return fmt.Errorf("%s: documents: no list in %s", where, lang)
			}
		}
		if len(cat.Points) == 0 {
			return fmt.Errorf("%s: points: at least one service point is needed", where)
		}
		for _, id := range cat.Points {
			if !ids[id] {
				return fmt.Errorf("%s: points: unknown point %q", where, id)
			}
		}
	}
	return nil
}

func needText(where string, fields map[string]Text) error {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		for _, lang := range Languages {
			if fields[k][lang] == "" {
				return fmt.Errorf("%s: %s: no text in %s", where, k, lang)
			}
		}
	}
	return nil
}

// Category finds a category by code.
func (c *Content) Category(code string) (*Category, bool) {
	for _, cat := range c.Categories {
		if cat.Code == code {
			return cat, true
		}
	}
	return nil, false
}

// Point finds a service point by id.
func (c *Content) Point(id string) (*Point, bool) {
	for _, p := range c.Points {
		if p.ID == id {
			return p, true
		}
	}
	return nil, false
}
