package sandbox

import (
	"encoding/json"
	"regexp"
	"unicode/utf16"

	"github.com/go-telegram/bot/models"
)

// methodSpec describes how one Bot API method is served.
type methodSpec struct {
	name string
	fn   func(*Server, *request) (any, *apiError)
	// chat: the method addresses chat_id (resolved, checked against BlockChats);
	// chatOptional: chat_id may be absent (inline_message_id edits);
	// sends: it delivers a message, so rate limits and SentPerChat apply;
	// polls: it is getUpdates, served outside the lock.
	chat, chatOptional, sends, polls bool
}

// methodTable maps lower-cased method names (Telegram ignores their case).
var methodTable = map[string]methodSpec{
	"getme":                  {name: "getMe", fn: (*Server).getMe},
	"getupdates":             {name: "getUpdates", polls: true},
	"sendmessage":            {name: "sendMessage", fn: (*Server).sendMessage, chat: true, sends: true},
	"sendlocation":           {name: "sendLocation", fn: (*Server).sendLocation, chat: true, sends: true},
	"sendvenue":              {name: "sendVenue", fn: (*Server).sendVenue, chat: true, sends: true},
	"sendphoto":              {name: "sendPhoto", fn: (*Server).sendPhoto, chat: true, sends: true},
	"setchatmenubutton":      {name: "setChatMenuButton", fn: (*Server).setChatMenuButton, chat: true, chatOptional: true},
	"sendchataction":         {name: "sendChatAction", fn: (*Server).sendChatAction, chat: true},
	"editmessagetext":        {name: "editMessageText", fn: (*Server).editMessageText, chat: true, chatOptional: true},
	"editmessagereplymarkup": {name: "editMessageReplyMarkup", fn: (*Server).editMessageReplyMarkup, chat: true, chatOptional: true},
	"answercallbackquery":    {name: "answerCallbackQuery", fn: (*Server).answerCallbackQuery},
	"setmycommands":          {name: "setMyCommands", fn: (*Server).setMyCommands},
	"deletemycommands":       {name: "deleteMyCommands", fn: (*Server).deleteMyCommands},
	"getmycommands":          {name: "getMyCommands", fn: (*Server).getMyCommands},
	"setwebhook":             {name: "setWebhook", fn: (*Server).setWebhook},
	"deletewebhook":          {name: "deleteWebhook", fn: (*Server).deleteWebhook},
	"getwebhookinfo":         {name: "getWebhookInfo", fn: (*Server).getWebhookInfo},
}

// maxTextLen is Telegram's message length limit in UTF-16 code units.
const maxTextLen = 4096

func (s *Server) getMe(*request) (any, *apiError) { return botUser, nil }

func (s *Server) sendMessage(r *request) (any, *apiError) {
	text := r.params["text"]
	if aerr := checkText(text); aerr != nil {
		return nil, aerr
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	m := Message{Method: "sendMessage", Text: text, ParseMode: r.params["parse_mode"]}
	return s.deliver(r.chatID, mk.applyTo(m)), nil
}

func (s *Server) sendLocation(r *request) (any, *apiError) {
	lat, lon, aerr := latLon(r)
	if aerr != nil {
		return nil, aerr
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	m := Message{Method: "sendLocation", Location: &Location{Lat: lat, Lon: lon}}
	return s.deliver(r.chatID, mk.applyTo(m)), nil
}

func (s *Server) sendVenue(r *request) (any, *apiError) {
	lat, lon, aerr := latLon(r)
	if aerr != nil {
		return nil, aerr
	}
	title, address := r.params["title"], r.params["address"]
	if title == "" || address == "" {
		return nil, badRequest("venue title and address must be non-empty")
	}
	mk, aerr := parseMarkup(r.params["reply_markup"])
	if aerr != nil {
		return nil, aerr
	}
	m := Message{Method: "sendVenue", Venue: &Venue{Lat: lat, Lon: lon, Title: title, Address: address}}
	return s.deliver(r.chatID, mk.applyTo(m)), nil
}

func (s *Server) sendChatAction(r *request) (any, *apiError) {
	if r.params["action"] == "" {
		return nil, badRequest("wrong parameter action in request")
	}
	return true, nil
}

func (s *Server) answerCallbackQuery(r *request) (any, *apiError) {
	id := r.params["callback_query_id"]
	if id == "" {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	a := CallbackAnswer{ID: id, Text: r.params["text"], ShowAlert: r.boolParam("show_alert")}
	s.answers = append(s.answers, a)
	s.notifyEvent(Event{Answer: &a})
	return true, nil
}

// commandName is Telegram's rule for bot command names.
var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func (s *Server) setMyCommands(r *request) (any, *apiError) {
	var cmds []models.BotCommand
	if err := json.Unmarshal([]byte(r.params["commands"]), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) || c.Description == "" {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
	}
	s.commands[r.params["language_code"]] = cmds
	return true, nil
}

func (s *Server) deleteMyCommands(r *request) (any, *apiError) {
	delete(s.commands, r.params["language_code"])
	return true, nil
}

func (s *Server) getMyCommands(r *request) (any, *apiError) {
	cmds := s.commands[r.params["language_code"]]
	if cmds == nil {
		cmds = []models.BotCommand{}
	}
	return cmds, nil
}

func (s *Server) setWebhook(r *request) (any, *apiError) {
	s.stopWebhookLocked()
	s.webhookURL = r.params["url"]
	s.webhookStop = make(chan struct{})
	go s.deliverWebhook(s.webhookURL, r.params["secret_token"], s.webhookStop)
	return true, nil
}

func (s *Server) deleteWebhook(r *request) (any, *apiError) {
	s.stopWebhookLocked()
	if r.boolParam("drop_pending_updates") {
		s.updates = nil
	}
	return true, nil
}

func (s *Server) getWebhookInfo(*request) (any, *apiError) {
	return models.WebhookInfo{URL: s.webhookURL, PendingUpdateCount: len(s.updates)}, nil
}

func checkText(text string) *apiError {
	switch n := utf16Units(text); {
	case n == 0:
		return badRequest("message text is empty")
	case n > maxTextLen:
		return badRequest("message is too long")
	}
	return nil
}

func latLon(r *request) (float64, float64, *apiError) {
	lat, aerr := r.floatParam("latitude")
	if aerr != nil {
		return 0, 0, aerr
	}
	lon, aerr := r.floatParam("longitude")
	return lat, lon, aerr
}

// utf16Units is the length of s in UTF-16 code units, as Telegram counts
// text, without building the encoding.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
