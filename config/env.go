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
	ls := leaves(reflect.TypeFor[Config](), nil, nil)
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.envName()
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
		if err := setEnvValue(v.FieldByIndex(l.index), raw); err != nil {
			errs = append(errs, fmt.Errorf("%s (%s): %w", l.envName(), l.key(), err))
		}
	}
	return errors.Join(errs...)
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
