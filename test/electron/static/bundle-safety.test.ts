/**
 * electron-vite bundles main into one ESM file and injects its own top-level
 * `const require = createRequire(import.meta.url)`. A module of main that declares a top-level
 * `require` (or `__filename` / `__dirname`) ends up in the same scope, and the bundle fails to
 * load with "Identifier 'require' has already been declared" — main would crash at launch.
 */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { parse, sourceFiles } from './source'

const RESERVED = new Set(['require', '__filename', '__dirname', 'exports', 'module'])

function topLevelBindings(file: ts.SourceFile): string[] {
  const names: string[] = []
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) names.push(d.name.text)
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.push(statement.name.text)
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause
      if (name) names.push(name.text)
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.push(namedBindings.name.text)
      if (namedBindings && ts.isNamedImports(namedBindings))
        names.push(...namedBindings.elements.map((e) => e.name.text))
    }
  }
  return names
}

describe('main bundles into one ESM scope', () => {
  it('no module of main declares a top-level require, __filename, __dirname, exports or module', () => {
    const offenders = sourceFiles(['electron/main']).flatMap((path) =>
      topLevelBindings(parse(path))
        .filter((name) => RESERVED.has(name))
        .map((name) => `${path}: ${name}`),
    )
    expect(offenders).toEqual([])
  })

  it('the check sees top-level declarations (control)', () => {
    const sample = ts.createSourceFile(
      'x.ts',
      'const require = 1\nfunction f() { const __dirname = 2 }',
      ts.ScriptTarget.Latest,
      true,
    )
    expect(topLevelBindings(sample)).toEqual(['require', 'f'])
  })
})
