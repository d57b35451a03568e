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
	csv, err := export.CSV(s)
	if err != nil {
		return err
	}
	// One file per code, made and written on every processor: on a large
	// site, creating the files is most of the cost. Each code is
	// marshalled once, for its file and for /codes.json.
	objects := make([][]byte, len(s.Codes))
	errs := make([]error, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		object, err := export.Object(s, c)
		var data []byte
		if err == nil {
			objects[i] = object
			data, err = export.CodeJSON(s, object)
		}
		if err == nil {
			err = files.Add(c.Code.String()+".json", data)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	all, err := export.JSON(s, objects)
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
	return nil
}
