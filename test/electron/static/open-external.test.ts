/** SEC-07: `shell.openExternal` is reached only through electron/main/external-links.ts. */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { descendants, parse, sourceFiles } from './source'

const WRAPPER = 'electron/main/external-links.ts'
const FILES = sourceFiles(['electron', 'renderer', 'core', 'scripts'])

/** Names under which a file can reach electron's `shell` (named import or namespace/default). */
function shellAccesses(file: ts.SourceFile): string[] {
  const found: string[] = []
  for (const statement of file.statements) {
    if (
      !ts.isImportDeclaration(statement) ||
      (statement.moduleSpecifier as ts.StringLiteral).text !== 'electron'
    )
      continue
    const clause = statement.importClause
    const named = clause?.namedBindings
    if (named && ts.isNamedImports(named)) {
      for (const e of named.elements)
        if ((e.propertyName ?? e.name).text === 'shell' && !e.isTypeOnly) found.push('import { shell }')
    }
  }
  for (const node of descendants(file)) {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'openExternal') {
      const target = node.expression.getText(file)
      if (/(^|\.)shell$/.test(target)) found.push(`${target}.openExternal`)
    }
    if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteral(node.argumentExpression) &&
      node.argumentExpression.text === 'openExternal'
    ) {
      found.push(`[openExternal]`)
    }
    if (
      ts.isCallExpression(node) &&
      node.expression.getText(file) === 'require' &&
      node.arguments[0]?.getText(file).includes('electron')
    ) {
      found.push("require('electron')")
    }
  }
  return found
}

describe('SEC-07 shell.openExternal', () => {
  it('is imported and called only in the wrapper', () => {
    const offenders = FILES.filter((p) => p !== WRAPPER).flatMap((p) =>
      shellAccesses(parse(p)).map((a) => `${p}: ${a}`),
    )
    expect(offenders).toEqual([])
  })

  it('is called in the wrapper', () => {
    expect(shellAccesses(parse(WRAPPER))).toEqual(
      expect.arrayContaining(['import { shell }', 'shell.openExternal']),
    )
  })
})
