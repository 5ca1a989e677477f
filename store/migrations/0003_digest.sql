-- Subscribers of the weekly digest; topics is a comma-separated subset of news,business,transport,council.
CREATE TABLE digest_subscribers (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    chat_id       INTEGER NOT NULL,
    topics        TEXT    NOT NULL DEFAULT 'news,business,transport,council',
    active        INTEGER NOT NULL DEFAULT 1, -- 0 while the user has the bot blocked
    subscribed_at INTEGER NOT NULL
);
CREATE INDEX digest_subscribers_chat ON digest_subscribers(chat_id);

-- News of the city: imported, published by admins, or the automatic council summary.
CREATE TABLE digest_items (
    id           TEXT    PRIMARY KEY,
    topic        TEXT    NOT NULL CHECK (topic IN ('news', 'business', 'transport', 'council')),
    lang         TEXT    NOT NULL DEFAULT '' CHECK (lang IN ('', 'uk', 'en')), -- '' = for every language
    title        TEXT    NOT NULL CHECK (title <> ''),
    body         TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    source       TEXT    NOT NULL DEFAULT 'import' -- import, admin, council
);
CREATE INDEX digest_items_published ON digest_items(published_at);

-- Every digest built: the period it covers and how many it went to. Its id is the outbox key.
CREATE TABLE digests (
    id          INTEGER PRIMARY KEY,
    period_from INTEGER NOT NULL,
    period_to   INTEGER NOT NULL,
    items       INTEGER NOT NULL,
    recipients  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    cancelled   INTEGER NOT NULL DEFAULT 0
);
