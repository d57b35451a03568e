package main

import "os"

// syntheticEnv names the environment variable with which cmd/benchsite
// builds its generated sites of 1,000 and 10,000 pages through this
// command: set to 1, it admits codes of four and five digits and a larger
// dataset (content.Options.Synthetic). It is not a flag because it is not
// for people: real content never needs it.
const syntheticEnv = "SIPCODES_BENCH_SYNTHETIC"

func benchSynthetic() bool { return os.Getenv(syntheticEnv) == "1" }
