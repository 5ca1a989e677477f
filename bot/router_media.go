package bot

import (
	"fmt"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/handlers"
)

// addMedia fills what a form step may need beyond text: whether the message
// was forwarded and from whom, a photo, and a caption standing for the text.
func addMedia(req *handlers.Request, m *models.Message) {
	if m.ForwardOrigin != nil {
		req.Forwarded = true
		req.ForwardOrigin = forwardOrigin(m.ForwardOrigin)
	}
	if len(m.Photo) > 0 {
		req.Photo = m.Photo[len(m.Photo)-1].FileID // the largest size comes last
	}
	if req.Text == "" {
		req.Text = strings.TrimSpace(m.Caption)
	}
}

// forwardOrigin describes where a forwarded message came from; a channel
// post gets its public link, which is what moderators need to act on it.
func forwardOrigin(o *models.MessageOrigin) string {
	switch {
	case o.MessageOriginChannel != nil:
		c := o.MessageOriginChannel
		if c.Chat.Username != "" {
			return fmt.Sprintf("%s @%s https://t.me/%s/%d", c.Chat.Title, c.Chat.Username, c.Chat.Username, c.MessageID)
		}
		return fmt.Sprintf("%s (id %d, post %d)", c.Chat.Title, c.Chat.ID, c.MessageID)
	case o.MessageOriginChat != nil:
		c := o.MessageOriginChat.SenderChat
		if c.Username != "" {
			return fmt.Sprintf("%s @%s", c.Title, c.Username)
		}
		return fmt.Sprintf("%s (id %d)", c.Title, c.ID)
	case o.MessageOriginUser != nil:
		u := o.MessageOriginUser.SenderUser
		name := strings.TrimSpace(u.FirstName + " " + u.LastName)
		if u.Username != "" {
			return fmt.Sprintf("%s @%s", name, u.Username)
		}
		return name
	case o.MessageOriginHiddenUser != nil:
		return o.MessageOriginHiddenUser.SenderUserName
	}
	return ""
}
