-- Council (SPEC §5): the national open-data format for local councils (annexes 29 and 30), imported with
-- `nazar import council DIR`. Dates are day numbers (days since 1970-01-01 in the city's time zone), so a
-- sitting day is one integer; uid columns keep the ids of the open data, id columns are short ids for buttons.
CREATE TABLE council_convocations (
    uid        TEXT    PRIMARY KEY,
    label      TEXT    NOT NULL DEFAULT '',
    authority  TEXT    NOT NULL DEFAULT '',
    day_from   INTEGER,
    day_until  INTEGER
);

CREATE TABLE council_sessions (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    label       TEXT    NOT NULL DEFAULT '',
    convocation TEXT    NOT NULL DEFAULT '',
    day_from    INTEGER NOT NULL,
    day_until   INTEGER NOT NULL
);

-- Factions by name; id 0 (no row) is «Позафракційний».
CREATE TABLE council_factions (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE council_deputies (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,    -- deputies.csv id; deep link /start dep_<uid>
    voting_id       TEXT    NOT NULL UNIQUE,    -- votingIdentifier: how the named lists name the deputy
    full_name       TEXT    NOT NULL,
    name_key        TEXT    NOT NULL,           -- lower-case name and its Latin search key (council.NameKey)
    party           TEXT    NOT NULL DEFAULT '',
    faction         INTEGER NOT NULL DEFAULT 0, -- undated faction of deputies.csv
    faction_post    TEXT    NOT NULL DEFAULT '',
    commission      TEXT    NOT NULL DEFAULT '',
    commission_post TEXT    NOT NULL DEFAULT '',
    district        TEXT    NOT NULL DEFAULT '',
    reception       TEXT    NOT NULL DEFAULT '',
    image           TEXT    NOT NULL DEFAULT '',
    mandate_from    INTEGER NOT NULL,
    mandate_until   INTEGER NOT NULL
);

-- Dated memberships (memberships.csv): a vote counts for the faction the deputy was in that day.
CREATE TABLE council_memberships (
    deputy    INTEGER NOT NULL REFERENCES council_deputies(id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('faction', 'commission', 'party')),
    name      TEXT    NOT NULL,
    faction   INTEGER NOT NULL DEFAULT 0, -- council_factions.id for kind faction
    post      TEXT    NOT NULL DEFAULT '',
    day_from  INTEGER NOT NULL,
    day_until INTEGER NOT NULL,
    PRIMARY KEY (deputy, kind, day_from, name)
);

-- Agenda items (motions.csv); author is the votingIdentifier of the deputy who tabled the draft.
CREATE TABLE council_motions (
    id             INTEGER PRIMARY KEY,
    uid            TEXT    NOT NULL UNIQUE,
    session        INTEGER NOT NULL DEFAULT 0, -- council_sessions.id, 0 when unknown
    author         TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL,
    title_key      TEXT    NOT NULL,           -- for search by words: council.NameKey(title)
    number         TEXT    NOT NULL DEFAULT '',
    classification TEXT    NOT NULL DEFAULT '',
    amendment      INTEGER NOT NULL DEFAULT 0,
    day            INTEGER,
    sources        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX council_motions_session ON council_motions(session);
CREATE INDEX council_motions_author ON council_motions(author);

-- Vote events. kind: 0 final vote, 1 first reading («за основу»), 2 amendment, 3 procedural.
-- h_* are the header counts as published; the named list (council_votes) is authoritative.
CREATE TABLE council_events (
    id             INTEGER PRIMARY KEY,
    uid            TEXT    NOT NULL UNIQUE,
    motion         INTEGER NOT NULL REFERENCES council_motions(id),
    session        INTEGER NOT NULL DEFAULT 0,
    title          TEXT    NOT NULL DEFAULT '',
    number         TEXT    NOT NULL DEFAULT '',
    classification TEXT    NOT NULL DEFAULT '',
    kind           INTEGER NOT NULL DEFAULT 0,
    result         TEXT    NOT NULL DEFAULT '',
    adopted        INTEGER NOT NULL DEFAULT 0,
    at             INTEGER NOT NULL, -- unix seconds of the start
    day            INTEGER NOT NULL,
    named          INTEGER NOT NULL DEFAULT 0, -- rows in the named list; only events with one count in metrics
    h_for          INTEGER,
    h_against      INTEGER,
    h_abstain      INTEGER,
    h_not_voting   INTEGER,
    h_absent       INTEGER,
    mismatch       INTEGER NOT NULL DEFAULT 0, -- the header counts disagree with the named list
    text_url       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX council_events_day ON council_events(day, at);
CREATE INDEX council_events_motion ON council_events(motion, at);
CREATE INDEX council_events_session ON council_events(session, at);

-- The named lists: one row per (deputy, event). option: 0 for, 1 against, 2 abstain, 3 not voting, 4 absent.
-- dev is NULL (absent, outside the mandate, or no line), 0 (followed the line of the faction the deputy was
-- in that day) or 1 (deviated), computed at import so that a deputy's figures are one aggregate over their rows.
-- Both are stored in one integer, vote = option + 5 × (dev + 1), and read through virtual columns: a council of
-- a million rows imports a fifth faster with one value less per row.
-- The key starts with the deputy (a deputy card reads one range); a roll call looks rows up by
-- (deputy, day, event) for each deputy. No foreign keys: the importer resolves every reference, and
-- checking a million of them costs more than the import itself.
CREATE TABLE council_votes (
    deputy  INTEGER NOT NULL,
    day     INTEGER NOT NULL,
    event   INTEGER NOT NULL,
    vote    INTEGER NOT NULL CHECK (vote BETWEEN 0 AND 14),
    option  INTEGER GENERATED ALWAYS AS (vote % 5) VIRTUAL,
    dev     INTEGER GENERATED ALWAYS AS (CASE WHEN vote >= 5 THEN vote / 5 - 1 END) VIRTUAL,
    PRIMARY KEY (deputy, day, event)
) WITHOUT ROWID;

-- The line of each faction at each event (council.Tally), for roll calls and faction cohesion.
-- line: 0 no line (fewer than 2 present), 1 split, 2 support, 3 oppose.
CREATE TABLE council_lines (
    event   INTEGER NOT NULL,
    faction INTEGER NOT NULL,
    present INTEGER NOT NULL,
    support INTEGER NOT NULL,
    line    INTEGER NOT NULL,
    PRIMARY KEY (event, faction)
) WITHOUT ROWID;
CREATE INDEX council_lines_faction ON council_lines(faction);

-- Each deputy's figures within their mandate, recomputed by every import (leaderboards read 64 rows, not a
-- million). events and days count vote events with a named list and their sitting days.
CREATE TABLE council_stats (
    deputy       INTEGER PRIMARY KEY REFERENCES council_deputies(id) ON DELETE CASCADE,
    events       INTEGER NOT NULL,
    days         INTEGER NOT NULL,
    n_for        INTEGER NOT NULL,
    n_against    INTEGER NOT NULL,
    n_abstain    INTEGER NOT NULL,
    n_not_voting INTEGER NOT NULL,
    present_days INTEGER NOT NULL,
    line_events  INTEGER NOT NULL,
    deviations   INTEGER NOT NULL
);

-- Residents following a deputy: a push through the outbox when new votes of theirs are imported.
CREATE TABLE council_follows (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    deputy     INTEGER NOT NULL REFERENCES council_deputies(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, deputy)
);
CREATE INDEX council_follows_deputy ON council_follows(deputy);

-- Every council import, for the summary and the keys of follow pushes.
CREATE TABLE council_imports (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    events INTEGER NOT NULL,
    votes  INTEGER NOT NULL
);
