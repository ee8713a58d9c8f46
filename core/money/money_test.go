package money

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCurrency(t *testing.T) {
	tests := []struct {
		code  string
		valid bool
		scale int
	}{
		{"CNY", true, 2},
		{"USD", true, 2},
		{"EUR", true, 2},
		{"JPY", true, 0},
		{"KRW", true, 0},
		{"RMB", false, 2},
		{"cny", false, 2},
		{"", false, 2},
		{"EURO", false, 2},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.valid, ValidCurrency(tt.code), tt.code)
		if tt.valid {
			assert.Equal(t, tt.scale, Scale(tt.code), tt.code)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{123450, "CNY"}, "CNY 1234.50"},
		{Money{-5, "USD"}, "USD -0.05"},
		{Money{1200, "JPY"}, "JPY 1200"},
		{Money{0, "EUR"}, "EUR 0.00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.m.String())
	}
}
