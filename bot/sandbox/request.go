package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxBody bounds request bodies (a chart's PNG is well under it).
const maxBody = 16 << 20

// request is one decoded API call.
type request struct {
	method  string
	params  map[string]string
	spec    methodSpec
	files   map[string][]byte // uploaded files of a multipart body, by field
	chatID  int64
	hasChat bool
}

// parseParams flattens the query string and a multipart, url-encoded or JSON
// body into one map. Nested JSON values stay JSON text, which is exactly how
// the multipart client sends them, so handlers see one shape.
func parseParams(w http.ResponseWriter, r *http.Request) (map[string]string, map[string][]byte, error) {
	params, files := map[string]string{}, map[string][]byte{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return params, files, err // the client sends an empty body for methods without parameters
	}
	ct, ctParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var fields map[string]string
	switch ct {
	case "multipart/form-data":
		fields, files, err = parseMultipart(body, ctParams["boundary"])
	case "application/x-www-form-urlencoded":
		fields, err = parseURLEncoded(body)
	case "application/json":
		fields, err = parseJSON(body)
	default:
		err = fmt.Errorf("unsupported content type %q", ct)
	}
	for k, v := range fields {
		params[k] = v
	}
	return params, files, err
}

// parseMultipart returns the form's values and its uploaded files (sendPhoto
// uploads the picture as a file part).
func parseMultipart(body []byte, boundary string) (map[string]string, map[string][]byte, error) {
	form, err := multipart.NewReader(bytes.NewReader(body), boundary).ReadForm(maxBody)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = form.RemoveAll() }() // drops the temp files once read
	fields, files := map[string]string{}, map[string][]byte{}
	for k, v := range form.Value {
		fields[k] = v[0]
	}
	for k, v := range form.File {
		f, err := v[0].Open()
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		files[k] = data
	}
	return fields, files, nil
}

func parseURLEncoded(body []byte) (map[string]string, error) {
	values, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	for k, v := range values {
		fields[k] = v[0]
	}
	return fields, nil
}

func parseJSON(body []byte) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, err
	}
	fields := map[string]string{}
	for k, v := range raw {
		var str string
		switch {
		case bytes.Equal(v, []byte("null")):
			continue
		case json.Unmarshal(v, &str) == nil:
			fields[k] = str
		default:
			fields[k] = string(v)
		}
	}
	return fields, nil
}

// resolveChat accepts a numeric id (as number or string) or "@username" of a
// user the sandbox has seen.
func (s *Server) resolveChat(raw string) (int64, *apiError) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return 0, badRequest("chat_id is empty")
	}
	if id, err := strconv.ParseInt(raw, 10, 64); err == nil {
		return id, nil
	}
	if name, ok := strings.CutPrefix(raw, "@"); ok {
		for id, u := range s.users {
			if strings.EqualFold(u.Username, name) {
				return id, nil
			}
		}
	}
	return 0, badRequest("chat not found")
}

// intParam reads an optional integer parameter; absent means def.
func (r *request) intParam(name string, def int) (int, *apiError) {
	v, ok := r.params[name]
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, badRequest(fmt.Sprintf("field %q must be an integer", name))
	}
	return n, nil
}

// floatParam reads a required float parameter.
func (r *request) floatParam(name string) (float64, *apiError) {
	f, err := strconv.ParseFloat(strings.TrimSpace(r.params[name]), 64)
	if err != nil {
		return 0, badRequest(fmt.Sprintf("field %q must be a number", name))
	}
	return f, nil
}

// boolParam reads an optional boolean parameter.
func (r *request) boolParam(name string) bool {
	b, _ := strconv.ParseBool(strings.TrimSpace(r.params[name]))
	return b
}

// apiError is a Bot API failure answer.
type apiError struct {
	Code        int
	Description string
	RetryAfter  int
}

func (e *apiError) envelope() any {
	type parameters struct {
		RetryAfter int `json:"retry_after"`
	}
	body := struct {
		OK          bool        `json:"ok"`
		ErrorCode   int         `json:"error_code"`
		Description string      `json:"description"`
		Parameters  *parameters `json:"parameters,omitempty"`
	}{false, e.Code, e.Description, nil}
	if e.RetryAfter > 0 {
		body.Parameters = &parameters{e.RetryAfter}
	}
	return body
}

func badRequest(what string) *apiError {
	return &apiError{Code: http.StatusBadRequest, Description: "Bad Request: " + what}
}

func errNotFound() *apiError { return &apiError{Code: http.StatusNotFound, Description: "Not Found"} }

func errUnauthorized() *apiError {
	return &apiError{Code: http.StatusUnauthorized, Description: "Unauthorized"}
}

func errBlocked() *apiError {
	return &apiError{Code: http.StatusForbidden, Description: "Forbidden: bot was blocked by the user"}
}

func errConflict() *apiError {
	return &apiError{Code: http.StatusConflict, Description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
}

func errTooMany(retryAfter int) *apiError {
	return &apiError{
		Code:        http.StatusTooManyRequests,
		Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		RetryAfter:  retryAfter,
	}
}
