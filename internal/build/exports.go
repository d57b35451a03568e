package build

import (
	"errors"

	"github.com/sipcodes/sipcodes/internal/export"
	"github.com/sipcodes/sipcodes/internal/par"
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
	// One file per code, made and written on every processor: on a large
	// site, creating the files is most of the cost.
	errs := make([]error, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		data, err := export.CodeJSON(s, c)
		if err == nil {
			err = files.Add(c.Code.String()+".json", data)
		}
		errs[i] = err
	})
	return errors.Join(errs...)
}
