//go:build unix

package storage

import (
	"io/fs"
	"syscall"
)

// diskUsage is the space a file takes on disk: Badger preallocates its logs
// as sparse files, whose length overstates it.
func diskUsage(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return info.Size()
}
