// Saving what the UI makes (CSV, Excel, calendars, images, PDFs). The desktop
// asks where with the native Save dialog; browser mode downloads the file.
import { call } from './transport'

interface SavedFile {
  path: string
  bytes: number
}

let canAsk: Promise<boolean> | null = null

/** Whether the Go side has a native dialog; asked once per page. */
function nativeDialog(): Promise<boolean> {
  canAsk ??= call<boolean>('FileService', 'CanAsk').catch(() => false)
  return canAsk
}

export async function blobToBase64(data: Blob): Promise<string> {
  const bytes = new Uint8Array(await data.arrayBuffer())
  let bin = ''
  // chunks keep String.fromCharCode's argument list small on large files
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the click has started the download; revoking at once can cancel it in some engines
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Saves data under a suggested file name. Resolves false when the user
 * cancelled the dialog; rejects with an ApiError when writing failed.
 */
export async function saveFile(suggestedName: string, data: Blob): Promise<boolean> {
  if (!(await nativeDialog())) {
    download(suggestedName, data)
    return true
  }
  const saved = await call<SavedFile>('FileService', 'Save', suggestedName, await blobToBase64(data))
  return saved.path !== ''
}

/** Forget the cached answer (tests). */
export function resetFileDialog(): void {
  canAsk = null
}

/**
 * Asks the desktop for a path with a native dialog. Resolves null in browser
 * mode (no dialog: the UI offers a typed path instead) and "" when the user
 * cancelled.
 */
async function choose(method: 'ChooseSave' | 'ChooseOpen' | 'ChooseFolder', ...args: unknown[]): Promise<string | null> {
  if (!(await nativeDialog())) return null
  return call<string>('FileService', method, ...args)
}

/** Where to save a file the Go side writes itself (a backup, a PDF). */
export const chooseSavePath = (suggestedName: string) => choose('ChooseSave', suggestedName)
/** A file to read, offering patterns such as "*.csv". */
export const chooseOpenPath = (patterns: string[]) => choose('ChooseOpen', patterns)
/** A folder to write into (batch exports, automatic backups). */
export const chooseFolder = () => choose('ChooseFolder')
