package build

import (
	"github.com/sipcodes/sipcodes/internal/export"
	"github.com/sipcodes/sipcodes/internal/site"
)

// addExports publishes the dataset for other programs: /codes.json,
// /486.json for each code, /codes.csv and the SQL script.
func addExports(files fileSet, s *site.Site) error {
	all, err := export.JSON(s)
	if err != nil {
		return err
	}
	csv, err := export.CSV(s)
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		"codes.json":              all,
		"codes.csv":               csv,
		"sipresponsemetadata.sql": export.SQL(s),
	} {
		if err := files.Add(name, data); err != nil {
			return err
		}
	}
	for _, c := range s.Codes {
		data, err := export.CodeJSON(s, c)
		if err != nil {
			return err
		}
		if err := files.Add(c.Code.String()+".json", data); err != nil {
			return err
		}
	}
	return nil
}
