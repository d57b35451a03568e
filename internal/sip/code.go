// Package sip is the domain: SIP response codes, their classes and the
// documents that define them. It knows the rules about codes and nothing
// about files or HTML.
package sip

import "fmt"

// Code is a SIP response status code, a three-digit number from 100 to 699
// (RFC 3261 §7.2, §21).
type Code int

// Valid reports whether c lies in the range RFC 3261 §7.2 allows.
func (c Code) Valid() bool { return c >= 100 && c <= 699 }

// Class is the code's first digit, which alone tells a client how to treat
// a code it does not know (RFC 3261 §8.1.3.2, §21). Codes longer than
// three digits exist only in the synthetic sites the benchmarks build
// (cmd/benchsite); their class is their first digit too.
func (c Code) Class() Class {
	for c >= 1000 {
		c /= 10
	}
	return Class(c / 100)
}

// Provisional reports whether c is a 1xx response, which never ends a
// transaction; every other class is final (RFC 3261 §7.2).
func (c Code) Provisional() bool { return c.Class() == 1 }

// String returns the code as three digits.
func (c Code) String() string { return fmt.Sprintf("%03d", int(c)) }

// Class is one of the six response classes, 1 to 6.
type Class int

// Classes lists every class in order.
var Classes = []Class{1, 2, 3, 4, 5, 6}

// classNames are the class names of RFC 3261 §7.2.
var classNames = [...]string{"", "Provisional", "Successful", "Redirection", "Client Failure", "Server Failure", "Global Failure"}

// Valid reports whether c is one of the six classes.
func (c Class) Valid() bool { return c >= 1 && c <= 6 }

// Name returns the class's name, such as "Client Failure".
func (c Class) Name() string {
	if !c.Valid() {
		return ""
	}
	return classNames[c]
}

// Slug returns the class as written in URLs and prose, such as "4xx".
func (c Class) Slug() string { return fmt.Sprintf("%dxx", int(c)) }

// Provisional reports whether the class's responses are provisional.
func (c Class) Provisional() bool { return c == 1 }

// Kind returns "provisional" or "final".
func (c Class) Kind() string {
	if c.Provisional() {
		return "provisional"
	}
	return "final"
}

// Status says whether a code is in use.
type Status string

const (
	// Active codes are registered and in use.
	Active Status = "active"
	// Deprecated codes are registered but their use is discouraged.
	Deprecated Status = "deprecated"
	// Historical codes were defined once (RFC 2543) and are no longer registered.
	Historical Status = "historical"
)

// Statuses lists the valid statuses.
var Statuses = []Status{Active, Deprecated, Historical}

// Response is one response code as registered, with its defining documents.
type Response struct {
	Code    Code
	Reason  string
	Status  Status
	Refs    []Ref
	Summary string
	Aliases []string
}
