package handlers

import "github.com/transparentcities/nazar/locales"

// TopicLabels are the message ids of the digest topics' names: the digest
// (handlers/digest) and /privacy (privacy.go) both name a resident's topics.
var TopicLabels = map[string]string{
	"news":      locales.ID("digest_topic_news"),
	"business":  locales.ID("digest_topic_business"),
	"transport": locales.ID("digest_topic_transport"),
	"council":   locales.ID("digest_topic_council"),
}
