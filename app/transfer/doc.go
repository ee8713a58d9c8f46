// Package transfer moves data in and out of Keystone as files: the
// portable JSON export of every record (format.go, records.go) and the
// tables of accounts, contacts, activities and opportunities as CSV or
// Excel (table.go, fields.go, convert.go), with the encoding detection,
// the proposed column mapping and the problems a preview lists.
//
// It knows nothing of the store or the desktop shell: the app layer feeds
// it bytes and stored records and writes what it returns in one staged
// change (storage.ApplyStaged), so an import is all or nothing.
package transfer
