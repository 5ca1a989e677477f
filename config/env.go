package config

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// EnvNames lists every NAZAR_* override variable in struct order, e.g. for
// --help output and docs.
func EnvNames() []string {
	var names []string
	for _, l := range leaves(reflect.TypeFor[Config](), nil, nil) {
		if envSettable(reflect.TypeFor[Config]().FieldByIndex(l.index).Type) {
			names = append(names, l.envName())
		}
	}
	return names
}

// applyEnv sets every leaf of the struct v whose NAZAR_* variable is
// present in env. A present-but-empty variable counts as set, so
// NAZAR_ADMINS= clears the list. Variables that match no key are ignored:
// other NAZAR_* settings (such as the config path) live outside Config.
func applyEnv(v reflect.Value, env []string) error {
	vars := envMap(env)
	var errs []error
	for _, l := range leaves(v.Type(), nil, nil) {
		raw, ok := vars[l.envName()]
		if !ok {
			continue
		}
		field := v.FieldByIndex(l.index)
		if !envSettable(field.Type()) {
			errs = append(errs, fmt.Errorf("%s: %s is a list of mappings and is set in the config file only", l.envName(), l.key()))
			continue
		}
		if err := setEnvValue(field, raw); err != nil {
			errs = append(errs, fmt.Errorf("%s (%s): %w", l.envName(), l.key(), err))
		}
	}
	return errors.Join(errs...)
}

// envSettable reports whether a value fits in one variable: a list of
// mappings (sources) does not.
func envSettable(t reflect.Type) bool {
	return t.Kind() != reflect.Slice || !isSection(t.Elem())
}

// envMap turns "K=V" entries into a map; later entries win, as in os/exec.
func envMap(env []string) map[string]string {
	m := make(map[string]string, len(env))
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

// setEnvValue parses one variable; lists are comma-separated with optional
// spaces ("1, 2").
func setEnvValue(v reflect.Value, raw string) error {
	if v.Kind() != reflect.Slice {
		return setScalar(v, strings.TrimSpace(raw))
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return setList(v, nil)
	}
	items := strings.Split(raw, ",")
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return setList(v, items)
}
