-- Data sources fetched and imported on a schedule (config sources:, docs/sources.md): one row per source name.
CREATE TABLE sources (
    name          TEXT    PRIMARY KEY,
    dataset       TEXT    NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'ok', 'failed')),
    etag          TEXT    NOT NULL DEFAULT '', -- validators of the content last imported, for a conditional request
    last_modified TEXT    NOT NULL DEFAULT '',
    hash          TEXT    NOT NULL DEFAULT '', -- SHA-256 of the bytes last imported
    failed_hash   TEXT    NOT NULL DEFAULT '', -- SHA-256 of bytes whose import failed: not retried until they change
    rows          INTEGER NOT NULL DEFAULT 0,  -- data rows of the last import
    last_fetch    INTEGER NOT NULL DEFAULT 0,  -- unix seconds of the last attempt, 0 = never
    last_change   INTEGER NOT NULL DEFAULT 0,  -- of the last import of changed content
    last_success  INTEGER NOT NULL DEFAULT 0,  -- of the last attempt that ended with good data
    last_error    TEXT    NOT NULL DEFAULT '', -- of the last attempt; '' when it succeeded
    failures      INTEGER NOT NULL DEFAULT 0,  -- failed attempts ever (the metric nazar_source_failures_total)
    transitions   INTEGER NOT NULL DEFAULT 0   -- changes of state ok ↔ failed; keys the admins' alert so it is sent once
);
