package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"slices"
	"strings"
	"time"

	"keystone/app/transfer"
	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/storage"
)

// tableImport imports one table of accounts, contacts, activities or
// opportunities. Rows stream through: each is read, mapped, checked with
// the core's validation against what the store holds and, when writing,
// staged at once; what stays in memory is bounded by the store (the
// records rows may match), not by the file.
type tableImport struct {
	store *storage.Store
	now   time.Time
	today calendar.Date
	opt   ImportOptions

	p       transfer.Preview
	mapping []string
	colOf   map[string]int // field -> column
	tx      *storage.Tx
	st      *storage.Stager // nil in a preview

	set        opportunity.Settings
	deals      *transfer.Deals
	setVersion int

	seed     maphash.Seed
	extSeen  map[uint64]int32 // external ids of the rows so far (hashed) -> row
	accounts *accountIndex
	children map[string]*childIndex // by account id
	written  int
}

// accountIndex finds accounts by id and by name (+ country).
type accountIndex struct {
	byID   map[string]*account.Account
	byName map[string][]*account.Account
	fresh  map[string]int // key of an account this file creates -> its row
}

// childIndex holds one account's existing children of the imported kind,
// each under its match key, and what this import did to them.
type childIndex struct {
	acc   *account.Account
	byKey map[string]*child
	byID  map[string]*child
	// fresh holds, by a hash of the match key, the row of each record this
	// file creates: about 16 bytes a row, the one part of memory that grows
	// with the file (it finds a row repeated further down).
	fresh    map[uint64]int32
	touched  bool
	created  int           // new live contacts
	lastDate calendar.Date // latest date of a new or changed activity
}

type child struct {
	raw  []byte        // the stored value, until a row has used it
	date calendar.Date // activities: the date now
	live bool
	line int // the row of this file that created or changed it
}

func (im *tableImport) run(format string, r io.ReaderAt, size int64, dryRun bool) (transfer.Preview, int, error) {
	im.p = transfer.Preview{Format: format, Problems: []transfer.Problem{}, BadRows: []int{}}
	im.seed = maphash.MakeSeed()
	im.extSeen = map[uint64]int32{}
	if format == transfer.FormatXLSX {
		sheets, err := transfer.Sheets(r, size)
		if err != nil {
			return im.p, 0, err
		}
		im.p.Sheets = sheets
	}
	tab, enc, err := transfer.OpenTable(format, r, size, transfer.TableOptions{Encoding: im.opt.Encoding, Sheet: im.opt.Sheet})
	if err != nil {
		return im.p, 0, err
	}
	defer tab.Close()
	im.p.Encoding = enc
	im.p.Sheet = im.opt.Sheet
	if format == transfer.FormatXLSX && im.p.Sheet == "" && len(im.p.Sheets) > 0 {
		im.p.Sheet = im.p.Sheets[0]
	}
	header := tab.Header()
	kind := im.opt.Kind
	if kind == "" {
		kind = transfer.GuessKind(header)
	}
	if transfer.Fields(kind) == nil {
		return im.p, 0, &fault.Error{Code: fault.Invalid, Field: "kind", Rule: "unknown_value", Params: map[string]any{"value": kind, "allowed": transfer.TableKinds},
			Message: fmt.Sprintf("%q is not a kind of record a table can hold (%s)", kind, strings.Join(transfer.TableKinds, ", "))}
	}
	im.p.Kind, im.p.Fields, im.p.MatchKey = kind, transfer.Fields(kind), matchKeys[kind]
	if err := im.setMapping(header); err != nil {
		return im.p, 0, err
	}
	im.p.MatchExternal = im.mapped("externalId")
	im.p.Columns = make([]transfer.Column, len(header))
	for i, h := range header {
		im.p.Columns[i] = transfer.Column{Header: h, Field: im.mapping[i], Samples: []string{}}
	}
	if kind == transfer.KindOpportunities {
		if im.set, im.setVersion, err = opportunitySettings(im.store); err != nil {
			return im.p, 0, err
		}
		im.deals = transfer.NewDeals(&im.set)
	}
	for _, f := range im.p.Fields {
		if f.Required && !im.mapped(f.Key) && !(f.Key == "name" && (im.mapped("firstName") || im.mapped("lastName"))) {
			im.problem(0, f.Key, fault.Issue{Field: f.Key, Rule: "unmapped", Params: map[string]any{"field": f.Key},
				Message: fmt.Sprintf("no column is mapped to %q, which every row needs", f.Key)})
		}
	}

	errRefused := errors.New("refused")
	scan := func() error {
		return im.store.View(func(tx *storage.Tx) error {
			im.tx = tx
			if err := im.loadAccounts(); err != nil {
				return err
			}
			if err := im.pinSettings(); err != nil {
				return err
			}
			for {
				row, err := tab.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return err
				}
				im.sample(row)
				if len(im.p.Problems) > 0 && im.p.Problems[0].Row == 0 {
					im.p.Rows++ // the mapping is incomplete: only count and sample
					continue
				}
				if err := im.row(tab.Line(), row); err != nil {
					return err
				}
				if im.opt.Progress != nil && im.p.Rows%500 == 0 {
					im.opt.Progress("read", im.p.Rows)
				}
			}
			if im.st != nil {
				if len(im.p.Problems) > 0 && (!im.opt.SkipBad || im.p.Problems[0].Row == 0) {
					return errRefused
				}
				return im.finish()
			}
			return nil
		})
	}
	if dryRun {
		err = scan()
	} else {
		err = im.store.ApplyStaged(func(st *storage.Stager) error { im.st = st; return scan() }, im.writing)
		if errors.Is(err, errRefused) {
			return im.p, 0, problemsError(im.p)
		}
	}
	if err != nil {
		return im.p, 0, err
	}
	if im.p.Rows == 0 {
		return im.p, 0, fault.New(fault.Invalid, "no_rows", "the file has a header row but no data rows")
	}
	return im.p, im.written, nil
}

