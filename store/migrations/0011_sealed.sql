-- No personal data readable on disk (docs/RELIABILITY.md). What residents typed is sealed (AES-256-GCM, BLOBs) or
-- kept as a keyed hash (HMAC-SHA256, 64 hex digits) under the database key (database.key_file, NAZAR_DATABASE_KEY):
--   sealed:  seen_updates.body, conversations.data, submissions.answers, outbox_bodies.text, card_links.number_sealed,
--            card_watches.birth_date
--   hashed:  card_links.number, card_cards.number and birth_date, card_operations.number, card_applications.birth_date,
--            voucher_applications.tax_id, lookup_failures.subject_hash, outbox_bodies.hash
-- The columns keep their names; rows written before this migration are converted in Go at the next start, once the
-- key is known (store/sealed_legacy.go).

-- The card number itself, sealed: both card providers need it to ask for a balance. card_links.number is its hash.
ALTER TABLE card_links ADD COLUMN number_sealed BLOB;

-- Whether subject_hash is keyed: rows of the versions before hold a plain SHA-256 of the card or application number
-- (migration 0010), converted at start to the keyed hash of that SHA-256, so their locks stay in force.
ALTER TABLE lookup_failures ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;

-- The tax id as shown ("••••••42"); tax_id is its hash.
ALTER TABLE voucher_applications ADD COLUMN tax_id_masked TEXT NOT NULL DEFAULT '';

-- A check value of the database key, so that another key, or a lost key file, is a clear error at start-up and
-- never a new key that leaves sealed rows unreadable. Also created by store.Open, which checks the key before
-- migrating.
CREATE TABLE IF NOT EXISTS store_key (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    key_check TEXT    NOT NULL
);
