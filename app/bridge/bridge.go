// Package bridge serves the bound services over HTTP for browser mode:
// POST /api/<Service>/<Method> with the JSON argument array as body, the same
// shapes Wails uses. It answers only on loopback, with a per-run token and a
// Host check, and never cross-origin.
package bridge

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"keystone/core/fault"
)

// TokenHeader carries the per-run token on every API call.
const TokenHeader = "X-Keystone-Token"

// maxBody bounds a request body; the largest call (an import) stays well below.
const maxBody = 32 << 20

var errorType = reflect.TypeFor[error]()

type method struct {
	fn     reflect.Value
	params []reflect.Type
}

// Bridge is the HTTP handler.
type Bridge struct {
	token     string
	services  map[string]map[string]method
	assets    http.Handler
	index     []byte
	formatErr func(error) any
	allowed   func(host string) bool
}

// NewToken returns a fresh random token.
func NewToken() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("no randomness for the bridge token: %v", err))
	}
	return hex.EncodeToString(b)
}

// New exposes every exported method of each service (pointers to structs).
// assets is the built frontend (index.html at its root); formatErr shapes errors.
func New(services []any, token string, assets fs.FS, formatErr func(error) any) (*Bridge, error) {
	if len(token) < 16 {
		return nil, fmt.Errorf("bridge token too short")
	}
	b := &Bridge{token: token, services: map[string]map[string]method{}, formatErr: formatErr, allowed: func(string) bool { return false }}
	for _, s := range services {
		v := reflect.ValueOf(s)
		name := reflect.Indirect(v).Type().Name()
		ms := map[string]method{}
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Type().Method(i)
			ft := m.Type
			if ft.NumOut() == 0 || ft.NumOut() > 2 || (ft.NumOut() == 2 && ft.Out(1) != errorType) {
				continue // Wails binds the same shapes: (T), (error), (T, error)
			}
			params := make([]reflect.Type, 0, ft.NumIn()-1)
			for j := 1; j < ft.NumIn(); j++ {
				params = append(params, ft.In(j))
			}
			ms[m.Name] = method{fn: v.Method(i), params: params}
		}
		b.services[name] = ms
	}
	if assets != nil {
		idx, err := fs.ReadFile(assets, "index.html")
		if err == nil {
			b.index = idx
		}
		b.assets = http.FileServer(http.FS(assets))
	}
	return b, nil
}

// AllowHosts sets the Host header values accepted (e.g. "127.0.0.1:7420").
func (b *Bridge) AllowHosts(hosts ...string) {
	set := map[string]bool{}
	for _, h := range hosts {
		set[strings.ToLower(h)] = true
	}
	b.allowed = func(h string) bool { return set[strings.ToLower(h)] }
}

// LoopbackHosts are the Host values a browser sends for a loopback address.
func LoopbackHosts(addr net.Addr) []string {
	_, port, _ := net.SplitHostPort(addr.String())
	return []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}
}

// Services lists service names and their methods, sorted.
func (b *Bridge) Services() map[string][]string {
	out := map[string][]string{}
	for s, ms := range b.services {
		names := make([]string, 0, len(ms))
		for m := range ms {
			names = append(names, m)
		}
		sort.Strings(names)
		out[s] = names
	}
	return out
}

func (b *Bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !b.allowed(r.Host) {
		http.Error(w, "unknown host", http.StatusMisdirectedRequest)
		return
	}
	// No CORS headers are ever sent; a request that says it comes from
	// another site is refused before it reaches a service.
	if origin := r.Header.Get("Origin"); origin != "" && !b.sameOrigin(origin) {
		http.Error(w, "cross-origin requests are refused", http.StatusForbidden)
		return
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		http.Error(w, "cross-site requests are refused", http.StatusForbidden)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
		b.serveAPI(w, r)
		return
	}
	b.serveAsset(w, r)
}

func (b *Bridge) sameOrigin(origin string) bool {
	for _, scheme := range []string{"http://", "https://"} {
		if strings.HasPrefix(origin, scheme) && b.allowed(strings.TrimPrefix(origin, scheme)) {
			return true
		}
	}
	return false
}

func (b *Bridge) serveAPI(w http.ResponseWriter, r *http.Request) {
	got := r.Header.Get(TokenHeader)
	if subtle.ConstantTimeCompare([]byte(got), []byte(b.token)) != 1 {
		writeJSON(w, http.StatusUnauthorized, fault.New(fault.Invalid, "token", "missing or wrong access token; open the address Keystone printed"))
		return
	}
	if r.URL.Path == "/api" {
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"services": b.Services()})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/"), "/")
	if len(parts) != 2 {
		writeJSON(w, http.StatusNotFound, fault.New(fault.NotFound, "no_method", "no such service method %q", r.URL.Path))
		return
	}
	m, ok := b.services[parts[0]][parts[1]]
	if !ok {
		writeJSON(w, http.StatusNotFound, fault.New(fault.NotFound, "no_method", "no such service method %s.%s", parts[0], parts[1]))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(body) > maxBody {
		writeJSON(w, http.StatusRequestEntityTooLarge, fault.New(fault.Invalid, "too_large", "request body unreadable or larger than %d bytes", maxBody))
		return
	}
	args, err := decodeArgs(body, m.params)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, fault.Wrap(fault.Invalid, "bad_arguments", err, "arguments of %s.%s do not fit: %v", parts[0], parts[1], err))
		return
	}
	out := m.fn.Call(args)
	if last := out[len(out)-1]; last.Type() == errorType {
		if !last.IsNil() {
			err := last.Interface().(error)
			writeJSON(w, statusOf(err), b.formatErr(err))
			return
		}
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		writeJSON(w, http.StatusOK, nil)
		return
	}
	writeJSON(w, http.StatusOK, out[0].Interface())
}

// decodeArgs reads a JSON array into the method's parameter types; missing
// trailing arguments take zero values, as they do in Wails.
func decodeArgs(body []byte, params []reflect.Type) ([]reflect.Value, error) {
	var raw []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, fmt.Errorf("body must be a JSON array of arguments: %w", err)
		}
	}
	if len(raw) > len(params) {
		return nil, fmt.Errorf("got %d arguments, want %d", len(raw), len(params))
	}
	args := make([]reflect.Value, len(params))
	for i, p := range params {
		v := reflect.New(p)
		if i < len(raw) {
			if err := json.Unmarshal(raw[i], v.Interface()); err != nil {
				return nil, fmt.Errorf("argument %d: %w", i+1, err)
			}
		}
		args[i] = v.Elem()
	}
	return args, nil
}

func statusOf(err error) int {
	switch fault.CodeOf(err) {
	case fault.Invalid:
		return http.StatusUnprocessableEntity
	case fault.NotFound:
		return http.StatusNotFound
	case fault.Conflict:
		return http.StatusConflict
	case fault.Locked:
		return http.StatusLocked
	default:
		return http.StatusInternalServerError
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serveAsset serves the built UI, falling back to index.html for the
// client-side routes.
func (b *Bridge) serveAsset(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if b.assets == nil {
		http.Error(w, "the UI is not built; run make build", http.StatusNotFound)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/")
	if path == "" || path == "index.html" || !strings.Contains(path, ".") {
		if b.index == nil {
			http.Error(w, "the UI is not built (frontend/dist/index.html is missing); run make build", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; frame-ancestors 'none'")
		_, _ = w.Write(b.index)
		return
	}
	b.assets.ServeHTTP(w, r)
}
