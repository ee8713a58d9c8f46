//go:build !unix

package storage

import "io/fs"

// diskUsage is the file's length where the allocated size is not known.
func diskUsage(info fs.FileInfo) int64 { return info.Size() }