func (im *tableImport) setMapping(header []string) error {
	if im.opt.Mapping == nil {
		im.mapping = transfer.ProposeMapping(im.p.Kind, header)
	} else {
		if len(im.opt.Mapping) != len(header) {
			return &fault.Error{Code: fault.Invalid, Field: "mapping", Rule: "mapping_length", Params: map[string]any{"columns": len(header), "mapping": len(im.opt.Mapping)},
				Message: fmt.Sprintf("the mapping names %d columns but the file has %d", len(im.opt.Mapping), len(header))}
		}
		im.mapping = slices.Clone(im.opt.Mapping)
	}
	im.colOf = map[string]int{}
	for i, f := range im.mapping {
		if f == transfer.Ignore {
			continue
		}
		if _, ok := fieldOfKind(im.p.Kind, f); !ok {
			return &fault.Error{Code: fault.Invalid, Field: "mapping", Rule: "unknown_field", Params: map[string]any{"column": header[i], "value": f},
				Message: fmt.Sprintf("column %q is mapped to %q, which %s do not have", header[i], f, im.p.Kind)}
		}
		if j, dup := im.colOf[f]; dup {
			return &fault.Error{Code: fault.Invalid, Field: "mapping", Rule: "mapped_twice", Params: map[string]any{"field": f, "first": header[j], "second": header[i]},
				Message: fmt.Sprintf("columns %q and %q are both mapped to %q", header[j], header[i], f)}
		}
		im.colOf[f] = i
	}
	return nil
}

func fieldOfKind(kind, key string) (transfer.Field, bool) {
	for _, f := range transfer.Fields(kind) {
		if f.Key == key {
			return f, true
		}
	}
	return transfer.Field{}, false
}

func (im *tableImport) mapped(f string) bool { _, ok := im.colOf[f]; return ok }

// sample keeps the first values of each column for the mapping step.
func (im *tableImport) sample(row []string) {
	for i := range im.p.Columns {
		c := &im.p.Columns[i]
		if len(c.Samples) < 3 && i < len(row) && strings.TrimSpace(row[i]) != "" {
			v := []rune(strings.TrimSpace(row[i]))
			if len(v) > 60 {
				v = append(v[:60], '…')
			}
			c.Samples = append(c.Samples, string(v))
		}
	}
}

