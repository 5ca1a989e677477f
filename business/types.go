package business

// Record is one business of the directory (SPEC §6, §8 businesses).
type Record struct {
	ID                   int64
	UID, EDRPOU          string
	Name, Kind, KVED     string
	Section, Division    string
	Address              string
	HasPoint             bool
	Lat, Lon             float64
	Phone, Website       string
	Email, Hours         string
	Description, Updated string // Updated: ISO date
}

// Brief is a line of a list: enough for a button and a distance.
type Brief struct {
	ID        int64
	Name      string
	Address   string
	KVED      string
	Hours     string
	DistanceM float64 // set by the store's BusinessesNear
}

// Filter picks the businesses of a section or of one division.
type Filter struct {
	Section  string // a letter A–U, or ""
	Division string // two digits, or ""
}

// Point is a business on the map: what a marker and its filters need.
type Point struct {
	ID       int64
	Name     string
	Lat, Lon float64
	Section  string
	Hours    string
}
