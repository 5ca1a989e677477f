-- Exactly one digest per window (issue 14 §1). A digest's window starts where the previous digest ended, so the
-- window is named by the digest it follows (0 for the very first). The unique index is the claim: of several
-- starters racing for one window (CLI, cron, admin button, in any number of processes) one inserts, the others find
-- the window taken and queue nothing.
ALTER TABLE digests ADD COLUMN follows INTEGER NOT NULL DEFAULT 0;
UPDATE digests SET follows = coalesce((SELECT max(p.id) FROM digests p WHERE p.id < digests.id), 0);
CREATE UNIQUE INDEX digests_follows ON digests(follows);
