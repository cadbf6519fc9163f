import { describe, expect, it } from 'vitest'
import { checkEmail } from '../../../core/validation'

describe('checkEmail', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    ['Name.Surname+tag@Example.COM', 'Name.Surname+tag@example.com'],
    ['user@例子.公司', 'user@例子.公司'],
    ['user@mail.example.com.cn', 'user@mail.example.com.cn'],
    [' zhang＠example.com ', 'zhang@example.com'],
  ])('accepts %s', (input, normalized) => {
    const r = checkEmail(input)
    expect(r.errors).toEqual([])
    expect(r.normalized).toBe(normalized)
  })

  it.each([
    ['', 'email.required'],
    ['example.com', 'email.format'],
    ['name@', 'email.format'],
    ['.name@example.com', 'email.local-dots'],
    ['na..me@example.com', 'email.local-dots'],
    ['张三@example.com', 'email.local-chars'],
    ['a,b@example.com', 'email.local-chars'],
    [`${'a'.repeat(65)}@example.com`, 'email.local-length'],
    ['name@localhost', 'email.domain-no-suffix'],
    ['name@example.invalidtld', 'email.domain-unknown-suffix'],
    ['name@exa_mple.com', 'email.domain-chars'],
  ])('rejects %s', (input, code) => {
    expect(checkEmail(input).errors.map((e) => e.code)).toContain(code)
  })
})
