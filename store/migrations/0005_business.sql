-- Business directory (SPEC §6), imported with `nazar import businesses FILE`. uid is the file's id; id is a short
-- id for buttons. section/division are the KVED-2010 section letter and two-digit division of kved.
CREATE TABLE businesses (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    edrpou      TEXT    NOT NULL DEFAULT '',
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('enterprise', 'institution', 'organisation')),
    kved        TEXT    NOT NULL,
    section     TEXT    NOT NULL,
    division    TEXT    NOT NULL,
    address     TEXT    NOT NULL DEFAULT '',
    lat         REAL,                        -- NULL when the file gives no coordinates
    lon         REAL,
    phone       TEXT    NOT NULL DEFAULT '',
    website     TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    hours       TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    updated_on  TEXT    NOT NULL DEFAULT '', -- ISO date
    sig         TEXT    NOT NULL             -- hash of the imported fields: a re-import skips unchanged rows
);
CREATE INDEX businesses_edrpou ON businesses(edrpou) WHERE edrpou <> '';
-- Sections are ranges of divisions (G = 45–47), so one index serves both levels of browsing.
CREATE INDEX businesses_division ON businesses(division, name);

-- Full-text index over the transliterated, lower-cased name and description (business.SearchKey); rowid is
-- businesses.id. Queries are folded the same way, so Cyrillic and Latin input meet. Contentless (the keys are
-- derived from businesses), with contentless_delete so a changed record's old keys can be removed.
CREATE VIRTUAL TABLE business_fts USING fts5(name, description, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
-- Best first: bm25 with a name match weighing ten times a description match.
INSERT INTO business_fts(business_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

-- R*Tree of the businesses with coordinates (a point is a degenerate box); id is businesses.id. The box is kept in
-- 32-bit floats (rounded outwards); the auxiliary columns keep the exact point, so "near me" computes distances
-- without visiting the table.
CREATE VIRTUAL TABLE business_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon, +lat REAL, +lon REAL);
