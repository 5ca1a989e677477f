package store

// SetStagedBusinesses sets the most new or changed businesses an import
// writes in one transaction, for tests; restore puts the default back.
func SetStagedBusinesses(n int) (restore func()) {
	old := stagedBusinesses
	stagedBusinesses = n
	return func() { stagedBusinesses = old }
}
