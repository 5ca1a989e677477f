package store

// refreshFactionStats sums every faction's lines into council_faction_stats
// (migration 0020) once the import has written its lines, so the factions
// page reads a row per faction. The sum is taken over all stored lines, not
// this import's: an import may replace any event's lines, and a pass over
// them costs a few tens of milliseconds of an import that takes seconds.
// NOT INDEXED: one pass in key order beats a lookup per line through the
// faction index.
func (ci *councilImport) refreshFactionStats() error {
	if err := ci.exec(`DELETE FROM council_faction_stats`); err != nil {
		return err
	}
	return ci.exec(`INSERT INTO council_faction_stats(faction, line_events, lined)
		SELECT faction, count(*), count(line IN (2, 3) OR NULL) FROM council_lines NOT INDEXED
		WHERE present > 0 GROUP BY faction`)
}
