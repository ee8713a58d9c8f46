package app

import (
	"context"
	"fmt"
	"sync"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Batch states.
const (
	batchRunning   = "running"
	batchDone      = "done"
	batchCancelled = "cancelled"
	batchFailed    = "failed"
)

// BatchStatus is a batch export's progress, for the progress bar.
type BatchStatus struct {
	ID      string       `json:"id"`
	State   string       `json:"state"`
	Done    int          `json:"done"`
	Total   int          `json:"total"`
	Current string       `json:"current"` // the document just written
	Folder  string       `json:"folder"`
	Result  *BatchResult `json:"result"`
	Error   *fault.Error `json:"error"`
}

type batchJob struct {
	mu     sync.Mutex
	status BatchStatus
	cancel context.CancelFunc
}

func (j *batchJob) snapshot() BatchStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.status
}

// StartBatch starts printing annual evaluations into a folder in the
// background; poll BatchStatus for progress and call CancelBatch to stop.
// The selection is checked before it starts.
func (s *ReviewService) StartBatch(in BatchInput) (BatchStatus, error) {
	probe := in
	if _, err := checkBatch(&probe); err != nil {
		return BatchStatus{}, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &batchJob{cancel: cancel, status: BatchStatus{ID: record.NewID(), State: batchRunning, Folder: probe.Folder}}
	s.mu.Lock()
	s.jobs[j.status.ID] = j
	s.mu.Unlock()
	go func() {
		defer cancel()
		res, err := s.Batch(ctx, in, func(done, total int, name string) {
			j.mu.Lock()
			j.status.Done, j.status.Total, j.status.Current = done, total, name
			j.mu.Unlock()
		})
		j.mu.Lock()
		defer j.mu.Unlock()
		j.status.Result = &res
		switch {
		case err == nil:
			j.status.State = batchDone
		case ctx.Err() != nil:
			j.status.State = batchCancelled
		default:
			j.status.State, j.status.Error = batchFailed, fault.As(err)
		}
	}()
	return j.snapshot(), nil
}

func (s *ReviewService) job(id string) (*batchJob, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return nil, fault.NotFoundf("batch", id)
	}
	return j, nil
}

// BatchStatus reports a batch's progress.
func (s *ReviewService) BatchStatus(id string) (BatchStatus, error) {
	j, err := s.job(id)
	if err != nil {
		return BatchStatus{}, err
	}
	return j.snapshot(), nil
}

// CancelBatch stops a batch after the document it is writing; the files
// already written stay.
func (s *ReviewService) CancelBatch(id string) (BatchStatus, error) {
	j, err := s.job(id)
	if err != nil {
		return BatchStatus{}, err
	}
	j.cancel()
	return j.snapshot(), nil
}

func calDate(year int, monthDay string) calendar.Date {
	return calendar.Date(fmt.Sprintf("%04d-%s", year, monthDay))
}
