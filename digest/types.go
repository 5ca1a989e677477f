// Package digest holds the weekly digest's domain values: its topics, its
// subscribers and audiences, its news items and the digests sent. The store
// keeps them; handlers/digest builds and renders them.
package digest

import "time"

// Topics are the digest's topics in display order.
var Topics = []string{"news", "business", "transport", "council"}

// Subscriber is a digest subscriber.
type Subscriber struct {
	UserID, ChatID int64
	Language       string
	Topics         []string
	Active         bool
}

// Item is one piece of news.
type Item struct {
	ID, Topic, Lang  string
	Title, Body, URL string
	PublishedAt      time.Time
	Source           string
}

// Audience is the active subscribers who share a language and a set of
// topics: one text serves them all.
type Audience struct {
	Language string
	Topics   []string
}

// AudienceText is a digest rendered for one audience.
type AudienceText struct {
	Audience
	Text string
}

// Digest is one digest built and queued.
type Digest struct {
	ID         int64
	Follows    int64 // the digest whose end this one's window starts at; 0 for the first
	From, To   time.Time
	Items      int
	Recipients int
	CreatedAt  time.Time
	Cancelled  bool
}
