package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"

	"go.yaml.in/yaml/v3"
)

// Load builds the configuration: Default(), then the YAML file at path (if
// path is not empty), then NAZAR_* overrides from env (os.Environ() form,
// later entries win). A missing file is an error only when explicit is true,
// i.e. the user named it; the default path may be absent. Load reports
// parse errors only, all of them, one per line: a broken file does not hide
// a mistyped variable. The returned Config holds every value that parsed
// (the default where one did not), so Validate can still report the rest;
// LoadChecked does both.
func Load(path string, explicit bool, env []string) (Config, error) {
	cfg := Default()
	var fileErr error
	if path != "" {
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			fileErr = decodeYAML(path, data, &cfg)
		case explicit || !errors.Is(err, fs.ErrNotExist):
			fileErr = unreadableError{fmt.Errorf("config: %w", err)}
		}
	}
	envErr := applyEnv(reflect.ValueOf(&cfg).Elem(), env)
	return cfg, errors.Join(fileErr, envErr)
}

// LoadChecked is Load then Validate, with the problems of both in one error
// (one line each), so one start of the bot shows everything to fix.
// When the file could not be read or parsed at all, the rules are not
// checked: they would judge the defaults and report problems the file may
// well fix.
func LoadChecked(path string, explicit bool, env []string) (Config, error) {
	cfg, err := Load(path, explicit, env)
	if _, ok := errors.AsType[unreadableError](err); ok {
		return cfg, err
	}
	return cfg, errors.Join(err, cfg.Validate())
}

// unreadableError is a file that could not be read or parsed as a whole
// (as opposed to single keys with bad values).
type unreadableError struct{ error }

func (e unreadableError) Unwrap() error { return e.error }

// decodeYAML decodes data over dst, keeping values for absent keys. It walks
// yaml.Node itself instead of using yaml.Unmarshal so every error can name
// the full key path and line, and unknown or duplicate keys are rejected.
func decodeYAML(file string, data []byte, dst *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // empty file: all defaults
		}
		return unreadableError{fmt.Errorf("%s: %w", file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return unreadableError{fmt.Errorf("%s: want a single YAML document", file)}
	}
	if len(doc.Content) == 0 {
		return nil // only comments
	}
	w := &walker{file: file}
	w.value(doc.Content[0], reflect.ValueOf(dst).Elem(), "")
	return errors.Join(w.errs...)
}

// walker collects every problem in the file instead of stopping at the first.
type walker struct {
	file string
	errs []error
}

func (w *walker) fail(n *yaml.Node, key, format string, args ...any) {
	if key == "" {
		key = "(top level)"
	}
	msg := fmt.Sprintf(format, args...)
	w.errs = append(w.errs, fmt.Errorf("%s:%d: %s: %s", w.file, n.Line, key, msg))
}

// value decodes n into v. A null leaves the current (default) value alone,
// matching yaml.v3, so "city:" with nothing under it is harmless.
func (w *walker) value(n *yaml.Node, v reflect.Value, key string) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch {
	case isSection(v.Type()):
		w.mapping(n, v, key)
	case v.Kind() == reflect.Slice:
		w.list(n, v, key)
	case n.Kind != yaml.ScalarNode:
		w.fail(n, key, "want a single value, got a %s", kindName(n))
	default:
		if err := setScalar(v, n.Value); err != nil {
			w.fail(n, key, "%v", err)
		}
	}
}

func (w *walker) mapping(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		w.fail(n, key, "want a mapping of keys, got a %s", kindName(n))
		return
	}
	fields := fieldIndex(v.Type())
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		sub := joinKey(key, k.Value)
		if first, dup := seen[k.Value]; dup {
			w.fail(k, sub, "duplicate key (first set on line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		idx, ok := fields[k.Value]
		if !ok {
			w.fail(k, sub, "unknown key")
			continue
		}
		w.value(val, v.Field(idx), sub)
	}
}

func (w *walker) list(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.SequenceNode {
		w.fail(n, key, "want a list such as [1, 2], got a %s", kindName(n))
		return
	}
	if isSection(v.Type().Elem()) {
		w.mappings(n, v, key)
		return
	}
	items := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		for item.Kind == yaml.AliasNode {
			item = item.Alias
		}
		if item.Kind != yaml.ScalarNode {
			w.fail(item, key, "list items must be single values, got a %s", kindName(item))
			return
		}
		items = append(items, item.Value)
	}
	if err := setList(v, items); err != nil {
		w.fail(n, key, "%v", err)
	}
}

// mappings decodes a list of mappings (such as sources) into a slice of
// structs; each item's keys are checked like a section's and named
// "sources[2].url" (items counted from 1) in errors.
func (w *walker) mappings(n *yaml.Node, v reflect.Value, key string) {
	if len(n.Content) == 0 {
		v.SetZero() // "[]" equals an unset default
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		for item.Kind == yaml.AliasNode {
			item = item.Alias
		}
		sub := fmt.Sprintf("%s[%d]", key, i+1)
		if item.Kind != yaml.MappingNode {
			w.fail(item, sub, "want a mapping of keys, got a %s", kindName(item))
			continue
		}
		w.mapping(item, out.Index(i), sub)
	}
	v.Set(out)
}

func joinKey(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	default:
		return "single value"
	}
}
