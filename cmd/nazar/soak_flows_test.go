package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// A soak step is one thing a resident does; it injects an update and the
// soak waits for the bot's answer in that chat before the next step.
type step func(sb *sandbox.Server, u sandbox.User)

func say(text string) step {
	return func(sb *sandbox.Server, u sandbox.User) { sb.SendText(u, text) }
}

// pressFirst presses the first callback button of the chat's newest message
// that has one (a menu, a list of deputies…).
func pressFirst(sb *sandbox.Server, u sandbox.User) {
	msgs := sb.Messages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].Inline {
			for _, b := range row {
				if b.Data != "" {
					sb.Press(u, msgs[i].ID, b.Data)
					return
				}
			}
		}
	}
	sb.SendText(u, "/menu") // nothing to press: still one request, one answer
}

// press presses the first button of the chat's newest message with one
// whose callback data starts with prefix ("1|card|lnk").
func press(prefix string) step {
	return func(sb *sandbox.Server, u sandbox.User) {
		msgs := sb.Messages(u.ID)
		for i := len(msgs) - 1; i >= 0; i-- {
			for _, row := range msgs[i].Inline {
				for _, b := range row {
					if strings.HasPrefix(b.Data, prefix) {
						sb.Press(u, msgs[i].ID, b.Data)
						return
					}
				}
			}
		}
		sb.SendText(u, "/menu")
	}
}

func shareLocation(lat, lon float64) step {
	return func(sb *sandbox.Server, u sandbox.User) { sb.SendLocation(u, lat, lon) }
}

// soakFlows are the mixed journeys of SPEC's features; each user runs one,
// chosen at random, from /start to the end.
var soakFlows = map[string][]step{
	"menus":   {say("/start"), say("/help"), say("/language"), pressFirst, say("/menu")},
	"council": {say("/start"), say("/council"), pressFirst, say("/deputy Коваль"), pressFirst, say("/help metrics")},
	"deputy":  {say("/deputy Гнатюк"), pressFirst, say("/deputy Hnatiuk"), say("/deputy nobody-like-this")},
	"digest":  {say("/digest"), pressFirst, say("/services"), pressFirst, say("/cancel")},
	"card": {say("/card"), press("1|card|lnk"), say("9876 5400 0000 0015"), say("17.04.1952"),
		press("1|card|ops")},
	"business": {say("/business аптека"), pressFirst, shareLocation(49.8402, 24.0301),
		say("/edrpou 21560766"), say("/business \"NEAR(*) -x")},
	"voucher": {say("/voucher"), press("1|vc|calc"), press("1|vc|ct|fop"), say("80 000"),
		say("/voucher LV-2026-000102"), say("41234569")},
}

func randomFlow() (string, []step) {
	names := make([]string, 0, len(soakFlows))
	for n := range soakFlows {
		names = append(names, n)
	}
	n := names[rand.IntN(len(names))]
	return n, soakFlows[n]
}

func soakUser(i int) sandbox.User {
	return sandbox.User{ID: int64(300_000 + i), FirstName: fmt.Sprintf("Soak%d", i),
		LanguageCode: []string{"uk", "en"}[i%2]}
}
