package demo

import _ "embed"

// Courses is the demo city's courses file (docs/courses.md): the built-in
// courses when courses.file is empty, as the forms file has its built-in
// demo forms.
//
//go:embed data/courses/courses.yaml
var Courses []byte
