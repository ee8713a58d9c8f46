import { describe, expect, it } from 'vitest'
import { passphraseStrength } from './safety'

describe('passphraseStrength', () => {
  it.each([
    ['', 0],
    ['abc', 0],
    ['aaaaaaaaaaaa', 1], // long but one repeated letter
    ['password', 1],
    ['correcthorse', 2],
    ['Correct-horse-7', 3],
    ['Correct horse battery 7!', 4],
    ['青山常在绿水长流，客户第一', 3], // Chinese widens the alphabet
  ])('%j scores %i', (p, want) => {
    expect(passphraseStrength(p)).toBe(want)
  })
})
