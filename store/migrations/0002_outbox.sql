-- Texts of pushed messages, stored once however many chats receive them (a digest to 100,000 subscribers has a few bodies).
CREATE TABLE outbox_bodies (
    id   INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL
);

-- Every push message: one row per (kind, key, chat), so enqueueing twice is a no-op.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,          -- digest, voucher, deputy, card, form
    key        TEXT    NOT NULL,          -- what the message is about: a digest id, "LV-2026-000123:approved"
    chat_id    INTEGER NOT NULL,
    body_id    INTEGER NOT NULL REFERENCES outbox_bodies(id),
    status     TEXT    NOT NULL DEFAULT 'queued'
               CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'inactive', 'cancelled')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    parts_sent INTEGER NOT NULL DEFAULT 0, -- a text over Telegram's limit goes in parts; resume after the last one sent
    next_at    INTEGER NOT NULL,          -- unix ms: not before this time
    claimed_at INTEGER,                   -- unix ms when a sender took it
    sent_at    INTEGER,
    message_id INTEGER,
    error      TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (kind, key, chat_id)
);
CREATE INDEX outbox_due ON outbox(status, next_at);

-- Chats that blocked the bot or no longer exist: nothing is sent to them until they come back.
CREATE TABLE inactive_chats (
    chat_id INTEGER PRIMARY KEY,
    reason  TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