// problem records an issue at a row; the column is found from its field.
func (im *tableImport) problem(line int, fallbackField string, is fault.Issue) {
	field := is.Field
	if field == "" {
		field = fallbackField
	}
	col := ""
	base := field
	if i := strings.IndexByte(base, '['); i > 0 {
		base = base[:i]
	}
	for _, f := range []string{base, fallbackField} {
		if i, ok := im.colOf[f]; ok {
			col = im.p.Columns[i].Header
			break
		}
	}
	if col == "" && base == "name" {
		for _, f := range []string{"lastName", "firstName"} {
			if i, ok := im.colOf[f]; ok {
				col = im.p.Columns[i].Header
			}
		}
	}
	if n := len(im.p.BadRows); n == 0 || im.p.BadRows[n-1] != line {
		if line > 0 {
			if len(im.p.BadRows) < transfer.MaxListed {
				im.p.BadRows = append(im.p.BadRows, line)
			}
			im.p.Skip++
		}
	}
	if len(im.p.Problems) >= transfer.MaxListed {
		im.p.Truncated = true
		return
	}
	im.p.Problems = append(im.p.Problems, transfer.Problem{Row: line, Column: col, Field: field, Rule: is.Rule, Params: is.Params, Message: is.Message})
}

func (im *tableImport) issues(line int, iss []fault.Issue) bool {
	for _, is := range iss {
		im.problem(line, "", is)
	}
	return len(iss) > 0
}

// invalid records a core validation error's issues.
func (im *tableImport) invalid(line int, err error) {
	fe := fault.As(err)
	if len(fe.Issues) == 0 {
		im.problem(line, fe.Field, fault.Issue{Field: fe.Field, Rule: fe.Rule, Params: fe.Params, Message: fe.Message})
		return
	}
	im.issues(line, fe.Issues)
}

func (im *tableImport) loadAccounts() error {
	im.accounts = &accountIndex{byID: map[string]*account.Account{}, byName: map[string][]*account.Account{}, fresh: map[string]int{}}
	im.children = map[string]*childIndex{}
	return im.tx.ScanAccounts(func(_, val []byte) error {
		var a account.Account
		if err := storage.Decode(val, &a); err != nil {
			return err
		}
		im.accounts.byID[a.ID] = &a
		im.accounts.byName[lower(a.Name)] = append(im.accounts.byName[lower(a.Name)], &a)
		return nil
	})
}

func (im *tableImport) row(line int, row []string) error {
	im.p.Rows++
	// A cell a CSV export escaped against formula injection reads as it was.
	for i, v := range row {
		if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
			row[i] = v[1:]
		}
	}
	cells, iss := transfer.NewCells(line, row, im.mapping)
	if im.issues(line, iss) {
		return nil
	}
	switch im.p.Kind {
	case transfer.KindAccounts:
		return im.accountRow(cells)
	case transfer.KindContacts:
		return im.contactRow(cells)
	case transfer.KindActivities:
		return im.activityRow(cells)
	default:
		return im.opportunityRow(cells)
	}
}

// count classifies a row and stages the record when writing.
func (im *tableImport) put(key []byte, old []byte, rec record.Record) (changed bool, err error) {
	m := rec.RecordMeta()
	if old != nil {
		// Compare without the envelope: only a real change is an update.
		var was record.Meta
		if err := json.Unmarshal(old, &was); err != nil {
			return false, err
		}
		saved := *m
		*m = was
		now, err := json.Marshal(rec)
		if err != nil {
			return false, err
		}
		if bytes.Equal(now, old) {
			im.p.Same++
			return false, nil
		}
		*m = saved
		envelope(m, &was, im.now)
		im.p.Update++
	} else {
		envelope(m, nil, im.now)
		im.p.Create++
	}
	return true, im.stage(key, rec)
}

func (im *tableImport) stage(key []byte, rec record.Record) error {
	if im.st == nil {
		return nil
	}
	val, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	im.written++
	return im.st.Put(key, val)
}

// ---- accounts ----

