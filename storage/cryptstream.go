package storage

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The payload of an encrypted folder's backup is sealed in chunks with
// AES-256-GCM under a key derived (HKDF-SHA256) from the folder's data key
// and a random salt per backup. Each chunk's nonce is its number with a
// last-chunk flag (the STREAM construction), so a chunk moved, dropped or cut
// off fails to open instead of restoring part of the data.
const (
	streamChunk = 64 << 10
	streamInfo  = "keystone backup payload v1"
)

// StreamCipher is what the manifest says about an encrypted payload.
type StreamCipher struct {
	Name      string `json:"name"` // "aes-256-gcm-stream"
	Salt      []byte `json:"salt"`
	ChunkSize int    `json:"chunkSize"`
}

const streamCipherName = "aes-256-gcm-stream"

func streamAEAD(dataKey []byte, c StreamCipher) (cipher.AEAD, error) {
	if c.Name != streamCipherName || c.ChunkSize <= 0 || c.ChunkSize > 16<<20 || len(c.Salt) < 16 {
		return nil, fmt.Errorf("unknown payload cipher %q", c.Name)
	}
	key, err := hkdf.Key(sha256.New, dataKey, c.Salt, streamInfo, 32)
	if err != nil {
		return nil, fmt.Errorf("storage: derive backup key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("storage: backup cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

func chunkNonce(n uint64, last bool) []byte {
	nonce := make([]byte, 12)
	binary.BigEndian.PutUint64(nonce[3:11], n)
	if last {
		nonce[11] = 1
	}
	return nonce
}

// sealWriter encrypts what is written to it in chunks; Close seals the
// last (possibly empty) chunk and must be called.
type sealWriter struct {
	w    io.Writer
	aead cipher.AEAD
	buf  []byte
	out  []byte
	n    uint64
	size int
}

func newSealWriter(w io.Writer, aead cipher.AEAD, chunk int) *sealWriter {
	return &sealWriter{w: w, aead: aead, size: chunk, buf: make([]byte, 0, chunk)}
}

func (s *sealWriter) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		take := min(s.size-len(s.buf), len(p))
		s.buf = append(s.buf, p[:take]...)
		p = p[take:]
		written += take
		// A full chunk is sealed only when more follows, so the last chunk
		// is always the one Close seals with the flag.
		if len(s.buf) == s.size && len(p) > 0 {
			if err := s.seal(false); err != nil {
				return written, err
			}
		}
	}
	return written, nil
}

func (s *sealWriter) seal(last bool) error {
	s.out = s.aead.Seal(s.out[:0], chunkNonce(s.n, last), s.buf, nil)
	s.n++
	s.buf = s.buf[:0]
	_, err := s.w.Write(s.out)
	return err
}

func (s *sealWriter) Close() error {
	if len(s.buf) == s.size {
		// a full pending chunk that turned out not to be last
		if err := s.seal(false); err != nil {
			return err
		}
	}
	return s.seal(true)
}

// errSealBroken is any failure to open a chunk: tampering, truncation or the
// wrong key look the same from here.
var errSealBroken = errors.New("the encrypted payload does not open: it was changed or cut short")

// openReader decrypts a sealWriter's output and fails unless the stream ends
// exactly after the last chunk.
type openReader struct {
	r     io.Reader
	aead  cipher.AEAD
	in    []byte
	plain []byte
	n     uint64
	done  bool
	peek  []byte
}

func newOpenReader(r io.Reader, aead cipher.AEAD, chunk int) *openReader {
	return &openReader{r: r, aead: aead, in: make([]byte, chunk+aead.Overhead())}
}

func (o *openReader) Read(p []byte) (int, error) {
	for len(o.plain) == 0 {
		if o.done {
			return 0, io.EOF
		}
		if err := o.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, o.plain)
	o.plain = o.plain[n:]
	return n, nil
}

func (o *openReader) next() error {
	buf := o.in[:0]
	buf = append(buf, o.peek...)
	o.peek = o.peek[:0]
	k, err := io.ReadFull(o.r, o.in[len(buf):cap(o.in)])
	buf = o.in[:len(buf)+k]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	last := err != nil // short read: nothing follows
	if !last {
		// a full chunk: it is the last one only if nothing follows
		var one [1]byte
		m, perr := io.ReadFull(o.r, one[:])
		if perr != nil && !errors.Is(perr, io.EOF) {
			return perr
		}
		if m == 0 {
			last = true
		} else {
			o.peek = append(o.peek, one[0])
		}
	}
	plain, oerr := o.aead.Open(buf[:0:0], chunkNonce(o.n, last), buf, nil)
	if oerr != nil {
		return errSealBroken
	}
	o.n++
	o.plain = plain
	o.done = last
	return nil
}
