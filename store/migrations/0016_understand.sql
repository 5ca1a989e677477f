-- Typed questions the bot did not understand (docs/understand.md), counted so operators can grow the word lists in
-- locales/intents.*.yaml. phrase is understand.Anonymize of the message: card numbers, tax ids, dates and every other
-- digit masked before it is stored; no user id is kept.
CREATE TABLE understand_misses (
    phrase     TEXT    PRIMARY KEY,
    count      INTEGER NOT NULL,
    first_seen INTEGER NOT NULL, -- unix seconds
    last_seen  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX understand_misses_count ON understand_misses(count DESC, last_seen DESC);

-- "Pharmacies" are KVED class 47.73: a category's businesses are read by class, in name order, through this index.
CREATE INDEX businesses_kved ON businesses(kved, name);
