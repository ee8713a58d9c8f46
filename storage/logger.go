package storage

import (
	"log"
	"os"
)

// warnLogger passes Badger's warnings and errors on and drops its chatty
// Info/Debug lines (one per table, flush and compaction).
type warnLogger struct{}

var badgerLog = log.New(os.Stderr, "badger: ", log.LstdFlags)

func (warnLogger) Errorf(f string, v ...any)   { badgerLog.Printf("ERROR: "+f, v...) }
func (warnLogger) Warningf(f string, v ...any) { badgerLog.Printf("WARNING: "+f, v...) }
func (warnLogger) Infof(string, ...any)        {}
func (warnLogger) Debugf(string, ...any)       {}
