package locales

import (
	"io"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
)

// parseTemplate parses a message form the way go-i18n does (text/template,
// default delimiters, no extra functions) but fails on missing data keys.
func parseTemplate(src string) (*template.Template, error) {
	return template.New("msg").Option("missingkey=error").Parse(src)
}

// templateFields returns the sorted, distinct field paths ("Count",
// "User.Name") a template reads from its data.
func templateFields(t *template.Template) []string {
	var fields []string
	if t.Tree != nil {
		walkNode(t.Tree.Root, func(path []string) {
			fields = append(fields, strings.Join(path, "."))
		})
	}
	slices.Sort(fields)
	return slices.Compact(fields)
}

// walkNode calls visit for every field access below n.
func walkNode(n parse.Node, visit func([]string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkNode(c, visit)
			}
		}
	case *parse.ActionNode:
		walkNode(n.Pipe, visit)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkNode(c, visit)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNode(a, visit)
		}
	case *parse.FieldNode:
		visit(n.Ident)
	case *parse.ChainNode:
		walkNode(n.Node, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walkNode(n.Pipe, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func([]string)) {
	walkNode(b.Pipe, visit)
	walkNode(b.List, visit)
	walkNode(b.ElseList, visit)
}

// sampleData builds template data holding every field path: nested maps for
// "User.Name", an int for Count (as N passes it) and a string elsewhere.
func sampleData(fields []string) map[string]any {
	root := map[string]any{}
	for _, f := range fields {
		m := root
		path := strings.Split(f, ".")
		for _, key := range path[:len(path)-1] {
			next, ok := m[key].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[key] = next
			}
			m = next
		}
		leaf := path[len(path)-1]
		if _, taken := m[leaf]; !taken {
			m[leaf] = sampleValue(leaf)
		}
	}
	return root
}

func sampleValue(key string) any {
	if key == "Count" {
		return 5
	}
	return "sample"
}

// executeTemplate runs t on data, discarding the output.
func executeTemplate(t *template.Template, data map[string]any) error {
	return t.Execute(io.Discard, data)
}
