/** SEC-01: every window/view is created with literal, hardened web preferences. */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { newExpressionsOf, parse, propertyOf, sourceFiles } from './source'

const REQUIRED_LITERALS: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
}
const FORBIDDEN_KEYS = ['enableBlinkFeatures', 'enableRemoteModule', 'allowpopups']
const WINDOW_CLASSES = ['BrowserWindow', 'WebContentsView', 'BrowserView']

function literalValue(node: ts.Expression): boolean | undefined {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false
  return undefined
}

const creations = sourceFiles(['electron']).flatMap((path) => {
  const file = parse(path)
  return WINDOW_CLASSES.flatMap((cls) => newExpressionsOf(file, cls).map((node) => ({ path, file, node })))
})

describe('SEC-01 window web preferences', () => {
  it('creates the main window in electron/main/window.ts only', () => {
    expect(creations.map((c) => c.path)).toEqual(['electron/main/window.ts'])
  })

  it.each(
    creations.map(
      (c) => [`${c.path}:${c.file.getLineAndCharacterOfPosition(c.node.pos).line + 1}`, c] as const,
    ),
  )('%s passes literal hardened preferences', (_where, { file, node }) => {
    const options = node.arguments?.[0]
    expect(options && ts.isObjectLiteralExpression(options), 'options must be an object literal').toBe(true)
    if (!options || !ts.isObjectLiteralExpression(options)) return
    expect(options.properties.some(ts.isSpreadAssignment), 'no spread in window options').toBe(false)
    const prefs = propertyOf(options, 'webPreferences')?.initializer
    expect(prefs && ts.isObjectLiteralExpression(prefs), 'webPreferences must be an object literal').toBe(
      true,
    )
    if (!prefs || !ts.isObjectLiteralExpression(prefs)) return
    expect(prefs.properties.some(ts.isSpreadAssignment), 'no spread in webPreferences').toBe(false)
    for (const [key, expected] of Object.entries(REQUIRED_LITERALS)) {
      const value = propertyOf(prefs, key)?.initializer
      expect(value ? literalValue(value) : undefined, `${key} must be the literal ${expected}`).toBe(expected)
    }
    for (const key of FORBIDDEN_KEYS) expect(propertyOf(prefs, key), key).toBeUndefined()
    expect(propertyOf(prefs, 'devTools')?.initializer.getText(file)).toBe('!app.isPackaged')
    expect(propertyOf(prefs, 'disableBlinkFeatures')?.initializer.getText(file)).toBe("'Auxclick'")
    expect(propertyOf(prefs, 'preload'), 'a preload is set').toBeDefined()
  })
})
