-- Telegram users who talked to the bot. id is the Telegram user id.
CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL,
    first_name   TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL,
    language_set INTEGER NOT NULL DEFAULT 0, -- 1 once chosen with /language: Telegram's language_code no longer applies
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

-- One conversation in progress per (chat, user); data is a JSON object of the fields collected so far.
CREATE TABLE conversations (
    chat_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    feature    TEXT    NOT NULL,
    step       TEXT    NOT NULL,
    data       TEXT    NOT NULL DEFAULT '{}',
    expires_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);

-- Every admin action, kept when the admin's own user data is deleted.
CREATE TABLE audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_id INTEGER NOT NULL,
    action   TEXT    NOT NULL,
    detail   TEXT    NOT NULL DEFAULT '',
    at       INTEGER NOT NULL
);

-- Update ids already handled, so a redelivered update (restart, webhook retry) is not handled twice.
CREATE TABLE seen_updates (
    update_id INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL
);
CREATE INDEX seen_updates_at ON seen_updates(at);
