/**
 * Copies text (a field's value, the badge code): through main's clipboard first (Electron's
 * permission handler may deny the renderer's), then navigator.clipboard where main has none (the
 * test bridge in a browser answers false), then a selected textarea with execCommand('copy').
 */
import { api } from '../api'

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}

export async function copyText(text: string): Promise<boolean> {
  if (await api.copyText(text).catch(() => false)) return true
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return copyBySelection(text)
  }
}