func (im *tableImport) accountRow(c transfer.Cells) error {
	var a account.Account
	var old []byte
	var match *account.Account
	if id, _ := c.Get("id"); id != "" {
		if match = im.accounts.byID[id]; match == nil {
			im.problem(c.Line, "id", fault.Issue{Field: "id", Rule: "not_found", Params: map[string]any{"kind": "account", "id": id},
				Message: fmt.Sprintf("no account has the Keystone ID %s", id)})
			return nil
		}
	}
	ext, ok := im.externalOf(c)
	if !ok {
		return nil
	}
	ref, err := im.lookupExt(ext)
	if err != nil {
		return err
	}
	if k, ok := refTarget(ref); ok && match == nil && k.Kind == account.KindAccount {
		match = im.accounts.byID[k.ID]
	}
	name, _ := c.Get("name")
	country, _ := c.Get("country")
	code, _ := transfer.ParseCountry(country)
	if match == nil {
		var ambiguous bool
		match, ambiguous = im.accounts.find(name, code, im.mapped("country"))
		if ambiguous {
			im.problem(c.Line, "name", fault.Issue{Field: "name", Rule: "ambiguous", Params: map[string]any{"value": name},
				Message: fmt.Sprintf("several accounts are called %q; add a country column or the Keystone ID to tell them apart", name)})
			return nil
		}
	}
	key := lower(name) + "|" + code
	if first, dup := im.accounts.fresh[key]; dup {
		im.problem(c.Line, "name", fault.Issue{Field: "name", Rule: "duplicate_row", Params: map[string]any{"row": first},
			Message: fmt.Sprintf("row %d already holds this account (same name and country)", first)})
		return nil
	}
	if match != nil {
		a = *match
		a.Tags = slices.Clone(a.Tags)
		if old, err = im.tx.RawGet(storage.AccountKey(a.ID)); err != nil {
			return err
		}
	} else {
		a.Meta = record.Meta{ID: record.NewID()}
	}
	if im.issues(c.Line, transfer.ApplyAccount(&a, c)) {
		return nil
	}
	a.Normalize()
	if err := a.Validate(); err != nil {
		im.invalid(c.Line, err)
		return nil
	}
	im.accounts.fresh[key] = c.Line
	if match == nil {
		im.accounts.add(&a)
	}
	if _, err := im.put(storage.AccountKey(a.ID), old, &a); err != nil {
		return err
	}
	return im.linkExt(ext, ref, storage.AccountKey(a.ID))
}

// find looks an account up by name, and by country when the file has one.
func (x *accountIndex) find(name, country string, byCountry bool) (*account.Account, bool) {
	var hits []*account.Account
	for _, a := range x.byName[lower(name)] {
		if !byCountry || a.Country == country {
			hits = append(hits, a)
		}
	}
	switch len(hits) {
	case 0:
		return nil, false
	case 1:
		return hits[0], false
	}
	return nil, true
}

func (x *accountIndex) add(a *account.Account) {
	x.byID[a.ID] = a
	x.byName[lower(a.Name)] = append(x.byName[lower(a.Name)], a)
}

// ---- children ----

// accountOf finds the live account a child row belongs to.
func (im *tableImport) accountOf(c transfer.Cells) *account.Account {
	ref, _ := c.Get("account")
	country, hasCountry := c.Get("accountCountry")
	var a *account.Account
	if record.ValidID(ref) {
		a = im.accounts.byID[ref]
	}
	if a == nil {
		code := ""
		if hasCountry && country != "" {
			var err error
			if code, err = transfer.ParseCountry(country); err != nil {
				im.problem(c.Line, "accountCountry", fault.Issue{Field: "accountCountry", Rule: "invalid_country", Params: map[string]any{"value": country}, Message: err.Error()})
				return nil
			}
		}
		var ambiguous bool
		a, ambiguous = im.accounts.find(ref, code, code != "")
		if ambiguous {
			im.problem(c.Line, "account", fault.Issue{Field: "account", Rule: "ambiguous", Params: map[string]any{"value": ref},
				Message: fmt.Sprintf("several accounts are called %q; add the account's country to tell them apart", ref)})
			return nil
		}
	}
	if a == nil || a.Deleted() {
		im.problem(c.Line, "account", fault.Issue{Field: "account", Rule: "account_not_found", Params: map[string]any{"value": ref},
			Message: fmt.Sprintf("no account is called %q; import the accounts first", ref)})
		return nil
	}
	return a
}

