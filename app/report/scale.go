package report

import (
	"math"
	"strconv"
	"strings"
)

// niceScale widens [lo, hi] to round tick steps (1, 2, 2.5 or 5 × 10ⁿ) with
// about n ticks, always including zero, and returns the ticks.
func niceScale(lo, hi float64, n int) (float64, float64, []float64) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi == lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(max(1, n))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	var ticks []float64
	for t := lo; t <= hi+step/2; t += step {
		ticks = append(ticks, math.Round(t/step)*step)
	}
	return lo, hi, ticks
}

// GroupThousands groups thousands: 1234567 → "1,234,567".
func GroupThousands(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtFloat shows up to two decimals without trailing zeros.
func fmtFloat(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
