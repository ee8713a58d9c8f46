// Package storage keeps Keystone's records in one Badger folder: it opens and
// tunes the database for a desktop, guards the folder against a second window,
// lays out keys so one prefix scan loads an account's workspace, enforces the
// record envelope (revisions, timestamps, tombstones) on every write, and runs
// schema migrations on open.
//
// Every write goes through Store.Update (or Store.Bulk for loading new
// records), so a change feed can later hook in at one place.
package storage
