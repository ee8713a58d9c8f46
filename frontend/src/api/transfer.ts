// Moving data in and out (Go: DataService in app/datatransfer*.go, the file
// logic in app/transfer): the Keystone JSON export of everything, tables of
// accounts, contacts, activities and opportunities as Excel or CSV, and the
// import with its column mapping and preview. The service keeps no state:
// the file goes with every preview and with the import.
import { call } from './transport'

export type TableKind = 'accounts' | 'contacts' | 'activities' | 'opportunities'
export type TableFormat = 'xlsx' | 'csv'
export type Encoding = 'auto' | 'utf-8' | 'gbk'

export const TABLE_KINDS: readonly TableKind[] = ['accounts', 'contacts', 'activities', 'opportunities']

export interface ExportFile {
  name: string
  data: string // base64
}

export interface ImportRequest {
  name: string
  data: string // base64
  kind: TableKind | ''
  encoding: Encoding
  sheet: string
  mapping: string[] | null
  skipBad: boolean
  token: string
}

export interface ImportProgress {
  phase: '' | 'read' | 'write'
  rows: number
}

export interface Problem {
  row: number
  column: string
  field: string
  rule: string
  params?: Record<string, unknown>
  message: string
}

export interface Column {
  header: string
  samples: string[]
  field: string
}

export interface Field {
  key: string
  required: boolean
}

export interface Preview {
  format: 'json' | 'csv' | 'xlsx'
  encoding?: string
  sheets?: string[]
  sheet?: string
  kind: TableKind | 'all'
  columns: Column[] | null
  fields: Field[] | null
  matchKey: string
  matchExternal: boolean
  rows: number
  create: number
  update: number
  unchanged: number
  skip: number
  counts?: Record<string, number>
  problems: Problem[]
  badRows: number[]
  truncated: boolean
}

export interface ImportResult {
  preview: Preview
  written: number
}

export const transfer = {
  exportAll: () => call<ExportFile>('DataService', 'ExportAll'),
  exportTable: (kind: TableKind, format: TableFormat) => call<ExportFile>('DataService', 'ExportTable', kind, format),
  preview: (req: ImportRequest) => call<Preview>('DataService', 'PreviewImport', req),
  import: (req: ImportRequest) => call<ImportResult>('DataService', 'Import', req),
  progress: (token: string) => call<ImportProgress>('DataService', 'ImportProgress', token),
}

/** A base64 file as a Blob for saveFile. */
export function fileBlob(f: ExportFile): Blob {
  const bin = atob(f.data)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const type = f.name.endsWith('.json') ? 'application/json'
    : f.name.endsWith('.csv') ? 'text/csv'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return new Blob([bytes], { type })
}
