package store

// SetStagedBusinesses sets the most new or changed businesses an import
// writes in one transaction, for tests; restore puts the default back.
func SetStagedBusinesses(n int) (restore func()) {
	old := stagedBusinesses
	stagedBusinesses = n
	return func() { stagedBusinesses = old }
}

// SetStagedKeyed sets the most cards or card applications an import writes
// in one transaction, for tests; restore puts the default back.
func SetStagedKeyed(n int) (restore func()) {
	old := stagedKeyed
	stagedKeyed = n
	return func() { stagedKeyed = old }
}
