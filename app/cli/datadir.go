package cli

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDataDir is where the data lives unless --data or KEYSTONE_DATA say
// otherwise: the OS's per-user data folder.
func DefaultDataDir() (string, error) {
	if d := os.Getenv("KEYSTONE_DATA"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Keystone"), nil
	case "windows":
		if d := os.Getenv("AppData"); d != "" {
			return filepath.Join(d, "Keystone"), nil
		}
		return filepath.Join(home, "AppData", "Roaming", "Keystone"), nil
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "keystone"), nil
		}
		return filepath.Join(home, ".local", "share", "keystone"), nil
	}
}
