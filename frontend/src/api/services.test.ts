import { describe, expect, it } from 'vitest'
import { outgoing } from './services'
import type { Contact } from './types'

const blank: Contact = {
  id: '', rev: 0, createdAt: '', updatedAt: '', accountId: 'A', name: '刘建国', title: '', department: '',
  reportsTo: '', buyingRole: '', stance: '', influence: '', relationshipLevel: 0, lastContact: '', email: '',
  phone: '', interests: '', birthday: '', left: false, notes: '',
}

describe('outgoing', () => {
  it('leaves out the blank timestamps of a new record, which Go cannot parse', () => {
    const out = outgoing(blank) as Partial<Contact>
    expect(out).not.toHaveProperty('createdAt')
    expect(out).not.toHaveProperty('updatedAt')
    expect(out).not.toHaveProperty('deletedAt')
    expect(out.name).toBe('刘建国')
    expect(blank.createdAt).toBe('') // the caller's object is not changed
  })

  it('keeps the timestamps of a stored record', () => {
    const stored = { ...blank, id: '01J', rev: 3, createdAt: '2026-01-02T03:04:05Z', updatedAt: '2026-02-02T03:04:05Z', deletedAt: '2026-03-01T00:00:00Z' }
    expect(outgoing(stored)).toEqual(stored)
  })
})
