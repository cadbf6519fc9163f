/** Runs `fn` when the window is idle (at the latest after `timeoutMs`); returns a cancel function. */
export function whenIdle(fn: () => void, timeoutMs = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(fn, 200)
  return () => clearTimeout(timer)
}
