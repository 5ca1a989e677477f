-- Issue 17 (answers within 5 ms): the council pages that read every vote event were 15–200 ms.

-- Each faction's cohesion (events where it had a line ÷ events where any member was present), summed from
-- council_lines by every import in its transaction, so the factions page reads one row per faction instead of
-- every (event, faction) line.
CREATE TABLE council_faction_stats (
    faction     INTEGER PRIMARY KEY,
    line_events INTEGER NOT NULL, -- events where a member was present (council_lines.present > 0)
    lined       INTEGER NOT NULL  -- of those, events where the faction had a line (support or oppose)
);
INSERT INTO council_faction_stats(faction, line_events, lined)
    SELECT faction, count(*), count(line IN (2, 3) OR NULL) FROM council_lines WHERE present > 0 GROUP BY faction;

-- Trigram index of the agenda items' title_key (rowid is council_motions.id): decisions by words read the items
-- that hold every word instead of testing every title. A trigram match is a superset of instr() (both are
-- substring tests; the trigrams also fold case), so the search keeps its instr() test and its exact results;
-- words under three letters have no trigram and are left to instr() alone. Kept by triggers, whatever writes
-- the motions; a re-import that leaves a title unchanged does not touch it.
CREATE VIRTUAL TABLE council_titles USING fts5(title_key, content = '', contentless_delete = 1, tokenize = 'trigram');
INSERT INTO council_titles(rowid, title_key) SELECT id, title_key FROM council_motions;
CREATE TRIGGER council_titles_insert AFTER INSERT ON council_motions BEGIN
    INSERT INTO council_titles(rowid, title_key) VALUES (new.id, new.title_key);
END;
CREATE TRIGGER council_titles_update AFTER UPDATE OF title_key ON council_motions
    WHEN old.title_key IS NOT new.title_key BEGIN
    DELETE FROM council_titles WHERE rowid = old.id;
    INSERT INTO council_titles(rowid, title_key) VALUES (new.id, new.title_key);
END;
CREATE TRIGGER council_titles_delete AFTER DELETE ON council_motions BEGIN
    DELETE FROM council_titles WHERE rowid = old.id;
END;

-- Adopted decisions newest first, for the decisions list (it counted and sorted every vote event).
CREATE INDEX council_events_decided ON council_events(at, id) WHERE kind = 0 AND adopted = 1;

-- Sessions newest first: with the order read from an index, the list counts the items and events of the ten
-- sessions it shows, not of every session before sorting them.
CREATE INDEX council_sessions_day ON council_sessions(day_from);
