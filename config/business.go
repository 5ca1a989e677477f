package config

// BusinessConfig controls the business directory (docs/business.md).
type BusinessConfig struct {
	RadiusKM  float64 `yaml:"radius_km"`  // "near me" search radius
	NearLimit int     `yaml:"near_limit"` // most businesses "near me" lists
	PageSize  int     `yaml:"page_size"`  // businesses per page of a search or sector list
}

func (b BusinessConfig) validate(ch checker) {
	ch.floatRange("radius_km", b.RadiusKM, 0.1, 50)
	ch.intRange("near_limit", b.NearLimit, 1, 50)
	ch.intRange("page_size", b.PageSize, 3, 20)
}
