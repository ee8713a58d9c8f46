// Chinese typesetting puts a space between Chinese text and a Latin word; a
// name like "Steven Cooper" set inside a Chinese sentence gets one each side.
const latinEdge = /[A-Za-z0-9]/

/** Pads a name with spaces where it meets Chinese text; other languages unchanged. */
export function nameInText(name: string, locale: string): string {
  if (!locale.startsWith('zh') || name === '') return name
  const start = latinEdge.test(name[0]!) ? ' ' : ''
  const end = latinEdge.test(name[name.length - 1]!) ? ' ' : ''
  return start + name + end
}
