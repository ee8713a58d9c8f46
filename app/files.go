package app

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"keystone/core/fault"
)

// FileService writes the files the UI makes (CSV, Excel, calendars, images,
// PDFs) where the user chooses. The desktop asks with the native Save dialog;
// in browser mode there is no dialog and the page downloads instead.
type FileService struct {
	mu    sync.Mutex
	saver FileSaver
}

// FileSaver asks the user for paths with the native dialogs; "" means they
// cancelled. The desktop provides one once the window is up.
type FileSaver interface {
	AskSavePath(suggestedName string) (string, error)
	// AskOpenPath asks for an existing file; patterns are like "*.csv".
	AskOpenPath(patterns []string) (string, error)
	// AskFolder asks for a folder (creating one is allowed).
	AskFolder() (string, error)
}

// SetSaver installs the dialog; called by the desktop at start.
func (s *FileService) SetSaver(f FileSaver) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saver = f
}

func (s *FileService) current() FileSaver {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saver
}

// CanAsk reports whether a native Save dialog exists (the desktop); the UI
// downloads the file itself when not.
func (s *FileService) CanAsk() bool { return s.current() != nil }

// SavedFile is where a file went; Path is "" when the user cancelled.
type SavedFile struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

// Save asks where to save suggestedName and writes data (base64) there. The
// file is written beside its target and renamed, so a failure never leaves
// half a file under the user's chosen name.
func (s *FileService) Save(suggestedName, dataBase64 string) (SavedFile, error) {
	saver := s.current()
	if saver == nil {
		return SavedFile{}, fault.New(fault.Invalid, "no_dialog", "this window cannot ask where to save; the file is downloaded instead")
	}
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return SavedFile{}, fault.Wrap(fault.Invalid, "bad_data", err, "the file to save is not valid base64")
	}
	path, err := saver.AskSavePath(filepath.Base(suggestedName))
	if err != nil {
		return SavedFile{}, fmt.Errorf("asking where to save %s: %w", suggestedName, err)
	}
	if path == "" {
		return SavedFile{}, nil
	}
	if err := writeFileAtomic(path, data); err != nil {
		return SavedFile{}, fault.Wrap(fault.Internal, "write_failed", err, "could not save %s", path)
	}
	return SavedFile{Path: path, Bytes: len(data)}, nil
}

// errNoDialog is what a path chooser answers in browser mode, where the UI
// asks for a typed path instead.
var errNoDialog = fault.New(fault.Invalid, "no_dialog", "this window cannot show a file dialog; type the path instead")

// ChooseSave asks where to save a file the service writes itself (a backup,
// a PDF); "" when the user cancelled.
func (s *FileService) ChooseSave(suggestedName string) (string, error) {
	saver := s.current()
	if saver == nil {
		return "", errNoDialog
	}
	return saver.AskSavePath(filepath.Base(suggestedName))
}

// ChooseOpen asks for a file to read, offering the given patterns
// ("*.csv"); "" when the user cancelled.
func (s *FileService) ChooseOpen(patterns []string) (string, error) {
	saver := s.current()
	if saver == nil {
		return "", errNoDialog
	}
	return saver.AskOpenPath(patterns)
}

// ChooseFolder asks for a folder; "" when the user cancelled.
func (s *FileService) ChooseFolder() (string, error) {
	saver := s.current()
	if saver == nil {
		return "", errNoDialog
	}
	return saver.AskFolder()
}

// writeFileAtomic writes data to a temporary file in path's folder, syncs it
// and renames it over path.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
