package config

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// envPrefix starts every override variable.
const envPrefix = "NAZAR_"

// nonKeyEnv lists the NAZAR_* variables that are not configuration keys but
// are read elsewhere, each with why. Every other NAZAR_* variable must match
// a key: a typo such as NAZAR_DIGEST_RATE_PER_SECND is an error, not a
// setting that silently does nothing.
var nonKeyEnv = map[string]string{
	// `make soak` (cmd/nazar/soak_test.go); the test's environment reaches
	// the binaries it starts.
	"NAZAR_SOAK":       "make soak: run the soak test",
	"NAZAR_SOAK_USERS": "make soak: simulated residents",
	// cmd/nazar/digest_race_test.go re-executes the test binary as digest
	// starters, which load the configuration from their environment.
	"NAZAR_TEST_DIGEST_STARTER": "digest race test: this process is starter N",
}

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
// NAZAR_ADMINS= clears the list. A NAZAR_* variable that matches no key
// and is not in nonKeyEnv is an error; every problem is reported, one per
// line, in the order of env.
func applyEnv(v reflect.Value, env []string) error {
	vars := envMap(env)
	known := make(map[string]bool)
	var errs []error
	for _, l := range leaves(v.Type(), nil, nil) {
		known[l.envName()] = true
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
	return errors.Join(append(unknownEnv(env, known), errs...)...)
}

// unknownEnv reports each NAZAR_* name in env that is neither a key nor in
// nonKeyEnv, once, with the closest key when one is near.
func unknownEnv(env []string, known map[string]bool) []error {
	var errs []error
	reported := make(map[string]bool)
	for _, kv := range env {
		name, _, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, envPrefix) || known[name] || reported[name] {
			continue
		}
		if _, ok := nonKeyEnv[name]; ok {
			continue
		}
		reported[name] = true
		msg := "matches no configuration key"
		if near := closest(name, known); near != "" {
			msg += "; did you mean " + near + "?"
		}
		errs = append(errs, fmt.Errorf("%s: %s (the keys are listed in config.example.yaml)", name, msg))
	}
	return errs
}

// closest returns the known name nearest to name when it is a likely typo
// (at most 3 edits), else "".
func closest(name string, known map[string]bool) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	slices.Sort(names) // ties resolve the same way every run
	best, bestDist := "", 4
	for _, k := range names {
		if d := editDistance(name, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance over bytes (names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
