package storage

import "bytes"

// Key layout. Account records sit side by side under "acct/" so the account
// list is one contiguous scan; each account's children sit under its own
// "ws/<id>/" prefix so a workspace loads with one prefix scan. (Keeping the
// children under "acct/<id>/" interleaved them with the accounts: listing
// 2,000 accounts then cost a seek per account, ~30 ms at size L.) Records
// that belong to no account live under "g/". IDs are ULIDs and never contain
// '/', which the layout relies on.
const (
	accountRoot   = "acct/"
	workspaceRoot = "ws/"
	globalRoot    = "g/"
	schemaKey     = "meta/schema"
)

// AccountKey is "acct/<id>".
func AccountKey(id string) []byte { return join(accountRoot, id) }

// AccountPrefix is "ws/<id>/": every child of the account.
func AccountPrefix(accountID string) []byte { return join(workspaceRoot, accountID, "/") }

// WorkspacesPrefix is "ws/": the children of every account.
func WorkspacesPrefix() []byte { return []byte(workspaceRoot) }

// ChildKey is "ws/<accountID>/<kind>/<id>".
func ChildKey(accountID, kind, id string) []byte {
	return join(workspaceRoot, accountID, "/", kind, "/", id)
}

// ChildPrefix is "ws/<accountID>/<kind>/".
func ChildPrefix(accountID, kind string) []byte {
	return join(workspaceRoot, accountID, "/", kind, "/")
}

// GlobalKey is "g/<kind>/<id>", for records not under an account.
func GlobalKey(kind, id string) []byte { return join(globalRoot, kind, "/", id) }

// GlobalPrefix is "g/<kind>/".
func GlobalPrefix(kind string) []byte { return join(globalRoot, kind, "/") }

// join builds a fresh slice each time: Badger holds on to keys until commit.
func join(parts ...string) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// idFromKey is the last key segment, which is the record's ID for every
// key this package builds.
func idFromKey(key []byte) string {
	return string(key[bytes.LastIndexByte(key, '/')+1:])
}
