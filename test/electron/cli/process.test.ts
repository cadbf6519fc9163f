/** The CLI as a real process: help for every command, the locale, and `… | head` ending quietly. */
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_KINDS } from '../../../core/validation/types'
import { syntheticResidentId } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { run } from './support'

const tempDir = useTempDirs()
const ENTRY = join(import.meta.dirname, 'run-cli.ts')
const COMMANDS = ['list', 'validate', 'export', 'compress', 'check']

describe('help', () => {
  it('--help lists every command and every check kind, on stdout, exit 0', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    for (const c of COMMANDS) expect(r.out).toContain(`beian-desk ${c}`)
    for (const kind of CHECK_KINDS) expect(r.out).toMatch(new RegExp(`^ {2}${kind} +\\S`, 'm'))
  })

  it.each(COMMANDS)('%s --help explains the command, exit 0, whatever else was given', async (command) => {
    const r = await run([command, '--bogus', '--help'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toMatch(new RegExp(`^用法：beian-desk ${command}`))
    const en = await run([command, '-h', '--lang', 'en'])
    expect(en.out).toMatch(new RegExp(`^Usage: beian-desk ${command}`))
    expect((await run(['help', command])).out).toBe(r.out)
  })

  it('a wrong command or option says what is wrong and where help is, exit 2', async () => {
    expect(await run(['frobnicate'])).toEqual({
      code: 2,
      out: '',
      err: '没有 “frobnicate” 这个命令。\n用 beian-desk --help 查看用法。\n',
    })
    const option = await run(['list', '--data-dri', 'x'])
    expect(option).toMatchObject({
      code: 2,
      err: '不认识的选项 --data-dri。\n用 beian-desk list --help 查看这个命令的用法。\n',
    })
    expect((await run([])).code).toBe(2)
    expect(await run(['--lang', 'fr', 'list'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--lang 只能是 zh 或 en'),
    })
  })
})

describe('language', () => {
  const kindError = (env: NodeJS.ProcessEnv, argv: string[] = []) =>
    run(['check', 'passport', 'x', ...argv], { env }).then((r) => r.err)

  it('is Chinese by default and English with --lang en or an English locale (LC_ALL, LC_MESSAGES, LANG in that order)', async () => {
    expect(await kindError({})).toMatch(/^check 的类型必须是/)
    expect(await kindError({ LANG: 'C.UTF-8' })).toMatch(/^check 的类型必须是/)
    expect(await kindError({}, ['--lang', 'en'])).toMatch(/^The check kind must be one of/)
    expect(await kindError({}, ['--lang=en'])).toMatch(/^The check kind must be one of/)
    expect(await kindError({ LANG: 'en_US.UTF-8' })).toMatch(/^The check kind must be one of/)
    expect(await kindError({ LC_MESSAGES: 'en_GB', LANG: 'zh_CN.UTF-8' })).toMatch(
      /^The check kind must be one of/,
    )
    expect(await kindError({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toMatch(/^check 的类型必须是/)
    expect(await kindError({ LANG: 'en_US.UTF-8' }, ['--lang', 'zh'])).toMatch(/^check 的类型必须是/)
  })

  it('never uses the window app wording in any CLI message', () => {
    const root = join(import.meta.dirname, '../../../electron/cli')
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(8)
    for (const f of files)
      expect(readFileSync(join(root, f), 'utf8'), f).not.toMatch(/刷新|点击|按钮|窗口|refresh the|click/i)
  })
})

describe('a real process', () => {
  it('piped into head, stops quietly with exit code 0 (no EPIPE stack trace)', () => {
    const dir = tempDir()
    const input = join(dir, 'ids.txt')
    const id = syntheticResidentId()
    writeFileSync(input, `${id}\n`.repeat(30_000))
    const script = `node --import tsx "${ENTRY}" check resident-id --stdin < "${input}" 2> "${join(dir, 'err.txt')}" | head -n 2; echo "exit=\${PIPESTATUS[0]}"`
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' })
    const lines = out.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ valid: true })
    expect(lines[2]).toBe('exit=0')
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('')
  })

  it('takes its language from the environment', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, 'check', 'mobile', '123'], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' },
    })
    expect([r.status, r.stdout.split('\n')[0]]).toEqual([1, '✗ invalid'])
  })
})