// childrenOf loads an account's existing children of kind, by match key.
func (im *tableImport) childrenOf(a *account.Account, kind string, keyOf func(raw []byte) (string, calendar.Date, bool, error)) (*childIndex, error) {
	if ci := im.children[a.ID]; ci != nil {
		return ci, nil
	}
	ci := &childIndex{acc: a, byKey: map[string]*child{}, byID: map[string]*child{}, fresh: map[uint64]int32{}}
	err := im.tx.Scan(storage.ChildPrefix(a.ID, kind), func(key, val []byte) error {
		k, date, live, err := keyOf(val)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		ch := &child{raw: bytes.Clone(val), date: date, live: live}
		if live { // an archived record is matched by its Keystone ID only
			ci.byKey[k] = ch
		}
		id := string(key[bytes.LastIndexByte(key, '/')+1:])
		ci.byID[id] = ch
		return nil
	})
	im.children[a.ID] = ci
	return ci, err
}

// matchChild finds the existing child a row updates, refusing a row that
// repeats an earlier one of the file.
func (im *tableImport) matchChild(c transfer.Cells, ci *childIndex, key, what string, ref *extRef) (*child, bool) {
	var ch *child
	if k, ok := refTarget(ref); ok && k.AccountID == ci.acc.ID {
		ch = ci.byID[k.ID] // the record an earlier import of this external id made
	}
	if id, _ := c.Get("id"); id != "" {
		if ch = ci.byID[id]; ch == nil {
			im.problem(c.Line, "id", fault.Issue{Field: "id", Rule: "not_found", Params: map[string]any{"kind": im.p.Kind, "id": id},
				Message: fmt.Sprintf("%s has nothing with the Keystone ID %s", ci.acc.Name, id)})
			return nil, false
		}
	} else if ch == nil {
		ch = ci.byKey[key]
		if line, dup := ci.fresh[im.hash(key)]; dup && ch == nil {
			ch = &child{line: int(line)}
		}
	}
	if ch != nil && ch.line > 0 {
		im.problem(c.Line, "", fault.Issue{Rule: "duplicate_row", Params: map[string]any{"row": ch.line},
			Message: fmt.Sprintf("row %d already holds this %s", ch.line, what)})
		return nil, false
	}
	return ch, true
}

func (im *tableImport) hash(key string) uint64 { return maphash.String(im.seed, key) }

func (im *tableImport) contactRow(c transfer.Cells) error {
	a := im.accountOf(c)
	if a == nil {
		return nil
	}
	ci, err := im.childrenOf(a, account.KindContact, func(raw []byte) (string, calendar.Date, bool, error) {
		var p account.Contact
		err := json.Unmarshal(raw, &p)
		return lower(p.Name), "", !p.Deleted(), err
	})
	if err != nil {
		return err
	}
	var p account.Contact
	tmp := p
	transfer.ApplyContact(&tmp, c)
	ext, ok := im.externalOf(c)
	if !ok {
		return nil
	}
	ref, err := im.lookupExt(ext)
	if err != nil {
		return err
	}
	ch, ok := im.matchChild(c, ci, lower(tmp.Name), "contact", ref)
	if !ok {
		return nil
	}
	if ch != nil {
		if err := json.Unmarshal(ch.raw, &p); err != nil {
			return err
		}
	} else {
		p.Meta = record.Meta{ID: record.NewID()}
		p.AccountID = a.ID
	}
	if im.issues(c.Line, transfer.ApplyContact(&p, c)) {
		return nil
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		im.invalid(c.Line, err)
		return nil
	}
	if err := account.CheckReportsTo(p, nil); err != nil {
		im.invalid(c.Line, err)
		return nil
	}
	var old []byte
	if ch != nil {
		old = ch.raw
	}
	im.remember(ci, ch, lower(p.Name), c.Line, "", !p.Deleted())
	changed, err := im.put(storage.ChildKey(a.ID, account.KindContact, p.ID), old, &p)
	ci.touched = ci.touched || changed
	if err != nil {
		return err
	}
	return im.linkExt(ext, ref, storage.ChildKey(a.ID, account.KindContact, p.ID))
}

// remember marks a child as this file's, under its (possibly new) key.
// A new one is only counted: its row under the key's hash, the live ones
// for the account's summary.
func (im *tableImport) remember(ci *childIndex, ch *child, key string, line int, date calendar.Date, live bool) {
	ci.fresh[im.hash(key)] = int32(line)
	if ch == nil {
		if live {
			ci.created++
			if date > ci.lastDate {
				ci.lastDate = date
			}
		}
		return
	}
	ch.line, ch.date, ch.live = line, date, live
	ch.raw = nil // nothing reads it again
	ci.byKey[key] = ch
}

