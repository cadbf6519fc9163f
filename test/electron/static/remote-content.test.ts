/** SEC-03: the UI comes only from app:// (or the loopback dev server); no remote content. */
import ts from 'typescript'
import { describe, expect, it, vi } from 'vitest'
import { EXTERNAL_HOST_ALLOW_LIST } from '../../../electron/main/external-links'
import {
  callsTo,
  descendants,
  parse,
  propertyName,
  readRepoFile,
  runtimeImports,
  resolveRelative,
  sourceFiles,
} from './source'

vi.mock('electron', () => ({ shell: {} }))

const SHIPPED = sourceFiles(['electron/main', 'electron/preload'])

function stringLiterals(file: ts.SourceFile): string[] {
  return descendants(file)
    .filter((n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n))
    .map((n) => (n as ts.StringLiteral).text)
}

describe('SEC-03 no remote or file:// content in main and preload', () => {
  it('never uses loadFile', () => {
    for (const path of SHIPPED) expect(callsTo(parse(path), /\.loadFile$/), path).toHaveLength(0)
  })

  it('never loads a literal http(s) or file URL', () => {
    for (const path of SHIPPED) {
      const file = parse(path)
      for (const call of callsTo(file, /\.loadURL$/)) {
        const arg = call.arguments[0]
        const text = arg ? arg.getText(file) : ''
        expect(text, `${path}: loadURL(${text})`).not.toMatch(/^[`'"](https?|file):/i)
      }
    }
  })

  it('has no file:// and no http(s) URL literals except the external allow-list hosts', () => {
    const allowed = EXTERNAL_HOST_ALLOW_LIST.map((h) => `https://${h}`)
    for (const path of SHIPPED) {
      for (const literal of stringLiterals(parse(path))) {
        expect(literal, path).not.toMatch(/file:\/\//i)
        const urls = literal.match(/https?:\/\/[^\s'"`]*/gi) ?? []
        for (const url of urls)
          expect(
            allowed.some((a) => url.startsWith(a)),
            `${path}: ${url}`,
          ).toBe(true)
      }
    }
  })

  it('never registers a scheme with bypassCSP', () => {
    for (const path of sourceFiles(['electron'])) {
      const file = parse(path)
      for (const call of callsTo(file, /registerSchemesAsPrivileged$/)) {
        const keys = descendants(call)
          .filter(ts.isPropertyAssignment)
          .map((p) => propertyName(p))
        expect(keys, path).not.toContain('bypassCSP')
        expect(keys, path).toContain('secure')
      }
    }
  })

  it('does not ship the loopback test bridge: main never imports electron/web-bridge', () => {
    const seen = new Set<string>()
    const visit = (path: string) => {
      if (seen.has(path)) return
      seen.add(path)
      for (const spec of runtimeImports(parse(path))) {
        const target = spec.startsWith('.') ? resolveRelative(path, spec) : undefined
        if (target) visit(target)
      }
    }
    visit('electron/main/index.ts')
    expect([...seen].filter((p) => p.startsWith('electron/web-bridge/'))).toEqual([])
    expect(seen.has('electron/main/window.ts')).toBe(true)
  })
})

describe('SEC-03 renderer HTML and sources', () => {
  const html = readRepoFile('renderer/index.html')

  it('loads no remote script, style or base', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i)
    expect(html).not.toMatch(/<base\b/i)
  })

  it('has no inline script', () => {
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(match[1], 'every script has a src').toMatch(/\bsrc\s*=/)
      expect(match[2]?.trim()).toBe('')
    }
  })

  it('uses no <webview>', () => {
    for (const path of [...sourceFiles(['renderer']), 'renderer/index.html']) {
      expect(readRepoFile(path), path).not.toMatch(/<webview\b/i)
    }
  })
})
