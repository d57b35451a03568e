package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/sipcodes/sipcodes/internal/site"
)

// CSV returns /codes.csv: one row per code, with a header row.
func CSV(s *site.Site) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rows := [][]string{{"code", "reason", "class", "provisional", "status", "defined_in", "summary", "url"}}
	for _, c := range s.Codes {
		refs := make([]string, len(c.Refs))
		for i, r := range c.Refs {
			refs[i] = r.String()
		}
		rows = append(rows, []string{
			c.Code.String(), c.Reason, strconv.Itoa(int(c.Code.Class())), strconv.FormatBool(c.Provisional()),
			string(c.Status), strings.Join(refs, "; "), c.Summary, s.BaseURL + c.URL(),
		})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SQL returns /sipresponsemetadata.sql: a script that creates the table
// SIPResponseMetaData with the shape Lync Server 2013's monitoring database
// gives it (ResponseCode, Class, Description) and fills it with every
// registered code. It uses only statements that SQL Server, SQLite and
// PostgreSQL all accept, except the nvarchar type, which PostgreSQL lacks;
// the script says so.
func SQL(s *site.Site) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "-- SIP response codes for a table shaped like Lync Server 2013's SIPResponseMetaData.\n")
	fmt.Fprintf(&b, "-- %d codes. Source: %s/codes.json\n", len(s.Codes), s.BaseURL)
	fmt.Fprintf(&b, "-- For PostgreSQL, replace nvarchar(256) with varchar(256).\n")
	b.WriteString("CREATE TABLE SIPResponseMetaData (\n")
	b.WriteString("  ResponseCode int NOT NULL PRIMARY KEY,\n")
	b.WriteString("  Class int NOT NULL CHECK (Class BETWEEN 1 AND 6),\n")
	b.WriteString("  Description nvarchar(256) NOT NULL\n);\n")
	b.WriteString("INSERT INTO SIPResponseMetaData (ResponseCode, Class, Description) VALUES\n")
	for i, c := range s.Codes {
		sep := ",\n"
		if i == len(s.Codes)-1 {
			sep = ";\n"
		}
		fmt.Fprintf(&b, "  (%d, %d, '%s')%s", int(c.Code), int(c.Code.Class()), strings.ReplaceAll(c.Reason, "'", "''"), sep)
	}
	return b.Bytes()
}
