package app

import "slices"

// topK keeps the k smallest items pushed to it, by order, in a bounded
// max-heap: a page of 50 out of 30,000 open deals costs memory for 50, and
// only the kept items are ever sorted.
type topK[T any] struct {
	k     int
	order func(a, b T) int
	h     []T
}

func newTopK[T any](k int, order func(a, b T) int) *topK[T] {
	return &topK[T]{k: max(k, 0), order: order, h: make([]T, 0, min(max(k, 0), 1024))}
}

// push offers one item; it is kept while it is among the k smallest so far.
func (t *topK[T]) push(x T) {
	switch {
	case t.k == 0:
	case len(t.h) < t.k:
		t.h = append(t.h, x)
		t.up(len(t.h) - 1)
	case t.order(x, t.h[0]) < 0:
		t.h[0] = x
		t.down(0)
	}
}

func (t *topK[T]) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if t.order(t.h[i], t.h[parent]) <= 0 {
			return
		}
		t.h[i], t.h[parent] = t.h[parent], t.h[i]
		i = parent
	}
}

func (t *topK[T]) down(i int) {
	n := len(t.h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		big := l
		if r := l + 1; r < n && t.order(t.h[r], t.h[l]) > 0 {
			big = r
		}
		if t.order(t.h[big], t.h[i]) <= 0 {
			return
		}
		t.h[i], t.h[big] = t.h[big], t.h[i]
		i = big
	}
}

// sorted is the kept items, smallest first.
func (t *topK[T]) sorted() []T {
	out := slices.Clone(t.h)
	slices.SortFunc(out, t.order)
	return out
}

// smallest returns the k first items of list in order, sorted.
func smallest[T any](list []T, k int, order func(a, b T) int) []T {
	t := newTopK(k, order)
	for _, x := range list {
		t.push(x)
	}
	return t.sorted()
}
