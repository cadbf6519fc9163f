/**
 * SEC-04: the Content-Security-Policy of renderer/index.html (meta) and of the app://
 * protocol handler (response header). `style-src 'unsafe-inline'` is accepted on purpose:
 * antd's CSS-in-JS injects <style> elements at runtime. Scripts get no such exception.
 */
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/app-protocol'
import { readRepoFile } from './source'

type Policy = Map<string, string[]>

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map()
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) policy.set(name.toLowerCase(), sources)
  }
  return policy
}

function metaPolicy(html: string): string[] {
  const policies: string[] = []
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gis)) {
    const attrs = new Map(
      [...tag.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)].map((m) => [
        m[1]?.toLowerCase(),
        m[3] ?? m[4] ?? '',
      ]),
    )
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      policies.push(attrs.get('content') ?? '')
  }
  return policies
}

function expectStrict(policy: Policy): void {
  expect(["'none'", "'self'"]).toContainEqual(policy.get('default-src')?.join(' '))
  expect(policy.get('script-src')).toEqual(["'self'"])
  expect(policy.get('object-src')).toEqual(["'none'"])
  expect(policy.get('base-uri')).toEqual(["'none'"])
  for (const [directive, sources] of policy) {
    const joined = sources.join(' ')
    expect(joined, directive).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/)
    if (directive !== 'style-src') expect(joined, directive).not.toMatch(/unsafe-inline/)
    // No remote origins, no scheme-wide wildcards.
    expect(joined, directive).not.toMatch(/https?:|wss?:|\*|\/\//)
  }
}

describe('SEC-04 content security policy', () => {
  const html = readRepoFile('renderer/index.html')

  it('renderer/index.html has exactly one CSP meta, and it is strict', () => {
    const metas = metaPolicy(html)
    expect(metas).toHaveLength(1)
    expectStrict(parsePolicy(metas[0] ?? ''))
  })

  it('the app:// response header is strict', () => {
    expectStrict(parsePolicy(CONTENT_SECURITY_POLICY))
  })

  it('the meta and the header are the same policy, except frame-ancestors (header only)', () => {
    // Browsers ignore frame-ancestors in a <meta> and log a console error, so only the header has it.
    const header = parsePolicy(CONTENT_SECURITY_POLICY)
    expect(header.get('frame-ancestors')).toEqual(["'none'"])
    header.delete('frame-ancestors')
    expect(parsePolicy(metaPolicy(html)[0] ?? '')).toEqual(header)
  })

  it('the checks reject a weakened policy', () => {
    expect(() =>
      expectStrict(
        parsePolicy(
          "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
        ),
      ),
    ).toThrow()
    expect(() =>
      expectStrict(
        parsePolicy(
          "default-src 'self'; script-src 'self' https://cdn.example; object-src 'none'; base-uri 'none'",
        ),
      ),
    ).toThrow()
    expect(() =>
      expectStrict(parsePolicy("default-src *; script-src 'self'; object-src 'none'; base-uri 'none'")),
    ).toThrow()
    expect(() => expectStrict(parsePolicy("default-src 'self'; script-src 'self'"))).toThrow()
  })
})
