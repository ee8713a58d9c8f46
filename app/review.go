package app

// ReviewService keeps account reviews and annual evaluations and prints them.
type ReviewService struct{}
