package courses

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// BuiltinSource names the built-in courses (the demo city's) in errors.
const BuiltinSource = "built-in courses"

// Load reads and validates the courses file at path; an empty path means
// builtin, the demo city's courses. Every problem is reported, one line
// each, as "file:line: course … lesson …: what is wrong".
func Load(path string, builtin []byte) (*Catalog, error) {
	if path == "" {
		return Parse(builtin, BuiltinSource)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("courses file: %w", err)
	}
	return Parse(data, path)
}

// Parse decodes and validates course definitions; source names them in errors.
func Parse(data []byte, source string) (*Catalog, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key is an error, not a silently ignored setting
	c := &Catalog{}
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(source, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(source, err)
	}
	if err := c.validate(source, &root); err != nil {
		return nil, err
	}
	return c, nil
}

var yamlLineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns the YAML library's "yaml: line 7: …" into "file:7: …".
func yamlError(source string, err error) error {
	var lines []string
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		if sub := yamlLineRe.FindStringSubmatch(m); sub != nil {
			lines = append(lines, fmt.Sprintf("%s:%s: %s", source, sub[1], sub[2]))
		} else {
			lines = append(lines, source+": "+strings.TrimPrefix(m, "yaml: "))
		}
	}
	return &ValidationError{Problems: lines}
}

// ValidationError lists every problem of a courses file, one per line.
type ValidationError struct {
	Problems []string
}

// Error returns one "courses file: file:line: problem" line per problem.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = "courses file " + p
	}
	return strings.Join(lines, "\n")
}

// node is a YAML mapping of the source, to find the line of a key.
type node struct{ n *yaml.Node }

// line is the line of key in the mapping, or of the mapping itself.
func (n node) line(key string) int {
	if n.n == nil {
		return 0
	}
	if v := n.keyNode(key); v != nil {
		return v.Line
	}
	return n.n.Line
}

func (n node) keyNode(key string) *yaml.Node {
	if n.n == nil || n.n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.n.Content); i += 2 {
		if n.n.Content[i].Value == key {
			return n.n.Content[i]
		}
	}
	return nil
}

// value is the mapping under key.
func (n node) value(key string) node {
	if k := n.keyNode(key); k != nil {
		for i := 0; i+1 < len(n.n.Content); i += 2 {
			if n.n.Content[i] == k {
				return node{n.n.Content[i+1]}
			}
		}
	}
	return node{}
}

// item is the i-th element of a sequence.
func (n node) item(i int) node {
	if n.n == nil || n.n.Kind != yaml.SequenceNode || i >= len(n.n.Content) {
		return node{}
	}
	return node{n.n.Content[i]}
}

func documentNode(root *yaml.Node) node {
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		return node{root.Content[0]}
	}
	return node{root}
}
