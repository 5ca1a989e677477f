-- Exactly one digest per window (issue 14 §1). A digest's window starts where the previous digest ended, so the
-- window is named by the digest it follows (0 for the very first). The unique index is the claim: of several
-- starters racing for one window (CLI, cron, admin button, in any number of processes) one inserts, the others find
-- the window taken and queue nothing.
ALTER TABLE digests ADD COLUMN follows INTEGER NOT NULL DEFAULT 0;
UPDATE digests SET follows = coalesce((SELECT max(p.id) FROM digests p WHERE p.id < digests.id), 0);
CREATE UNIQUE INDEX digests_follows ON digests(follows);

-- Failed lookups of personal data, for the 5-in-24-hours locks (issue 14 §2, SPEC §4): linking a card (scope
-- 'card'), "is my card ready?" ('card_app') and voucher status ('voucher'). subject_hash is a SHA-256 of what was
-- looked up (card or application number), never the date of birth or tax id typed; label is what an admin may see
-- (a masked card, an application number). No foreign key to users: rows outlive /privacy deletion for their 48
-- hours on purpose, so deleting one's data does not lift a lock.
CREATE TABLE lookup_failures (
    id           INTEGER PRIMARY KEY,
    scope        TEXT    NOT NULL,
    user_id      INTEGER NOT NULL,
    subject_hash TEXT    NOT NULL,
    label        TEXT    NOT NULL DEFAULT '',
    at           INTEGER NOT NULL
);
CREATE INDEX lookup_failures_user ON lookup_failures(scope, user_id, at);
CREATE INDEX lookup_failures_subject ON lookup_failures(scope, subject_hash, at);
CREATE INDEX lookup_failures_at ON lookup_failures(at);
INSERT INTO lookup_failures(scope, user_id, subject_hash, at) SELECT 'card', user_id, card_hash, at FROM card_failures;
DROP TABLE card_failures;
