package handlers

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Feature is everything one section of the bot declares about itself, in
// one place: the router's tables, setMyCommands, the main menu, /help, the
// deep links and the admin panel are all derived from the list of features
// (bot/features.go, Features.List). Adding a section is its file group plus
// one line in that list.
type Feature struct {
	Name string // for error messages and the derivation test

	Commands []Command
	Menu     []MenuItem
	// Buttons handle inline buttons by the callback namespace of their data
	// ("cn" in "1|cn|dsl|12").
	Buttons map[string]Func
	// Steps continue a conversation by the feature recorded in it
	// (Conv.Feature, Step's first argument).
	Steps map[string]Func
	// DeepLinks are the /start payloads that open one of the feature's
	// commands: an exact payload ("card") or a prefix ending in "_" ("dep_",
	// the rest is the command's argument).
	DeepLinks []DeepLink
	// HelpTopics answer "/help <topic>".
	HelpTopics map[string]Func
	// Admin adds the feature's rows of buttons to the admin panel.
	Admin func(req *Request) [][]Button
	// Pushes are the outbox kinds the feature enqueues (store.Push.Kind).
	Pushes []string
}

// Command is a public command: its name without the slash, the message id
// of its description (uk and en), the handler, and its place in /help and
// Telegram's command menu (smaller first). Hidden commands (/admin) are
// routed but listed nowhere.
type Command struct {
	Name        string
	Description string
	Run         Func
	Order       int
	Hidden      bool
}

// MenuItem is one main-menu button: the message id of its label, the
// command it runs when pressed, and its place in the menu (smaller first).
type MenuItem struct {
	Label   string
	Command string
	Order   int
}

// DeepLink maps a /start payload to a command.
type DeepLink struct {
	Payload string
	Command string
}

// Prefix reports whether the payload takes an argument after its "_".
func (d DeepLink) Prefix() bool { return strings.HasSuffix(d.Payload, "_") }

// Catalog is what the features' declarations add up to.
type Catalog struct {
	Commands   []Command // every command, in listing order (hidden ones too)
	Menu       []MenuItem
	Buttons    map[string]Func
	Steps      map[string]Func
	DeepLinks  map[string]string
	HelpTopics map[string]Func
	Admin      []func(req *Request) [][]Button
	Pushes     map[string]string // push kind → feature
}

// Listed is the commands shown in /help and setMyCommands, in order.
func (c Catalog) Listed() []Command {
	var out []Command
	for _, cmd := range c.Commands {
		if !cmd.Hidden {
			out = append(out, cmd)
		}
	}
	return out
}

// NewCatalog derives the tables from the features. Two features claiming
// the same command, callback namespace, conversation, deep link, help topic
// or push kind is a programming error reported here (the bot refuses to
// start; the derivation test fails first). A menu item must name a command.
func NewCatalog(features []Feature) (Catalog, error) {
	c := Catalog{Buttons: map[string]Func{}, Steps: map[string]Func{}, DeepLinks: map[string]string{},
		HelpTopics: map[string]Func{}, Pushes: map[string]string{}}
	owner := map[string]string{} // "what:key" → feature, to name both in an error
	claim := func(f Feature, what, key string) error {
		k := what + " " + key
		if prev, ok := owner[k]; ok {
			return fmt.Errorf("features %q and %q both declare %s", prev, f.Name, k)
		}
		owner[k] = f.Name
		return nil
	}
	var errs []error
	for _, f := range features {
		for _, cmd := range f.Commands {
			errs = append(errs, claim(f, "command", cmd.Name))
			c.Commands = append(c.Commands, cmd)
		}
		c.Menu = append(c.Menu, f.Menu...)
		for ns, h := range f.Buttons {
			errs = append(errs, claim(f, "callback namespace", ns))
			c.Buttons[ns] = h
		}
		for conv, h := range f.Steps {
			errs = append(errs, claim(f, "conversation", conv))
			c.Steps[conv] = h
		}
		for _, d := range f.DeepLinks {
			errs = append(errs, claim(f, "deep link", d.Payload))
			c.DeepLinks[d.Payload] = d.Command
		}
		for topic, h := range f.HelpTopics {
			errs = append(errs, claim(f, "help topic", topic))
			c.HelpTopics[topic] = h
		}
		for _, kind := range f.Pushes {
			errs = append(errs, claim(f, "push kind", kind))
			c.Pushes[kind] = f.Name
		}
		if f.Admin != nil {
			c.Admin = append(c.Admin, f.Admin)
		}
	}
	errs = append(errs, c.checkTargets(owner)...)
	slices.SortStableFunc(c.Commands, func(a, b Command) int { return cmp.Compare(a.Order, b.Order) })
	slices.SortStableFunc(c.Menu, func(a, b MenuItem) int { return cmp.Compare(a.Order, b.Order) })
	if err := errors.Join(errs...); err != nil {
		return Catalog{}, err
	}
	return c, nil
}

// checkTargets makes sure menu items and deep links open a declared command.
func (c Catalog) checkTargets(owner map[string]string) []error {
	var errs []error
	for _, item := range c.Menu {
		if _, ok := owner["command "+item.Command]; !ok {
			errs = append(errs, fmt.Errorf("menu item %q opens /%s, which no feature declares", item.Label, item.Command))
		}
	}
	for payload, cmd := range c.DeepLinks {
		if _, ok := owner["command "+cmd]; !ok {
			errs = append(errs, fmt.Errorf("deep link %q opens /%s, which no feature declares", payload, cmd))
		}
	}
	return errs
}

// Handler returns the handler of a command.
func (c Catalog) Handler(name string) (Func, bool) {
	for _, cmd := range c.Commands {
		if cmd.Name == name {
			return cmd.Run, true
		}
	}
	return nil, false
}
