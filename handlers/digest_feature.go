package handlers

import "github.com/transparentcities/nazar/locales"

// DigestFeature declares the weekly digest: /digest, its menu button, the
// residents' ("dg") and admins' ("dga") buttons, the admins' item
// conversation and panel rows, /start digest and the digest pushes.
func DigestFeature(d *Digest, admin *DigestAdmin) Feature {
	return Feature{
		Name:      "digest",
		Commands:  []Command{{Name: "digest", Description: locales.ID("cmd_digest"), Run: d.Panel, Order: 500}},
		Menu:      []MenuItem{{Label: locales.ID("menu_digest"), Command: "digest", Order: 500}},
		Buttons:   map[string]Func{string(dgNS): d.Button, string(dgaNS): admin.Button},
		Steps:     map[string]Func{convDigestItem: admin.Step},
		DeepLinks: []DeepLink{{Payload: "digest", Command: "digest"}},
		Admin:     admin.AdminButtons,
		Pushes:    []string{"digest"},
	}
}

// The residents' digest buttons: "1|dg|<action>|…".
type dgAction string

const (
	dgNS          Namespace[dgAction] = "dg"
	dgSubscribe   dgAction            = "sub"
	dgUnsubscribe dgAction            = "unsub"
	dgTopic       dgAction            = "t"    // topic: toggle it
	dgLast        dgAction            = "last" // the last digest again
)

// The admins' digest buttons: "1|dga|<action>|…".
type dgaAction string

const (
	dgaNS      Namespace[dgaAction] = "dga"
	dgaNew     dgaAction            = "new" // a new item: pick its topic
	dgaTopic   dgaAction            = "topic"
	dgaPublish dgaAction            = "publish"
	dgaDiscard dgaAction            = "discard"
	dgaPreview dgaAction            = "preview"
	dgaSend    dgaAction            = "send"
	dgaStatus  dgaAction            = "status"
	dgaCancel  dgaAction            = "cancel"
)