func (im *tableImport) activityRow(c transfer.Cells) error {
	a := im.accountOf(c)
	if a == nil {
		return nil
	}
	keyOf := func(x *account.Activity) string { return string(x.Date) + "|" + lower(x.Subject) }
	ci, err := im.childrenOf(a, account.KindActivity, func(raw []byte) (string, calendar.Date, bool, error) {
		var x account.Activity
		err := json.Unmarshal(raw, &x)
		return keyOf(&x), x.Date, !x.Deleted(), err
	})
	if err != nil {
		return err
	}
	var act account.Activity
	tmp := act
	transfer.ApplyActivity(&tmp, c)
	tmp.Normalize()
	ext, ok := im.externalOf(c)
	if !ok {
		return nil
	}
	ref, err := im.lookupExt(ext)
	if err != nil {
		return err
	}
	ch, ok := im.matchChild(c, ci, keyOf(&tmp), "activity", ref)
	if !ok {
		return nil
	}
	if ch != nil {
		if err := json.Unmarshal(ch.raw, &act); err != nil {
			return err
		}
	} else {
		act.Meta = record.Meta{ID: record.NewID()}
		act.AccountID = a.ID
	}
	before := act.FollowUp
	if im.issues(c.Line, transfer.ApplyActivity(&act, c)) {
		return nil
	}
	act.Normalize()
	people := make([]account.Contact, len(act.ContactIDs)) // people already on it stay; rows name none
	for i, id := range act.ContactIDs {
		people[i] = account.Contact{Meta: record.Meta{ID: id}}
	}
	if err := act.Validate(people); err != nil {
		im.invalid(c.Line, err)
		return nil
	}
	var old []byte
	if ch != nil {
		old = ch.raw
	}
	im.remember(ci, ch, keyOf(&act), c.Line, act.Date, !act.Deleted())
	changed, err := im.put(storage.ChildKey(a.ID, account.KindActivity, act.ID), old, &act)
	if err == nil {
		err = im.linkExt(ext, ref, storage.ChildKey(a.ID, account.KindActivity, act.ID))
	}
	if err != nil || !changed {
		return err
	}
	ci.touched = true
	if im.st != nil && (act.FollowUp != "" || before != "") {
		fu, err := followUpFor(im.tx, im.now, a, &act)
		if err != nil {
			return err
		}
		if fu != nil {
			return im.stage(storage.FollowUpKey(act.ID), fu)
		}
	}
	return nil
}

