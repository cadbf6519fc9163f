/** SEC-02 (and the scheme registration of SEC-03): what must happen before `ready`. */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { callsTo, parse } from './source'

const index = parse('electron/main/index.ts')

/** Index of the top-level statement that is exactly the call `callee(...)`, or -1. */
function topLevelCall(callee: string): number {
  return index.statements.findIndex(
    (s) =>
      ts.isExpressionStatement(s) &&
      ts.isCallExpression(s.expression) &&
      s.expression.expression.getText(index) === callee,
  )
}

function firstReadyUse(): number {
  return index.statements.findIndex((s) => /\bwhenReady\b|['"]ready['"]/.test(s.getText(index)))
}

describe('SEC-02 main start-up order', () => {
  it('calls app.enableSandbox() unconditionally at top level, before anything waits for ready', () => {
    const sandbox = topLevelCall('app.enableSandbox')
    expect(sandbox).toBeGreaterThanOrEqual(0)
    expect(firstReadyUse()).toBeGreaterThan(sandbox)
    expect(callsTo(index, 'app.enableSandbox')).toHaveLength(1)
  })

  it('registers the privileged app:// scheme and the app-wide security handlers before ready', () => {
    const ready = firstReadyUse()
    for (const callee of ['registerAppScheme', 'applyAppSecurity']) {
      const at = topLevelCall(callee)
      expect(at, callee).toBeGreaterThanOrEqual(0)
      expect(at, callee).toBeLessThan(ready)
    }
  })

  it('takes the single-instance lock', () => {
    expect(callsTo(index, 'app.requestSingleInstanceLock')).toHaveLength(1)
  })
})
