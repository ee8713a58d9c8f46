package storage

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/crypto/argon2"

	"keystone/core/fault"
)

// KeyFileName is the small file beside the data that makes a folder
// encrypted. It holds a random data key (Badger's encryption key), wrapped
// with a key derived from the passphrase by Argon2id, plus the salt and
// parameters. Changing the passphrase rewrites only this file; losing it (or
// the passphrase) loses the data, which is the point.
const KeyFileName = "keystone.key"

const (
	keyFileFormat  = "keystone-key"
	keyFileVersion = 1
	dataKeyBytes   = 32 // AES-256
	wrapCipher     = "aes-256-gcm"
)

// kdfParams are Argon2id's costs. The defaults are RFC 9106's second
// recommended setting (t=3, 64 MiB): about a tenth of a second on a laptop,
// once per unlock. They are stored in the key file, so they can rise later
// without breaking older folders.
type kdfParams struct {
	Name      string `json:"name"`
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memoryKiB"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
}

var defaultKDF = kdfParams{Name: "argon2id", Time: 3, MemoryKiB: 64 << 10, Threads: 4}

// keyFile is KeyFileName's content (JSON; []byte fields are base64).
type keyFile struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	KDF        kdfParams `json:"kdf"`
	Cipher     string    `json:"cipher"`
	Nonce      []byte    `json:"nonce"`
	WrappedKey []byte    `json:"wrappedKey"`
	ChangedAt  time.Time `json:"changedAt"`
}

// folderKey is an unwrapped data key with the key file it came from.
type folderKey struct {
	data []byte
	file *keyFile
}

// newFolderKey makes a random data key wrapped with passphrase.
func newFolderKey(passphrase string, now time.Time) (*folderKey, error) {
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	data := make([]byte, dataKeyBytes)
	if _, err := rand.Read(data); err != nil {
		return nil, fmt.Errorf("storage: random data key: %w", err)
	}
	kf, err := wrapKey(data, passphrase, now)
	if err != nil {
		return nil, err
	}
	return &folderKey{data: data, file: kf}, nil
}

// MinPassphrase is the shortest passphrase accepted, in characters.
const MinPassphrase = 8

func checkPassphrase(p string) error {
	if n := len([]rune(p)); n < MinPassphrase {
		return &fault.Error{Code: fault.Invalid, Rule: "passphrase_short", Field: "passphrase",
			Params:  map[string]any{"min": MinPassphrase, "len": n},
			Message: fmt.Sprintf("The passphrase needs at least %d characters (it has %d).", MinPassphrase, n)}
	}
	return nil
}

func wrapKey(data []byte, passphrase string, now time.Time) (*keyFile, error) {
	kdf := defaultKDF
	kdf.Salt = make([]byte, 16)
	if _, err := rand.Read(kdf.Salt); err != nil {
		return nil, fmt.Errorf("storage: random salt: %w", err)
	}
	aead, err := kdf.aead(passphrase)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("storage: random nonce: %w", err)
	}
	kf := &keyFile{Format: keyFileFormat, Version: keyFileVersion, KDF: kdf, Cipher: wrapCipher, Nonce: nonce, ChangedAt: now.UTC()}
	kf.WrappedKey = aead.Seal(nil, nonce, data, kf.additional())
	return kf, nil
}

// additional binds the wrapped key to the parameters it was made with, so
// an edited key file fails to open rather than deriving a different key.
func (kf *keyFile) additional() []byte {
	return fmt.Appendf(nil, "%s/%d/%s/%d/%d/%d", kf.Format, kf.Version, kf.KDF.Name, kf.KDF.Time, kf.KDF.MemoryKiB, kf.KDF.Threads)
}

func (k kdfParams) aead(passphrase string) (cipher.AEAD, error) {
	if k.Name != "argon2id" || k.Time == 0 || k.MemoryKiB == 0 || k.Threads == 0 || len(k.Salt) < 8 {
		return nil, fault.New(fault.Invalid, "bad_key_file", "the key file's key derivation settings are not usable")
	}
	kek := argon2.IDKey([]byte(passphrase), k.Salt, k.Time, k.MemoryKiB, k.Threads, 32)
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, fmt.Errorf("storage: key cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

// unlock unwraps the data key; a wrong passphrase fails GCM's check.
func (kf *keyFile) unlock(passphrase string) (*folderKey, error) {
	if passphrase == "" {
		return nil, &fault.Error{Code: fault.Invalid, Rule: RulePassphraseRequired, Field: "passphrase",
			Message: "The data is encrypted: its passphrase is needed."}
	}
	aead, err := kf.KDF.aead(passphrase)
	if err != nil {
		return nil, err
	}
	if len(kf.Nonce) != aead.NonceSize() {
		return nil, fault.New(fault.Invalid, "bad_key_file", "the key file is damaged (its nonce has %d bytes)", len(kf.Nonce))
	}
	data, err := aead.Open(nil, kf.Nonce, kf.WrappedKey, kf.additional())
	if err != nil {
		return nil, wrongPassphraseError()
	}
	if len(data) != dataKeyBytes {
		return nil, fault.New(fault.Invalid, "bad_key_file", "the key file holds a key of %d bytes", len(data))
	}
	return &folderKey{data: data, file: kf}, nil
}

// readKeyFile reads dir's key file; nil when the folder is not encrypted.
func readKeyFile(dir string) (*keyFile, error) {
	b, err := os.ReadFile(filepath.Join(dir, KeyFileName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("storage: read key file: %w", err)
	}
	return parseKeyFile(b)
}

func parseKeyFile(b []byte) (*keyFile, error) {
	var kf keyFile
	if err := json.Unmarshal(b, &kf); err != nil || kf.Format != keyFileFormat {
		return nil, fault.Wrap(fault.Invalid, "bad_key_file", err, "the data folder's key file (%s) is damaged", KeyFileName)
	}
	if kf.Version > keyFileVersion {
		return nil, &fault.Error{Code: fault.NewerSchema, Rule: "newer_key_file", Params: map[string]any{"found": kf.Version, "supported": keyFileVersion},
			Message: fmt.Sprintf("The key file was written by a newer Keystone (version %d); update Keystone to open it.", kf.Version)}
	}
	if kf.Cipher != wrapCipher {
		return nil, fault.New(fault.Invalid, "bad_key_file", "the key file uses an unknown cipher %q", kf.Cipher)
	}
	return &kf, nil
}

// writeKeyFile replaces dir's key file atomically: a crash leaves the old
// file or the new one, never half of one.
func writeKeyFile(dir string, kf *keyFile) error {
	b, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return fmt.Errorf("storage: encode key file: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, KeyFileName), b)
}

func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("storage: write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("storage: write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("storage: sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("storage: write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("storage: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("storage: write %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir durable (a no-op where directories cannot be
// opened for sync).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}

// IsEncrypted reports whether the folder dir is encrypted (has a key file).
func IsEncrypted(dir string) bool { return exists(filepath.Join(dir, KeyFileName)) }
