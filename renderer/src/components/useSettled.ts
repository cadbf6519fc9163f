import { useEffect, useState } from 'react'

/**
 * `value` once it has stayed the same for `delayMs` (the first value at once): work keyed on
 * it runs for where the user stopped, not for every step on the way.
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (Object.is(value, settled)) return
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, settled, delayMs])
  return settled
}
