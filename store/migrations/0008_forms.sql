-- City-service form submissions (SPEC §11). Ids are never reused (AUTOINCREMENT): they are the keys of the
-- submission's outbox pushes ("<id>", "<id>:handled", "<id>:reminder").
CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    chat_id        INTEGER NOT NULL,           -- where the user is told it was handled
    form           TEXT    NOT NULL,           -- form id of the forms file
    answers        TEXT    NOT NULL,           -- JSON object: step id → value ("<step>.origin" for a forward's origin)
    operators_chat INTEGER NOT NULL,           -- where the submission was sent
    slot_at        INTEGER,                    -- unix seconds of a booked slot (datetime forms)
    created_at     INTEGER NOT NULL,
    handled_at     INTEGER,
    handled_by     INTEGER                     -- admin's Telegram user id
);
CREATE INDEX submissions_quota ON submissions(user_id, form, created_at);
CREATE INDEX submissions_unhandled ON submissions(created_at) WHERE handled_at IS NULL;

-- Inline buttons of a push (JSON [[{"text":…,"data":…}]]), e.g. the operators' "mark handled"; '' for none.
ALTER TABLE outbox ADD COLUMN buttons TEXT NOT NULL DEFAULT '';
