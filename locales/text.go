package locales

// Text is content an operator writes in every supported language (the
// courses, forms and card content files), keyed by language code.
type Text map[string]string

// In returns the text in lang, falling back to the default language.
func (t Text) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t[Default]
}
