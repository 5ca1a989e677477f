-- Issue 15: a large business import builds the next directory beside the live one, in short transactions, and
-- renames it into place (store/business_stage.go). A named index keeps its name when its table is renamed, so the
-- staged table could not carry indexes named like the live ones, and building them in the swap would hold the
-- write lock for half a second; the indexes of constraints are named after their table and renamed with it. The
-- three lookups therefore become UNIQUE constraints, each ending in id (so unique by construction), serving the
-- same queries as the indexes they replace: businesses by division or section in name order, a category's
-- businesses by KVED class in name order, and a business by EDRPOU.
CREATE TABLE businesses_swap (
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
    sig         TEXT    NOT NULL,            -- hash of the imported fields: a re-import skips unchanged rows
    UNIQUE (division, name, id),
    UNIQUE (kved, name, id),
    UNIQUE (edrpou, id)
);
INSERT INTO businesses_swap(id, uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone, website,
    email, hours, description, updated_on, sig)
    SELECT id, uid, edrpou, name, kind, kved, section, division, address, lat, lon, phone, website, email, hours,
        description, updated_on, sig FROM businesses;
DROP TABLE businesses;
ALTER TABLE businesses_swap RENAME TO businesses;
