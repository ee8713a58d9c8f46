package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"keystone/app/transfer"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/storage"
)

// kindExtRef records which Keystone record another system's id was
// imported into (Salesforce's Account ID, HubSpot's Record ID), so the next
// import of that system's file updates the same record even after its name
// changed on either side. It lives under g/ and travels in the JSON export
// like any other record.
const kindExtRef = "extref"

type extRef struct {
	record.Meta
	Kind     string `json:"kind"`     // the table kind: accounts, contacts, activities, opportunities
	External string `json:"external"` // the other system's id, as its file has it
	Key      string `json:"key"`      // the store key of the Keystone record
}

// extRefID keys a ref by kind and external id; hashed, because an external
// id may hold any character and keys must not hold '/'.
func extRefID(kind, external string) string {
	sum := sha256.Sum256([]byte(kind + "\x00" + external))
	return hex.EncodeToString(sum[:16])
}

// externalOf reads a row's external id and refuses one an earlier row of
// the file already had.
func (im *tableImport) externalOf(c transfer.Cells) (string, bool) {
	ext, _ := c.Get("externalId")
	if ext == "" {
		return "", true
	}
	h := im.hash("\x00ext\x00" + ext)
	if first, dup := im.extSeen[h]; dup {
		im.problem(c.Line, "externalId", fault.Issue{Field: "externalId", Rule: "duplicate_row", Params: map[string]any{"row": int(first)},
			Message: fmt.Sprintf("row %d already has the external ID %s", first, ext)})
		return "", false
	}
	im.extSeen[h] = int32(c.Line)
	return ext, true
}

// lookupExt returns the ref an earlier import made for ext, nil for none.
func (im *tableImport) lookupExt(ext string) (*extRef, error) {
	if ext == "" {
		return nil, nil
	}
	raw, err := im.tx.RawGet(storage.GlobalKey(kindExtRef, extRefID(im.p.Kind, ext)))
	if err != nil || raw == nil {
		return nil, err
	}
	var ref extRef
	if err := json.Unmarshal(raw, &ref); err != nil {
		return nil, fmt.Errorf("external id %s: %w", ext, err)
	}
	return &ref, nil
}

// refTarget is the key a ref names, parsed; ok is false for no ref.
func refTarget(ref *extRef) (transfer.Key, bool) {
	if ref == nil {
		return transfer.Key{}, false
	}
	k, err := transfer.ParseKey(ref.Key)
	return k, err == nil
}

// linkExt stages the ref from ext to the record at key when it is new or
// named another record.
func (im *tableImport) linkExt(ext string, ref *extRef, key []byte) error {
	if ext == "" || (ref != nil && ref.Key == string(key)) {
		return nil
	}
	next := extRef{Kind: im.p.Kind, External: ext, Key: string(key)}
	next.ID = extRefID(im.p.Kind, ext)
	if ref != nil {
		envelope(&next.Meta, &ref.Meta, im.now)
	} else {
		envelope(&next.Meta, nil, im.now)
	}
	return im.stage(storage.GlobalKey(kindExtRef, next.ID), &next)
}
