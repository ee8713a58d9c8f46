// The data folder's safety: backup and restore, automatic backups,
// encryption at rest and the unlock at start (Go: DataService, app/safety.go).
import { call } from './transport'
import type { Meta } from './types'

export interface LockState {
  locked: boolean
  encrypted: boolean
  dataDir: string
}

export interface BackupRun {
  at: string
  path: string
  bytes: number
  records: number
  encrypted: boolean
  auto: boolean
}

export interface BackupFailure {
  at: string
  rule: string
  params?: Record<string, unknown>
  message: string
}

export interface AutoBackupSettings extends Meta {
  enabled: boolean
  folder: string
  keep: number
}

export interface SafetyInfo {
  version: string
  schemaVersion: number
  dataDir: string
  bytes: number
  counts: Record<string, number>
  records: number
  encrypted: boolean
  locked: boolean
  last?: BackupRun
  auto: AutoBackupSettings
  lastAuto?: BackupRun
  autoError?: BackupFailure
  suggestedName: string
  minPassphrase: number
}

export interface BackupSummary {
  path: string
  bytes: number
  createdAt: string
  appVersion: string
  schemaVersion: number
  counts: Record<string, number>
  records: number
  encrypted: boolean
}

export interface RestoreResult extends BackupSummary {
  safetyCopy: string
}

export const safety = {
  /** whether the unlock screen is needed; answers while locked */
  lockStatus: () => call<LockState>('DataService', 'LockStatus'),
  unlock: (passphrase: string) => call<void>('DataService', 'Unlock', passphrase),
  info: () => call<SafetyInfo>('DataService', 'Safety'),
  /** overwrite: the native dialog already asked; a typed path never replaces a file */
  backupNow: (path: string, overwrite: boolean) => call<BackupRun>('DataService', 'BackupNow', path, overwrite),
  inspect: (path: string) => call<BackupSummary>('DataService', 'InspectBackup', path),
  restore: (path: string, passphrase: string) => call<RestoreResult>('DataService', 'RestoreBackup', path, passphrase),
  saveAuto: (a: AutoBackupSettings) => call<AutoBackupSettings>('DataService', 'SaveAutoBackup', a),
  enableEncryption: (passphrase: string) => call<void>('DataService', 'EnableEncryption', passphrase),
  changePassphrase: (current: string, passphrase: string) =>
    call<void>('DataService', 'ChangePassphrase', current, passphrase),
  disableEncryption: (passphrase: string) => call<void>('DataService', 'DisableEncryption', passphrase),
}

/** 0 (weak) … 4 (strong): length and variety, the common advice in one number. */
export function passphraseStrength(p: string): number {
  const chars = [...p]
  if (chars.length === 0) return 0
  let classes = 0
  if (/[a-z]/.test(p)) classes++
  if (/[A-Z]/.test(p)) classes++
  if (/[0-9]/.test(p)) classes++
  if (/[^\p{L}\p{N}]/u.test(p)) classes++
  if (/[^\x00-\x7f]/.test(p)) classes++ // Chinese and other scripts widen the alphabet a lot
  const unique = new Set(chars).size
  // one Chinese character carries about as much as two or three Latin letters
  const effective = chars.length + chars.filter((c) => c > '\x7f').length
  let score = 0
  if (chars.length >= 8) score++
  if (effective >= 12) score++
  if (effective >= 16) score++
  if (classes >= 3) score++
  if (unique < 5) score = Math.min(score, 1)
  return Math.min(4, score)
}
