// Package fault is Keystone's error kind: every error a user can see carries a
// code, the field it concerns, a machine-readable rule with its parameters (so
// the UI can say it in the user's language) and an English message.
package fault

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error for the UI and for callers.
type Code string

const (
	Invalid     Code = "invalid"      // input broke a rule; nothing was changed
	NotFound    Code = "not_found"    // the record does not exist (or is archived where that matters)
	Conflict    Code = "conflict"     // the record changed since it was read (stale rev)
	Locked      Code = "locked"       // the data folder is open in another Keystone
	NewerSchema Code = "newer_schema" // the data folder was written by a newer Keystone
	Internal    Code = "internal"     // anything unexpected; the message says what
)

// Issue is one broken rule on one field.
type Issue struct {
	Field   string         `json:"field"`
	Rule    string         `json:"rule"`
	Params  map[string]any `json:"params,omitempty"`
	Message string         `json:"message"`
}

// Error is the error type of the core. Field/Rule/Params repeat the first
// issue so single-problem errors read naturally; Issues lists them all.
type Error struct {
	Code    Code           `json:"code"`
	Field   string         `json:"field,omitempty"`
	Rule    string         `json:"rule,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	Message string         `json:"message"`
	Issues  []Issue        `json:"issues,omitempty"`
	Err     error          `json:"-"`
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, &fault.Error{Code: fault.Conflict}) match by code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Code == e.Code && (t.Field == "" || t.Field == e.Field) && (t.Rule == "" || t.Rule == e.Rule)
}

// New builds an error with a code and an English message.
func New(code Code, rule, format string, args ...any) *Error {
	return &Error{Code: code, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// Wrap attaches a code and message to an underlying error.
func Wrap(code Code, rule string, err error, format string, args ...any) *Error {
	return &Error{Code: code, Rule: rule, Message: fmt.Sprintf(format, args...), Err: err}
}

// NotFoundf reports a missing record of a kind ("account", "contact", ...).
func NotFoundf(kind, id string) *Error {
	return &Error{Code: NotFound, Rule: "not_found", Params: map[string]any{"kind": kind, "id": id},
		Message: fmt.Sprintf("%s %s does not exist", kind, id)}
}

// Conflictf reports a stale write.
func Conflictf(kind, id string, have, want int64) *Error {
	return &Error{Code: Conflict, Rule: "stale_rev", Params: map[string]any{"kind": kind, "id": id, "have": have, "current": want},
		Message: fmt.Sprintf("%s %s was changed elsewhere (you had revision %d, it is now %d); reload and try again", kind, id, have, want)}
}

// CodeOf returns the code of err, Internal for foreign errors, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Code
	}
	return Internal
}

// As returns the *Error in err's chain, or wraps a foreign error as Internal.
func As(err error) *Error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	return &Error{Code: Internal, Rule: "internal", Message: err.Error(), Err: err}
}

// Checker collects validation issues; Err returns nil when there are none.
type Checker struct {
	issues []Issue
	prefix string
}

// Sub returns a checker whose fields are prefixed (e.g. "figures[2].").
func (c *Checker) At(prefix string) *Checker {
	return &Checker{prefix: c.prefix + prefix}
}

// Merge adds the issues of a sub-checker.
func (c *Checker) Merge(sub *Checker) { c.issues = append(c.issues, sub.issues...) }

// Add records an issue.
func (c *Checker) Add(field, rule string, params map[string]any, format string, args ...any) {
	c.issues = append(c.issues, Issue{Field: c.prefix + field, Rule: rule, Params: params, Message: fmt.Sprintf(format, args...)})
}

// Required checks a trimmed string is not empty.
func (c *Checker) Required(field, v string) bool {
	if strings.TrimSpace(v) == "" {
		c.Add(field, "required", nil, "%s is required", field)
		return false
	}
	return true
}

// MaxLen checks a string's length in characters (not bytes: Chinese counts one each).
func (c *Checker) MaxLen(field, v string, max int) bool {
	if n := len([]rune(v)); n > max {
		c.Add(field, "too_long", map[string]any{"max": max, "len": n}, "%s is %d characters long; at most %d are allowed", field, n, max)
		return false
	}
	return true
}

// Range checks min <= v <= max.
func (c *Checker) Range(field string, v, min, max int64) bool {
	if v < min || v > max {
		c.Add(field, "out_of_range", map[string]any{"min": min, "max": max, "value": v}, "%s must be between %d and %d (got %d)", field, min, max, v)
		return false
	}
	return true
}

// NonNegative checks an amount is not below zero.
func (c *Checker) NonNegative(field string, v int64) bool {
	if v < 0 {
		c.Add(field, "negative", map[string]any{"value": v}, "%s cannot be negative", field)
		return false
	}
	return true
}

// OneOf checks v is one of allowed; empty is accepted when optional.
func (c *Checker) OneOf(field, v string, optional bool, allowed ...string) bool {
	if v == "" && optional {
		return true
	}
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	c.Add(field, "unknown_value", map[string]any{"value": v, "allowed": allowed}, "%s: %q is not one of %s", field, v, strings.Join(allowed, ", "))
	return false
}

// Issues returns the collected issues.
func (c *Checker) Issues() []Issue { return c.issues }

// Err returns the collected issues as one Invalid error, or nil.
func (c *Checker) Err() error {
	if len(c.issues) == 0 {
		return nil
	}
	first := c.issues[0]
	msg := first.Message
	if len(c.issues) > 1 {
		msg = fmt.Sprintf("%s (and %d more problems)", msg, len(c.issues)-1)
	}
	return &Error{Code: Invalid, Field: first.Field, Rule: first.Rule, Params: first.Params, Message: msg, Issues: c.issues}
}
