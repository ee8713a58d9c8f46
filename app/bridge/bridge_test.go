package bridge_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/app"
	"keystone/app/bridge"
	"keystone/core/calendar"
	"keystone/storage"
)

const token = "0123456789abcdef0123456789abcdef"

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	clock := calendar.Fixed{T: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	st, err := storage.Open(t.TempDir(), storage.Options{Clock: clock})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	a := app.New(st, clock)
	assets := fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>Keystone</title>")},
		"assets/app-1.js":  {Data: []byte("console.log('ks')")},
		"assets/style.css": {Data: []byte("body{}")},
	}
	br, err := bridge.New(a.Bindings(), token, assets, app.FormatError)
	require.NoError(t, err)
	srv := httptest.NewServer(br)
	br.AllowHosts(strings.TrimPrefix(srv.URL, "http://"))
	t.Cleanup(srv.Close)
	return srv
}

type call struct {
	method, path, body string
	header             map[string]string
}

func do(t *testing.T, srv *httptest.Server, c call) (int, []byte) {
	t.Helper()
	status, body, _ := doH(t, srv, c)
	return status, body
}

func doH(t *testing.T, srv *httptest.Server, c call) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
	require.NoError(t, err)
	for k, v := range c.header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, b, res.Header
}

func TestBridgeRefusals(t *testing.T) {
	srv := newServer(t)
	ok := map[string]string{bridge.TokenHeader: token}
	tests := []struct {
		name   string
		c      call
		status int
	}{
		{"no token", call{"POST", "/api/DataService/Info", "[]", nil}, http.StatusUnauthorized},
		{"wrong token", call{"POST", "/api/DataService/Info", "[]", map[string]string{bridge.TokenHeader: strings.Repeat("x", 32)}}, http.StatusUnauthorized},
		{"foreign host (DNS rebinding)", call{"POST", "/api/DataService/Info", "[]", map[string]string{bridge.TokenHeader: token, "Host": "evil.example:80"}}, http.StatusMisdirectedRequest},
		{"cross origin", call{"POST", "/api/DataService/Info", "[]", map[string]string{bridge.TokenHeader: token, "Origin": "http://evil.example"}}, http.StatusForbidden},
		{"cross site fetch", call{"POST", "/api/DataService/Info", "[]", map[string]string{bridge.TokenHeader: token, "Sec-Fetch-Site": "cross-site"}}, http.StatusForbidden},
		{"GET a method", call{"GET", "/api/DataService/Info", "", ok}, http.StatusMethodNotAllowed},
		{"unknown method", call{"POST", "/api/DataService/Drop", "[]", ok}, http.StatusNotFound},
		{"unknown service", call{"POST", "/api/Nope/Info", "[]", ok}, http.StatusNotFound},
		{"not an array", call{"POST", "/api/AccountService/Get", `{"id":1}`, ok}, http.StatusBadRequest},
		{"too many args", call{"POST", "/api/AccountService/Get", `["a","b"]`, ok}, http.StatusBadRequest},
		{"wrong arg type", call{"POST", "/api/AccountService/Get", `[42]`, ok}, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, header := doH(t, srv, tt.c)
			assert.Equal(t, tt.status, status, string(body))
			assert.Empty(t, header.Get("Access-Control-Allow-Origin"), "no CORS header is ever sent")
		})
	}
}

func TestBridgeCallsServices(t *testing.T) {
	srv := newServer(t)
	h := map[string]string{bridge.TokenHeader: token}

	status, body := do(t, srv, call{"GET", "/api", "", h})
	require.Equal(t, http.StatusOK, status)
	var listing struct {
		Services map[string][]string `json:"services"`
	}
	require.NoError(t, json.Unmarshal(body, &listing))
	assert.Contains(t, listing.Services["AccountService"], "Create")
	assert.Contains(t, listing.Services["AccountService"], "Workspace")
	assert.Contains(t, listing.Services["SettingsService"], "SavePreferences")
	assert.Contains(t, listing.Services["DataService"], "LoadSample")
	assert.Contains(t, listing.Services["ActionService"], "Mine")
	assert.Contains(t, listing.Services["PlanService"], "RollForward")

	status, body = do(t, srv, call{"POST", "/api/AccountService/Create", `[{"name":"华南新材料有限公司","currency":"CNY","country":"CN"}]`, h})
	require.Equal(t, http.StatusOK, status, string(body))
	var acc struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Rev  int    `json:"rev"`
	}
	require.NoError(t, json.Unmarshal(body, &acc))
	assert.Equal(t, "华南新材料有限公司", acc.Name)
	assert.Equal(t, 1, acc.Rev)

	// A validation error arrives with its code, field and rule, status 422.
	status, body = do(t, srv, call{"POST", "/api/AccountService/Create", `[{"name":"","currency":"CNY"}]`, h})
	assert.Equal(t, http.StatusUnprocessableEntity, status)
	var fe struct {
		Code, Field, Rule, Message string
		Issues                     []map[string]any
	}
	require.NoError(t, json.Unmarshal(body, &fe))
	assert.Equal(t, "invalid", fe.Code)
	assert.Equal(t, "name", fe.Field)
	assert.Equal(t, "required", fe.Rule)
	assert.NotEmpty(t, fe.Issues)

	// A stale rev is a 409 conflict.
	status, _ = do(t, srv, call{"POST", "/api/AccountService/Archive", `["` + acc.ID + `", 7]`, h})
	assert.Equal(t, http.StatusConflict, status)

	// Void methods answer null; missing trailing args are zero values.
	status, body = do(t, srv, call{"POST", "/api/AccountService/List", `[]`, h})
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, string(body), "华南新材料有限公司")

	status, body = do(t, srv, call{"POST", "/api/AccountService/Get", `["01JD0000000000000000000000"]`, h})
	assert.Equal(t, http.StatusNotFound, status, string(body))
}

func TestBridgeServesUI(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		path, want string
		status     int
	}{
		{"/", "<title>Keystone</title>", 200},
		{"/accounts/01JD0000000000000000000000", "<title>Keystone</title>", 200}, // client-side route
		{"/assets/app-1.js", "console.log", 200},
		{"/assets/missing.js", "", 404},
	}
	for _, tt := range tests {
		status, body := do(t, srv, call{"GET", tt.path, "", nil})
		assert.Equal(t, tt.status, status, tt.path)
		assert.Contains(t, string(body), tt.want, tt.path)
	}
	status, _ := do(t, srv, call{"GET", "/", "", map[string]string{"Host": "attacker.test"}})
	assert.Equal(t, http.StatusMisdirectedRequest, status)
}
