// Package handlers holds Nazar's feature flows, one file per feature. A
// handler receives a Request (who, in which language, what they sent, the
// conversation they are in) and returns a Response (replies, the next
// conversation step). Handlers never talk to Telegram: package bot renders
// and sends what they return, so most handler tests need no HTTP at all.
package handlers

import (
	"context"
	"time"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/locales"
)

// Func is the signature of every handler.
type Func func(ctx context.Context, req *Request) (Response, error)

// Request is one update, resolved and decoded for a handler.
type Request struct {
	ChatID, UserID int64
	FirstName      string
	L              *locales.Localizer // the user's language
	Admin          bool
	Now            time.Time

	Command  string    // "deputy" for "/deputy Муль"; "" for plain text
	Text     string    // the argument of a command, or the whole plain text
	Callback *Callback // set for a pressed inline button
	Location *Location // set for a shared location
	Contact  string    // phone number of a shared contact
	Conv     *Conv     // the active conversation, nil when there is none

	// Forwarded is set for a forwarded message; ForwardOrigin says who it
	// came from when Telegram tells ("channel @name https://t.me/name/5").
	Forwarded     bool
	ForwardOrigin string
	Photo         string // Telegram file id of a sent photo (its caption is in Text)
}

// Callback is a pressed inline button.
type Callback struct {
	ID        string
	MessageID int
	Data      callback.Data
}

// Location is a point the user shared.
type Location struct{ Lat, Lon float64 }

// Conv is the state of a multi-step flow: the feature that owns it, the step
// it waits at, and the fields collected so far.
type Conv struct {
	Feature string
	Step    string
	Data    map[string]string
}

// Response is what a handler wants done.
type Response struct {
	Replies []Reply
	// Answer is the short text shown for a pressed button (may be empty; the
	// button is always answered).
	Answer    string
	ShowAlert bool
	// Next is the conversation to continue with. After a text message or a
	// command the conversation becomes exactly Next (nil ends it); after a
	// button press it changes only when Next is set or EndConv is true.
	Next    *Conv
	EndConv bool
}

// Reply is one message to the user.
type Reply struct {
	Text    string
	Buttons [][]Button // inline keyboard under the message
	// Keyboard replaces the reply keyboard; RemoveKeyboard hides it.
	Keyboard       [][]KeyButton
	RemoveKeyboard bool
	// Menu shows the main menu as the reply keyboard, in this language (the
	// router renders it from the features' menu items; see Feature).
	Menu *locales.Localizer
	// Edit replaces the message whose button was pressed instead of sending a new one.
	Edit  bool
	Venue *Venue // send a map pin instead of text
	Photo *Photo // send a picture instead of text (Buttons go under it)
	// HTML sends Text in Telegram's HTML parse mode; the handler escapes
	// what it did not write itself and keeps Text within one message.
	HTML bool
}

// Photo is a picture to send, with its caption: an image the bot made
// (PNG) or one Telegram fetches itself (URL: an http(s) URL or a file id).
type Photo struct {
	PNG     []byte
	URL     string
	Caption string
}

// Button is one inline button: callback data, a URL, or a Mini App to
// open (WebApp: its https URL).
type Button struct {
	Text   string
	Data   string
	URL    string
	WebApp string
}

// KeyButton is one reply-keyboard button; it may ask Telegram for the user's
// location or phone number.
type KeyButton struct {
	Text            string
	RequestLocation bool
	RequestContact  bool
}

// Venue is a map pin with a name and an address.
type Venue struct {
	Lat, Lon       float64
	Title, Address string
}

// Text is a Response of one plain message.
func Text(s string) Response { return Response{Replies: []Reply{{Text: s}}} }

// Step continues a conversation of feature at step with data.
func Step(feature, step string, data map[string]string) *Conv {
	if data == nil {
		data = map[string]string{}
	}
	return &Conv{Feature: feature, Step: step, Data: data}
}
