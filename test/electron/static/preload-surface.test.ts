/**
 * SEC-08: the preload exposes one object with three named functions and never hands the page
 * `ipcRenderer`, the IPC event, `require`, `process`, `Buffer` or `fs`. It must also bundle to a
 * single CJS file that requires nothing but `electron`: a sandboxed preload cannot `require`
 * other packages, and electron-vite leaves `dependencies` external.
 */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { callsTo, descendants, parse, propertyName, runtimePackagesReachableFrom } from './source'

const PRELOAD = 'electron/preload/index.ts'
const file = parse(PRELOAD)

function unwrap(node: ts.Expression): ts.Expression {
  let current = node
  while (
    ts.isSatisfiesExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isParenthesizedExpression(current)
  ) {
    current = current.expression
  }
  return current
}

/** The object literal passed to exposeInMainWorld (directly or through a const). */
function exposedObject(arg: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const value = unwrap(arg)
  if (ts.isObjectLiteralExpression(value)) return value
  if (!ts.isIdentifier(value)) return undefined
  const declaration = descendants(file).find(
    (n): n is ts.VariableDeclaration => ts.isVariableDeclaration(n) && n.name.getText(file) === value.text,
  )
  const init = declaration?.initializer ? unwrap(declaration.initializer) : undefined
  return init && ts.isObjectLiteralExpression(init) ? init : undefined
}

describe('SEC-08 preload surface', () => {
  const exposeCalls = callsTo(file, /exposeInMainWorld$/)

  it('calls contextBridge.exposeInMainWorld once, with the key "beian"', () => {
    expect(exposeCalls).toHaveLength(1)
    expect(exposeCalls[0]?.expression.getText(file)).toBe('contextBridge.exposeInMainWorld')
    expect(exposeCalls[0]?.arguments[0]?.getText(file)).toBe("'beian'")
  })

  it('exposes an object literal of exactly invoke, on and pathsForFiles, each an arrow function', () => {
    const arg = exposeCalls[0]?.arguments[1]
    const object = arg ? exposedObject(arg) : undefined
    expect(object, 'exposed value must be an object literal').toBeDefined()
    if (!object) return
    expect(
      object.properties.every((p) => ts.isPropertyAssignment(p) && ts.isArrowFunction(p.initializer)),
    ).toBe(true)
    expect(object.properties.map(propertyName).sort()).toEqual(['invoke', 'on', 'pathsForFiles'])
  })

  it('is checked against the contract type with satisfies BeianBridge<File>', () => {
    const satisfies = descendants(file).filter(ts.isSatisfiesExpression)
    expect(satisfies.map((s) => s.type.getText(file))).toEqual(['BeianBridge<File>'])
  })

  it('uses ipcRenderer only as ipcRenderer.invoke / on / removeListener calls', () => {
    const uses = descendants(file).filter(
      (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === 'ipcRenderer',
    )
    const bad = uses.filter((id) => {
      if (ts.isImportSpecifier(id.parent)) return false
      const access = id.parent
      return !(
        ts.isPropertyAccessExpression(access) &&
        access.expression === id &&
        ['invoke', 'on', 'removeListener'].includes(access.name.text) &&
        ts.isCallExpression(access.parent) &&
        access.parent.expression === access
      )
    })
    expect(bad.map((id) => id.parent.getText(file))).toEqual([])
  })

  it('never references require, process, Buffer, fs, sendSync or remote', () => {
    const names = new Set(
      descendants(file)
        .filter(ts.isIdentifier)
        .map((id) => id.text),
    )
    for (const name of [
      'shell',
      'showItemInFolder',
      'openPath',
      'require',
      'process',
      'Buffer',
      'fs',
      'sendSync',
      'send',
      'remote',
      'eval',
      'Function',
    ]) {
      expect(names.has(name), name).toBe(false)
    }
  })

  it('reaches no package but electron at runtime, so the CJS bundle needs no other require', () => {
    const packages = runtimePackagesReachableFrom(PRELOAD)
    const others = [...packages]
      .filter(([name]) => name !== 'electron')
      .map(([name, from]) => `${name} (from ${from.join(', ')})`)
    expect(others).toEqual([])
    expect(packages.has('electron')).toBe(true)
  })
})
