package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// durationType is special-cased because time.Duration is an int64 kind but
// is written as "15m" in YAML and env.
var durationType = reflect.TypeFor[time.Duration]()

// leaf is one settable key: its YAML path and its field index in Config.
type leaf struct {
	path  []string
	index []int
}

// key is the dotted YAML key, e.g. "telegram.poll_timeout".
func (l leaf) key() string { return strings.Join(l.path, ".") }

// envName is the override variable, e.g. "NAZAR_TELEGRAM_POLL_TIMEOUT".
func (l leaf) envName() string {
	return "NAZAR_" + strings.ToUpper(strings.Join(l.path, "_"))
}

// yamlName returns the key a struct field is known by, or "" to skip it.
// Untagged fields fall back to the lower-cased name, as yaml.v3 does.
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	}
	return name
}

// isSection reports whether a field is a nested section rather than a value.
func isSection(t reflect.Type) bool { return t.Kind() == reflect.Struct }

// leaves lists every settable key of struct type t in declaration order.
func leaves(t reflect.Type, path []string, index []int) []leaf {
	var out []leaf
	for i := range t.NumField() {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		// Full slice expressions force a copy, so siblings never share
		// a backing array.
		p := append(path[:len(path):len(path)], name)
		idx := append(index[:len(index):len(index)], i)
		if isSection(f.Type) {
			out = append(out, leaves(f.Type, p, idx)...)
			continue
		}
		out = append(out, leaf{path: p, index: idx})
	}
	return out
}

// fieldIndex maps a struct's YAML keys to field numbers.
func fieldIndex(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

// setScalar parses s into v, which must be a non-slice value kind.
// Messages are meant for humans and never mention strconv.
func setScalar(v reflect.Value, s string) error {
	if v.Type() == durationType {
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("want a duration such as \"30s\" or \"15m\", got %q", s)
		}
		v.SetInt(int64(d))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, v.Type().Bits())
		if err != nil {
			return fmt.Errorf("want an integer, got %q", s)
		}
		v.SetInt(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, v.Type().Bits())
		if err != nil {
			return fmt.Errorf("want a number, got %q", s)
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", s)
		}
		v.SetBool(b)
	default:
		// A programming error: a field type this package does not support.
		panic(fmt.Sprintf("config: unsupported field type %s", v.Type()))
	}
	return nil
}

// setList parses items into the slice v; an empty list becomes nil so a
// loaded "[]" compares equal to an unset default.
func setList(v reflect.Value, items []string) error {
	if len(items) == 0 {
		v.SetZero()
		return nil
	}
	out := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, s := range items {
		if err := setScalar(out.Index(i), s); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	v.Set(out)
	return nil
}
