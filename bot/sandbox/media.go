package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // decode uploaded photos' sizes
	_ "image/png"
	"strings"

	"github.com/go-telegram/bot/models"
)

// Photo is the payload of a sendPhoto message: the uploaded picture's
// format and size, or the file id / URL the bot referred to instead.
type Photo struct {
	Format        string // "png", "jpeg"; "" when not uploaded
	Width, Height int
	Bytes         int
	Ref           string // a file_id or URL sent instead of an upload
	Caption       string
}

// maxCaptionLen is Telegram's limit on a caption, in UTF-16 code units.
const maxCaptionLen = 1024

// sendPhoto accepts an uploaded file (multipart) or a file_id/URL; an
// upload must be a picture Telegram can read.
func (s *Server) sendPhoto(r *request) (any, *apiError) {
	caption := r.params["caption"]
	if utf16Units(caption) > maxCaptionLen {
		return nil, badRequest("message caption is too long")
	}
	p := Photo{Caption: caption}
	if data, ok := r.files["photo"]; ok {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, badRequest("IMAGE_PROCESS_FAILED")
		}
		p.Format, p.Width, p.Height, p.Bytes = format, cfg.Width, cfg.Height, len(data)
	} else if ref := r.params["photo"]; ref != "" && !strings.HasPrefix(ref, "attach://") {
		p.Ref = ref
	} else {
		return nil, badRequest("there is no photo in the request")
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	return s.deliver(r.chatID, mk.applyTo(Message{Method: "sendPhoto", Photo: &p})), nil
}

// MenuButton is a chat's menu button as setChatMenuButton set it.
type MenuButton struct {
	Type, Text, URL string
}

// setChatMenuButton records the menu button of a chat, or the default one
// (chat 0) when chat_id is absent.
func (s *Server) setChatMenuButton(r *request) (any, *apiError) {
	var raw struct {
		Type   string `json:"type"`
		Text   string `json:"text"`
		WebApp *struct {
			URL string `json:"url"`
		} `json:"web_app"`
	}
	if v := r.params["menu_button"]; v != "" {
		if err := json.Unmarshal([]byte(v), &raw); err != nil {
			return nil, badRequest("can't parse menu button JSON object")
		}
	} else {
		raw.Type = "default"
	}
	b := MenuButton{Type: raw.Type, Text: raw.Text}
	switch raw.Type {
	case "web_app":
		if raw.Text == "" || raw.WebApp == nil || !strings.HasPrefix(raw.WebApp.URL, "https://") {
			return nil, badRequest("BUTTON_URL_INVALID")
		}
		b.URL = raw.WebApp.URL
	case "commands", "default":
	default:
		return nil, badRequest(fmt.Sprintf("unsupported menu button type %q", raw.Type))
	}
	s.menuButtons[r.chatID] = b
	return true, nil
}

// MenuButtons returns the menu buttons set so far, by chat (0: the default).
func (s *Server) MenuButtons() map[int64]MenuButton {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[int64]MenuButton, len(s.menuButtons))
	for k, v := range s.menuButtons {
		out[k] = v
	}
	return out
}

// photoModel is the photo of a sent message as Telegram echoes it.
func photoModel(p *Photo) []models.PhotoSize {
	return []models.PhotoSize{{FileID: "sandbox-photo", FileUniqueID: "sandbox-photo", Width: p.Width,
		Height: p.Height, FileSize: p.Bytes}}
}
