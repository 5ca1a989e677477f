-- A counter per dataset, raised by every import that changes it (issue 18): the Mini App's in-memory map index and
-- the chart cache ask "has anything changed?" with one primary-key read instead of scanning the data. Imports run in
-- another process (`nazar import`), so the bot cannot learn of them any other way.
CREATE TABLE data_versions (
    name    TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
);
