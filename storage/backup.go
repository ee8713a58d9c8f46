package storage

import (
	"archive/zip"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/proto"

	"keystone/core/calendar"
	"keystone/core/fault"
)

// A backup file is a zip archive (so any archive tool can list it) with two
// entries: data.kvs, Badger's backup stream (DB.Backup) compressed with
// zstd and, for an encrypted folder, sealed (cryptstream.go); then
// manifest.json, written last because it carries the payload's checksum and
// the record counts taken while writing the payload.
const (
	backupFormat        = "keystone-backup"
	backupFormatVersion = 1
	payloadEntry        = "data.kvs"
	manifestEntry       = "manifest.json"
	// BackupExt is the backup files' extension.
	BackupExt = ".ksbackup"
)

// Manifest describes one backup file.
type Manifest struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"formatVersion"`
	AppVersion    string    `json:"appVersion"`
	SchemaVersion int       `json:"schemaVersion"`
	CreatedAt     time.Time `json:"createdAt"`
	// Counts is the number of records of each kind (KindOf), Records their sum.
	Counts  Counts `json:"counts"`
	Records int    `json:"records"`
	// PayloadBytes and SHA256 are the data entry's size and SHA-256 as stored.
	PayloadBytes int64  `json:"payloadBytes"`
	SHA256       string `json:"sha256"`
	Compression  string `json:"compression"`
	// Encrypted backups carry the folder's key file: restoring asks for the
	// passphrase the folder had when the backup was made.
	Encrypted bool          `json:"encrypted"`
	KeyFile   *keyFile      `json:"keyFile,omitempty"`
	Cipher    *StreamCipher `json:"cipher,omitempty"`
}

// BackupOptions say what the manifest records about the program.
type BackupOptions struct {
	AppVersion string
}

// hashWriter counts and hashes what passes through.
type hashWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (h *hashWriter) Write(p []byte) (int, error) {
	n, err := h.w.Write(p)
	h.h.Write(p[:n])
	h.n += int64(n)
	return n, err
}

// Backup writes the whole folder to w as one backup file and returns its
// manifest. It reads one consistent snapshot; writes made meanwhile go on
// and are not in it.
func (s *Store) Backup(w io.Writer, opts BackupOptions) (Manifest, error) {
	release, err := s.enter()
	if err != nil {
		return Manifest{}, err
	}
	defer release()
	return backupDB(s.db, s.key, s.version, s.clock.Now(), w, opts)
}

func backupDB(db *badger.DB, key *folderKey, schema int, now time.Time, w io.Writer, opts BackupOptions) (Manifest, error) {
	m := Manifest{Format: backupFormat, FormatVersion: backupFormatVersion, AppVersion: opts.AppVersion,
		SchemaVersion: schema, CreatedAt: now.UTC(), Compression: "zstd"}
	zw := zip.NewWriter(w)
	entry, err := zw.CreateHeader(&zip.FileHeader{Name: payloadEntry, Method: zip.Store, Modified: now})
	if err != nil {
		return m, fmt.Errorf("storage: backup: %w", err)
	}
	hw := &hashWriter{w: entry, h: sha256.New()}
	var sink io.Writer = hw
	var seal *sealWriter
	if key != nil {
		c := StreamCipher{Name: streamCipherName, Salt: make([]byte, 16), ChunkSize: streamChunk}
		if _, err := rand.Read(c.Salt); err != nil {
			return m, fmt.Errorf("storage: backup salt: %w", err)
		}
		aead, err := streamAEAD(key.data, c)
		if err != nil {
			return m, err
		}
		seal = newSealWriter(hw, aead, c.ChunkSize)
		sink = seal
		m.Encrypted, m.KeyFile, m.Cipher = true, key.file, &c
	}
	zst, err := zstd.NewWriter(sink, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return m, fmt.Errorf("storage: backup compressor: %w", err)
	}
	counts := Counts{}
	if err := writeStream(db, zst, counts); err != nil {
		return m, fmt.Errorf("storage: backup: %w", err)
	}
	if err := zst.Close(); err != nil {
		return m, fmt.Errorf("storage: backup: %w", err)
	}
	if seal != nil {
		if err := seal.Close(); err != nil {
			return m, fmt.Errorf("storage: backup: %w", err)
		}
	}
	m.Counts, m.Records = counts, counts.Total()
	m.PayloadBytes, m.SHA256 = hw.n, hex.EncodeToString(hw.h.Sum(nil))
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, fmt.Errorf("storage: backup manifest: %w", err)
	}
	mw, err := zw.CreateHeader(&zip.FileHeader{Name: manifestEntry, Method: zip.Deflate, Modified: now})
	if err == nil {
		_, err = mw.Write(mb)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return m, fmt.Errorf("storage: backup: %w", err)
	}
	return m, nil
}

// BackupFile writes a backup to path through a temporary file beside it,
// so a failed or interrupted backup never leaves a half file under the
// name, and returns the manifest and the file's size.
func (s *Store) BackupFile(path string, opts BackupOptions) (Manifest, int64, error) {
	if strings.TrimSpace(path) == "" {
		return Manifest{}, 0, &fault.Error{Code: fault.Invalid, Rule: "required", Field: "path", Message: "no backup file was given"}
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return Manifest{}, 0, &fault.Error{Code: fault.Invalid, Rule: "no_folder", Field: "path", Params: map[string]any{"dir": dir},
			Message: fmt.Sprintf("The folder %s does not exist.", dir)}
	}
	if abs, err := filepath.Abs(path); err == nil && isInside(abs, s.dir) {
		return Manifest{}, 0, &fault.Error{Code: fault.Invalid, Rule: "backup_inside_data", Field: "path",
			Message: "A backup cannot be saved inside the data folder it backs up."}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.part")
	if err != nil {
		return Manifest{}, 0, writeError(path, err)
	}
	defer os.Remove(tmp.Name())
	m, err := s.Backup(tmp, opts)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if fault.CodeOf(err) != fault.Internal {
			return m, 0, err
		}
		return m, 0, writeError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return m, 0, writeError(path, err)
	}
	_ = syncDir(dir)
	st, err := os.Stat(path)
	if err != nil {
		return m, 0, writeError(path, err)
	}
	return m, st.Size(), nil
}

func writeError(path string, err error) error {
	return &fault.Error{Code: fault.Internal, Rule: "backup_write_failed", Field: "path", Params: map[string]any{"path": path, "message": err.Error()},
		Message: fmt.Sprintf("The backup could not be written to %s: %v", path, err), Err: err}
}

// isInside reports whether path is dir or lies under it.
func isInside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// backupFile is an opened backup with its manifest read and checked.
type backupFile struct {
	path     string
	zr       *zip.ReadCloser
	manifest Manifest
	payload  *zip.File
}

func openBackup(path string) (*backupFile, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &fault.Error{Code: fault.NotFound, Rule: "backup_missing", Field: "path", Params: map[string]any{"path": path},
				Message: fmt.Sprintf("There is no file %s.", path)}
		}
		if errors.Is(err, zip.ErrFormat) {
			return nil, damagedError(path, "it is not a complete archive: cut short, or not a backup at all", err)
		}
		return nil, fmt.Errorf("storage: open backup %s: %w", path, err)
	}
	b := &backupFile{path: path, zr: zr}
	var mf *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case manifestEntry:
			mf = f
		case payloadEntry:
			b.payload = f
		}
	}
	if mf == nil || b.payload == nil {
		zr.Close()
		return nil, notBackupError(path)
	}
	if err := b.readManifest(mf); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

func (b *backupFile) readManifest(f *zip.File) error {
	if f.UncompressedSize64 > 1<<20 {
		return notBackupError(b.path)
	}
	r, err := f.Open()
	if err != nil {
		return damagedError(b.path, "its manifest does not open", err)
	}
	defer r.Close()
	raw, err := io.ReadAll(r) // reading to the end checks the entry's CRC
	if err != nil {
		return damagedError(b.path, "its manifest is damaged", err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Format != backupFormat {
		return notBackupError(b.path)
	}
	if m.FormatVersion > backupFormatVersion || m.SchemaVersion > CurrentSchema {
		return &fault.Error{Code: fault.NewerSchema, Rule: "newer_backup", Field: "path",
			Params:  map[string]any{"found": m.SchemaVersion, "supported": CurrentSchema},
			Message: fmt.Sprintf("The backup %s was made by a newer Keystone (%s, schema %d); update Keystone to restore it.", b.path, m.AppVersion, m.SchemaVersion)}
	}
	if m.Encrypted && (m.KeyFile == nil || m.Cipher == nil) {
		return damagedError(b.path, "it says it is encrypted but carries no key", nil)
	}
	if int64(b.payload.UncompressedSize64) != m.PayloadBytes {
		return damagedError(b.path, fmt.Sprintf("its data has %d bytes, the manifest says %d", b.payload.UncompressedSize64, m.PayloadBytes), nil)
	}
	b.manifest = m
	return nil
}

func (b *backupFile) Close() error { return b.zr.Close() }

func notBackupError(path string) error {
	return &fault.Error{Code: fault.Invalid, Rule: "not_backup", Field: "path", Params: map[string]any{"path": path},
		Message: fmt.Sprintf("%s is not a Keystone backup.", path)}
}

// damagedError is the one sentence for a tampered, truncated or corrupted
// backup; why is for the curious.
func damagedError(path, why string, err error) error {
	return &fault.Error{Code: fault.Invalid, Rule: "backup_damaged", Field: "path", Params: map[string]any{"path": path, "why": why},
		Message: fmt.Sprintf("The backup %s is damaged or incomplete (%s); nothing was restored.", path, why), Err: err}
}

// ReadBackupManifest reads and checks a backup's manifest without restoring
// it (the UI shows it before the user confirms).
func ReadBackupManifest(path string) (Manifest, error) {
	b, err := openBackup(path)
	if err != nil {
		return Manifest{}, err
	}
	defer b.Close()
	m := b.manifest
	return m, nil
}

// RestoreOptions configure RestoreFile.
type RestoreOptions struct {
	// Passphrase opens an encrypted backup: the folder's passphrase when the
	// backup was made. The restored folder keeps it.
	Passphrase string
	Clock      calendar.Clock
}

// RestoreFile restores the backup at path into dir, which must not exist or
// be empty. The data is loaded into a folder beside dir and checked against
// the manifest (the payload's checksum, then the number of records of each
// kind as read back from the loaded folder) before it is moved into place;
// a backup that fails a check leaves nothing behind.
func RestoreFile(path, dir string, opts RestoreOptions) (Manifest, error) {
	if strings.TrimSpace(dir) == "" {
		return Manifest{}, &fault.Error{Code: fault.Invalid, Rule: "required", Field: "data", Message: "no data folder to restore into was given"}
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if err := checkEmptyTarget(dir); err != nil {
		return Manifest{}, err
	}
	b, err := openBackup(path)
	if err != nil {
		return Manifest{}, err
	}
	defer b.Close()
	work, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".restoring-*")
	if err != nil {
		return b.manifest, fmt.Errorf("storage: restore into %s: %w", dir, err)
	}
	defer os.RemoveAll(work)
	if _, err := b.restoreInto(work, opts.Passphrase); err != nil {
		return b.manifest, err
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return b.manifest, fmt.Errorf("storage: restore into %s: %w", dir, err)
	}
	if err := os.Rename(work, dir); err != nil {
		return b.manifest, fmt.Errorf("storage: restore into %s: %w", dir, err)
	}
	_ = syncDir(filepath.Dir(dir))
	return b.manifest, nil
}

func checkEmptyTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: read %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return &fault.Error{Code: fault.Invalid, Rule: "restore_target_not_empty", Field: "data", Params: map[string]any{"dir": dir},
			Message: fmt.Sprintf("The folder %s is not empty; restore into a new or empty folder, so nothing is overwritten.", dir)}
	}
	return nil
}

// restoreInto loads the backup into the empty folder work and verifies it;
// it returns the key the folder is encrypted with (nil: plain). work is left
// closed and complete, or in an unspecified state with an error.
func (b *backupFile) restoreInto(work, passphrase string) (*folderKey, error) {
	m := b.manifest
	var key *folderKey
	if m.Encrypted {
		var err error
		if key, err = m.KeyFile.unlock(passphrase); err != nil {
			return nil, err
		}
		if err := writeKeyFile(work, m.KeyFile); err != nil {
			return nil, err
		}
	}
	var raw []byte
	if key != nil {
		raw = key.data
	}
	db, err := badger.Open(loadOptions(work, raw))
	if err != nil {
		return nil, fmt.Errorf("storage: restore: open the new folder: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			_ = db.Close()
		}
	}()
	if err := b.load(db, key); err != nil {
		return nil, err
	}
	counts, _, err := scanDB(db)
	if err != nil {
		return nil, err
	}
	if d := m.Counts.diff(counts); d != "" {
		return nil, damagedError(b.path, "the restored records do not match its manifest: "+d, nil)
	}
	closed = true
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("storage: restore: close the new folder: %w", err)
	}
	return key, nil
}

// load streams the payload into db, hashing it on the way, and fails when
// the checksum or the stream itself is wrong.
func (b *backupFile) load(db *badger.DB, key *folderKey) error {
	m := b.manifest
	rc, err := b.payload.Open()
	if err != nil {
		return damagedError(b.path, "its data does not open", err)
	}
	defer rc.Close()
	h := sha256.New()
	var r io.Reader = io.TeeReader(rc, h)
	if m.Encrypted {
		aead, err := streamAEAD(key.data, *m.Cipher)
		if err != nil {
			return damagedError(b.path, err.Error(), err)
		}
		r = newOpenReader(r, aead, m.Cipher.ChunkSize)
	}
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
	if err != nil {
		return damagedError(b.path, "its data is not readable", err)
	}
	defer zr.Close()
	loadErr := db.Load(zr, loadPending)
	// Read to the end so the checksum (and zip's CRC) cover every byte.
	_, drainErr := io.Copy(io.Discard, rc)
	if got := hex.EncodeToString(h.Sum(nil)); got != m.SHA256 {
		return damagedError(b.path, "its checksum does not match", nil)
	}
	if loadErr != nil {
		return damagedError(b.path, "its data does not read back", loadErr)
	}
	if drainErr != nil {
		return damagedError(b.path, "its data is damaged", drainErr)
	}
	return nil
}

// frameTarget is the size of one record list in the payload. DB.Backup
// streams with 8 goroutines and 100 MB batches (over half a gigabyte at size
// L); one snapshot read in lists of about a megabyte keeps a backup, and the
// DB.Load that reads it back, near the desktop tuning of open.go.
const (
	frameTarget = 1 << 20
	// loadPending bounds the batches a load has in flight (~1 MB each);
	// more bought little speed for a lot of memory at size L.
	loadPending = 4
)

// writeStream writes every live record of db, as of one snapshot, in the
// format DB.Load reads (a little-endian uint64 length, then a protobuf
// KVList, per frame), and counts the records by kind on the way, so the
// manifest describes exactly what the payload holds.
func writeStream(db *badger.DB, w io.Writer, counts Counts) error {
	return db.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		it := txn.NewIterator(opts)
		defer it.Close()
		list := &pb.KVList{}
		size := 0
		var buf []byte
		flush := func() error {
			if len(list.Kv) == 0 {
				return nil
			}
			var err error
			buf = binary.LittleEndian.AppendUint64(buf[:0], uint64(proto.Size(list)))
			if buf, err = (proto.MarshalOptions{}).MarshalAppend(buf, list); err != nil {
				return fmt.Errorf("encode records: %w", err)
			}
			if _, err := w.Write(buf); err != nil {
				return err
			}
			list.Kv, size = list.Kv[:0], 0
			return nil
		}
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			val, err := item.ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("read %s: %w", item.Key(), err)
			}
			kv := &pb.KV{Key: item.KeyCopy(nil), Value: val, Version: item.Version(), ExpiresAt: item.ExpiresAt()}
			if um := item.UserMeta(); um != 0 {
				kv.UserMeta = []byte{um}
			}
			counts.add(kv.Key)
			list.Kv = append(list.Kv, kv)
			if size += len(kv.Key) + len(val); size >= frameTarget {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
}

// loadOptions open a folder being filled from a backup. Its writes are not
// synced one by one: the folder is checked and closed (which syncs it)
// before it replaces anything, and a crash before that only leaves work to
// throw away.
func loadOptions(dir string, key []byte) badger.Options {
	return encryptedOptions(dir, key).WithSyncWrites(false)
}
