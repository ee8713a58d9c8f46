package fault

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckerCollectsIssuesInOrder(t *testing.T) {
	var c Checker
	c.Required("name", " ")
	c.MaxLen("title", "四个汉字", 3)
	c.Range("year", 1800, 1990, 2100)
	c.NonNegative("revenue", -1)
	c.OneOf("stance", "hostile", true, "supporter", "neutral")
	c.OneOf("stance", "", true, "supporter")
	err := c.Err()
	fe := As(err)
	assert.Equal(t, Invalid, fe.Code)
	assert.Equal(t, "name", fe.Field)
	rules := []string{}
	for _, is := range fe.Issues {
		rules = append(rules, is.Field+":"+is.Rule)
	}
	assert.Equal(t, []string{"name:required", "title:too_long", "year:out_of_range", "revenue:negative", "stance:unknown_value"}, rules)
	assert.Equal(t, 4, fe.Issues[1].Params["len"], "length counts characters, not bytes")
	assert.Contains(t, fe.Message, "and 4 more problems")
}

func TestCheckerEmptyIsNil(t *testing.T) {
	var c Checker
	c.Required("name", "x")
	assert.NoError(t, c.Err())
}

func TestCheckerPrefix(t *testing.T) {
	var c Checker
	sub := c.At("figures[2].")
	sub.NonNegative("revenue", -3)
	c.Merge(sub)
	assert.Equal(t, "figures[2].revenue", As(c.Err()).Field)
}

func TestCodeAndIs(t *testing.T) {
	base := errors.New("disk gone")
	wrapped := fmt.Errorf("saving: %w", Conflictf("account", "01X", 1, 2))
	tests := []struct {
		err  error
		code Code
	}{
		{nil, ""},
		{base, Internal},
		{wrapped, Conflict},
		{Wrap(Locked, "locked", base, "open elsewhere"), Locked},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.code, CodeOf(tt.err))
	}
	assert.True(t, errors.Is(wrapped, &Error{Code: Conflict}))
	assert.False(t, errors.Is(wrapped, &Error{Code: NotFound}))
	assert.ErrorIs(t, Wrap(Internal, "x", base, "m"), base)
	assert.Equal(t, "open elsewhere: disk gone", Wrap(Locked, "locked", base, "open elsewhere").Error())
}
