-- Social card (SPEC §4). Cards, operations and applications are the city's exports (provider sqlite); links,
-- watches and failed verifications are the bot's own. Money is in kopiykas; dates are ISO text (YYYY-MM-DD),
-- timestamps unix seconds.
CREATE TABLE card_cards (
    number      TEXT    PRIMARY KEY,
    holder_name TEXT    NOT NULL DEFAULT '',
    birth_date  TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    valid_until TEXT    NOT NULL DEFAULT '',
    balance     INTEGER NOT NULL DEFAULT 0,
    trips_left  INTEGER,                       -- NULL: the category has no trips
    pending     INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- The unique key makes a re-import a no-op and serves "last 10 operations" (number, at DESC).
CREATE TABLE card_operations (
    number TEXT    NOT NULL,
    at     INTEGER NOT NULL,
    kind   TEXT    NOT NULL,
    amount INTEGER NOT NULL DEFAULT 0,
    trips  INTEGER NOT NULL DEFAULT 0,
    place  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (number, at, kind, amount, trips, place)
) WITHOUT ROWID;

CREATE TABLE card_applications (
    application_no TEXT PRIMARY KEY,
    birth_date     TEXT NOT NULL,
    category       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    status_date    TEXT NOT NULL DEFAULT '',
    pickup_point   TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT ''
);

-- A card linked to a Telegram user after verification; several per user. Alerts are opt-in per link.
CREATE TABLE card_links (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    chat_id       INTEGER NOT NULL,
    number        TEXT    NOT NULL,
    linked_at     INTEGER NOT NULL,
    alert_low     INTEGER NOT NULL DEFAULT 0,
    threshold     INTEGER NOT NULL DEFAULT 0,
    low_sent      INTEGER NOT NULL DEFAULT 0,
    alert_expiry  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, number)
);
CREATE INDEX card_links_number ON card_links(number);

-- "Tell me when my card is ready": an application a user checked and asked to be told about.
CREATE TABLE card_watches (
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    chat_id        INTEGER NOT NULL,
    application_no TEXT    NOT NULL,
    birth_date     TEXT    NOT NULL,          -- the verified date, to ask the http provider again
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (user_id, application_no)
);

-- Failed verifications, for the 5-in-24-hours lock. The card is kept as a SHA-256 hash, never in clear; rows
-- outlive /privacy deletion for their 48 hours on purpose (docs/card.md), so deleting one's data does not lift a lock.
CREATE TABLE card_failures (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL,
    card_hash TEXT    NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX card_failures_user ON card_failures(user_id, at);
CREATE INDEX card_failures_card ON card_failures(card_hash, at);