func (im *tableImport) opportunityRow(c transfer.Cells) error {
	a := im.accountOf(c)
	if a == nil {
		return nil
	}
	ci, err := im.childrenOf(a, opportunity.Kind, func(raw []byte) (string, calendar.Date, bool, error) {
		var o opportunity.Opportunity
		err := json.Unmarshal(raw, &o)
		return lower(o.Title), "", !o.Deleted(), err
	})
	if err != nil {
		return err
	}
	title, _ := c.Get("title")
	ext, ok := im.externalOf(c)
	if !ok {
		return nil
	}
	ref, err := im.lookupExt(ext)
	if err != nil {
		return err
	}
	ch, ok := im.matchChild(c, ci, lower(title), "opportunity", ref)
	if !ok {
		return nil
	}
	var o opportunity.Opportunity
	var old []byte
	if ch != nil {
		if err := json.Unmarshal(ch.raw, &o); err != nil {
			return err
		}
		old = ch.raw
	} else {
		o.Meta = record.Meta{ID: record.NewID()}
		o.AccountID = a.ID
		o.Value.Currency = a.Currency
	}
	wasOpen, wasStage := o.IsOpen(), o.Stage
	if im.issues(c.Line, transfer.ApplyOpportunity(&o, c, im.deals)) {
		return nil
	}
	o.Normalize()
	if o.Owner == "" {
		o.Owner = a.Owner
	}
	if o.Value.Currency == "" {
		o.Value.Currency = a.Currency
	}
	stageChanged := o.Stage != wasStage
	if ch == nil {
		if o.OpenedOn == "" {
			// The day it opened is unknown: no later than anything the row dates.
			o.OpenedOn = im.today
			for _, d := range []calendar.Date{o.ExpectedClose, closeOn(&o)} {
				if d != "" && d.Valid() && d < o.OpenedOn {
					o.OpenedOn = d
				}
			}
		}
		o.History = []opportunity.StageChange{}
		if err := o.Validate(&im.set, true); err != nil {
			im.invalid(c.Line, err)
			return nil
		}
		o.MoveTo(o.Stage, o.OpenedOn)
	} else {
		if stageChanged && !wasOpen {
			im.problem(c.Line, "stage", fault.Issue{Field: "stage", Rule: "closed_deal", Params: map[string]any{"id": o.ID},
				Message: "the deal is closed; its stage cannot change"})
			return nil
		}
		if err := o.Validate(&im.set, stageChanged); err != nil {
			im.invalid(c.Line, err)
			return nil
		}
		if stageChanged {
			o.MoveTo(o.Stage, max(im.today, o.OpenedOn))
		}
	}
	o.SettingsVersion = im.setVersion
	im.remember(ci, ch, lower(o.Title), c.Line, "", true)
	if _, err := im.put(storage.ChildKey(a.ID, opportunity.Kind, o.ID), old, &o); err != nil {
		return err
	}
	return im.linkExt(ext, ref, storage.ChildKey(a.ID, opportunity.Kind, o.ID))
}

func closeOn(o *opportunity.Opportunity) calendar.Date {
	if o.Close == nil {
		return ""
	}
	return o.Close.On
}

// finish stages the account summaries the rows changed, so the account
// list reads right the moment the import lands.
func (im *tableImport) finish() error {
	if im.p.Kind != transfer.KindContacts && im.p.Kind != transfer.KindActivities {
		return nil
	}
	for id, ci := range im.children {
		if !ci.touched {
			continue
		}
		sm, err := loadSummary(im.tx, id)
		if err != nil {
			return err
		}
		old := sm.Meta
		exists := old.Rev > 0
		if im.p.Kind == transfer.KindContacts {
			n := ci.created
			for _, ch := range ci.byID {
				if ch.live {
					n++
				}
			}
			sm.ContactCount = n
		} else {
			sm.LastActivity = ci.lastDate
			for _, ch := range ci.byID {
				if ch.live && ch.date > sm.LastActivity {
					sm.LastActivity = ch.date
				}
			}
		}
		if exists {
			envelope(&sm.Meta, &old, im.now)
		} else {
			if err := im.fillSummary(&sm, id); err != nil {
				return err
			}
			envelope(&sm.Meta, nil, im.now)
		}
		if err := im.stage(storage.GlobalKey(kindSummary, id), &sm); err != nil {
			return err
		}
	}
	return nil
}

// fillSummary completes a summary written for the first time from the
// account's other children.
func (im *tableImport) fillSummary(sm *summary, id string) error {
	figs, contacts, acts, err := loadChildren(im.tx, id)
	if err != nil {
		return err
	}
	keepContacts, keepLast := sm.ContactCount, sm.LastActivity
	summarize(sm, figs, contacts, acts)
	if im.p.Kind == transfer.KindContacts {
		sm.ContactCount = keepContacts
	} else {
		sm.LastActivity = keepLast
	}
	return nil
}

// pinSettings stages the shipped deal settings as version 1 when none is
// saved yet, as OpportunityService.Save pins them: the imported deals name
// the version they were checked with, and it lands with them or not at all.
func (im *tableImport) pinSettings() error {
	if im.st == nil || im.p.Kind != transfer.KindOpportunities || im.setVersion > 0 {
		return nil
	}
	v := settings.Model[opportunity.Settings]{Area: winlossSettings.area, Version: 1, Value: im.set, Defaults: true}
	v.ID = fmt.Sprintf("%06d", 1)
	envelope(&v.Meta, nil, im.now)
	im.setVersion = 1
	return im.stage(winlossSettings.key(1), &v)
}

func (im *tableImport) writing(string, int) {
	if im.opt.Progress != nil {
		im.opt.Progress("write", im.p.Rows)
	}
}
