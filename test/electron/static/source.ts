/**
 * Helpers for the static security checks: list source files, read them, and walk a light
 * AST made by the TypeScript compiler API. Paths are relative to the repository root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8')
}

export function repoFileExists(path: string): boolean {
  return existsSync(join(REPO_ROOT, path))
}

/** Source files under `dirs` (repo-relative, `/`-separated), skipping build output and deps. */
export function sourceFiles(
  dirs: string[],
  extensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs'],
): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'out' || entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (extensions.some((ext) => entry.name.endsWith(ext)))
        out.push(relative(REPO_ROOT, full).split(sep).join('/'))
    }
  }
  for (const dir of dirs) walk(join(REPO_ROOT, dir))
  return out.sort()
}

const parsed = new Map<string, ts.SourceFile>()

export function parse(path: string): ts.SourceFile {
  const cached = parsed.get(path)
  if (cached) return cached
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const file = ts.createSourceFile(path, readRepoFile(path), ts.ScriptTarget.Latest, true, kind)
  parsed.set(path, file)
  return file
}

/** A source file's code without comments (TS/JS), or the raw text of other files. */
export function codeWithoutComments(path: string): string {
  if (!/\.[cm]?[jt]sx?$/.test(path)) return readRepoFile(path)
  return ts.createPrinter({ removeComments: true }).printFile(parse(path))
}

export function descendants(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = []
  const visit = (n: ts.Node) => {
    out.push(n)
    n.forEachChild(visit)
  }
  node.forEachChild(visit)
  return out
}

/** Call expressions whose callee text (e.g. `app.enableSandbox`) matches. */
export function callsTo(file: ts.SourceFile, callee: string | RegExp): ts.CallExpression[] {
  return descendants(file).filter(
    (n): n is ts.CallExpression =>
      ts.isCallExpression(n) &&
      (typeof callee === 'string'
        ? n.expression.getText(file) === callee
        : callee.test(n.expression.getText(file))),
  )
}

/** `new X(...)` expressions. */
export function newExpressionsOf(file: ts.SourceFile, className: string): ts.NewExpression[] {
  return descendants(file).filter(
    (n): n is ts.NewExpression => ts.isNewExpression(n) && n.expression.getText(file) === className,
  )
}

/** A property of an object literal by name, or undefined. Spread elements are reported separately. */
export function propertyOf(
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.PropertyAssignment | undefined {
  return object.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === name,
  )
}

export function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const name = p.name
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text
  return undefined
}

/** Module specifiers imported at runtime (type-only imports and specifiers excluded). */
export function runtimeImports(file: ts.SourceFile): string[] {
  const out: string[] = []
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.isTypeOnly) continue
      const named = clause?.namedBindings
      const onlyTypes =
        clause !== undefined &&
        clause.name === undefined &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly)
      if (!onlyTypes) out.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      out.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  for (const node of descendants(file)) {
    const dynamic = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
    const required = ts.isCallExpression(node) && node.expression.getText(file) === 'require'
    const arg = ts.isCallExpression(node) ? node.arguments[0] : undefined
    if ((dynamic || required) && arg && ts.isStringLiteral(arg)) out.push(arg.text)
  }
  return out
}

/** Repo-relative path of a relative import, trying the TypeScript extensions. */
export function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(REPO_ROOT, from, '..', specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith(sep) && candidate.match(/\.[cm]?tsx?$/)) {
      return relative(REPO_ROOT, candidate).split(sep).join('/')
    }
  }
  return undefined
}

/** Bare module specifiers reachable at runtime from `entry` through relative imports. */
export function runtimePackagesReachableFrom(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of runtimeImports(parse(file))) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier)
        if (target) visit(target)
        else packages.set(`unresolved:${specifier}`, [file])
      } else {
        packages.set(specifier, [...(packages.get(specifier) ?? []), file])
      }
    }
  }
  visit(entry)
  return packages
}
