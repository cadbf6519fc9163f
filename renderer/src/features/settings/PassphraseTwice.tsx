/**
 * A new passphrase typed twice (数据加密's passphrase and the archive's): at least MIN_CHARS
 * characters, and both entries equal. The hook holds the two entries; the fields show them.
 */
import { Form, Input } from 'antd'
import { useState } from 'react'

const MIN_CHARS = 8

export type PassphraseTwice = {
  first: string
  second: string
  setFirst: (v: string) => void
  setSecond: (v: string) => void
  /** Typed, but shorter than MIN_CHARS. */
  short: boolean
  /** The second entry is typed and differs from the first. */
  mismatch: boolean
  /** Long enough and typed the same twice. */
  ready: boolean
  clear: () => void
}

export function usePassphraseTwice(): PassphraseTwice {
  const [first, setFirst] = useState('')
  const [second, setSecond] = useState('')
  const short = first !== '' && [...first].length < MIN_CHARS
  return {
    first,
    second,
    setFirst,
    setSecond,
    short,
    mismatch: second !== '' && first !== second,
    ready: first !== '' && !short && first === second,
    clear: () => {
      setFirst('')
      setSecond('')
    },
  }
}

export function PassphraseFields({
  pass,
  labels,
  testIdPrefix,
}: {
  pass: PassphraseTwice
  labels: { first: string; second: string; short: string; mismatch: string }
  testIdPrefix: string
}) {
  return (
    <>
      <Form.Item
        label={labels.first}
        validateStatus={pass.short ? 'error' : undefined}
        help={pass.short ? labels.short : undefined}
      >
        <Input.Password
          value={pass.first}
          onChange={(e) => pass.setFirst(e.target.value)}
          data-testid={`${testIdPrefix}-1`}
        />
      </Form.Item>
      <Form.Item
        label={labels.second}
        validateStatus={pass.mismatch ? 'error' : undefined}
        help={pass.mismatch ? labels.mismatch : undefined}
      >
        <Input.Password
          value={pass.second}
          onChange={(e) => pass.setSecond(e.target.value)}
          data-testid={`${testIdPrefix}-2`}
        />
      </Form.Item>
    </>
  )
}
