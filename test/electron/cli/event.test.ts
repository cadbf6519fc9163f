/** beian-desk event: filing events through the filing service, refusals with the reason, undo, the writer lock. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../../electron/main/services/writer-lock'
import { storedWorkspace } from '../../support/stored-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { dayFromToday, deskWorkspace } from './desk-support'
import { run } from './support'

const tempDir = useTempDirs()
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

const stored = storedWorkspace

describe('beian-desk event', () => {
  it('records an event by domain, then refuses an illegal one with the Chinese reason', async () => {
    const dir = tempDir()
    const { overdue } = deskWorkspace(dir)
    const date = dayFromToday(-3)
    const ok = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      'Ming-Blog.cn',
      '--stage',
      'submitted',
      '--date',
      date,
      '--operator',
      '小王',
      '--note',
      '首次提交',
    ])
    expect(ok.err).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.out).toContain(`已记录：小明的博客 已提交（${date}）`)
    expect(ok.out).toContain('当前阶段：已提交')
    const events = stored(dir).filingEvents ?? []
    expect(events).toEqual([
      expect.objectContaining({
        ownerId: overdue.id,
        kind: 'submitted',
        date,
        operator: '小王',
        note: '首次提交',
      }),
    ])

    const refused = await run(['event', '--data-dir', dir, '--site', overdue.id, '--stage', 'submitted'])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('这个网站已记录为已提交，正在等待审核')
    expect(stored(dir).filingEvents).toHaveLength(1)
    const en = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      overdue.id,
      '--stage',
      'badged',
      '--lang',
      'en',
    ])
    expect(en.code).toBe(1)
    expect(en.err).toMatch(/^✗ Refused \(reason in Chinese\): .*已挂标/)
  })

  it('records 已备案 with the number and police office, refusing it without them', async () => {
    const dir = tempDir()
    deskWorkspace(dir)
    await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      '小明的相册',
      '--stage',
      '已提交',
      '--date',
      dayFromToday(-10),
    ])
    const missing = await run(['event', '--data-dir', dir, '--site', '小明的相册', '--stage', 'filed'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('请填写公安备案号和备案地公安机关')
    const bad = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      '小明的相册',
      '--stage',
      'filed',
      '--filing-number',
      '123',
      '--police',
      '北京市公安局朝阳分局',
    ])
    expect(bad.code).toBe(1)
    const filed = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      '小明的相册',
      '--stage',
      'filed',
      '--date',
      dayFromToday(-1),
      '--filing-number',
      '11010502000001',
      '--police',
      '北京市公安局朝阳分局',
      '--json',
    ])
    expect(filed.code).toBe(0)
    const out = JSON.parse(filed.out) as {
      stage: string
      event: { approval: { filingNumber: string; policeUnit: string } }
    }
    expect(out.stage).toBe('filed')
    expect(out.event.approval).toEqual({ filingNumber: '11010502000001', policeUnit: '北京市公安局朝阳分局' })
  })

  it('records an interview notice from its options', async () => {
    const dir = tempDir()
    deskWorkspace(dir)
    await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      'hong-books.cn',
      '--stage',
      'submitted',
      '--date',
      dayFromToday(-1),
    ])
    const r = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      'hong-books.cn',
      '--stage',
      'interview',
      '--interview-date',
      dayFromToday(5),
      '--interview-time',
      '09:30',
      '--place',
      '朝阳分局网安大队',
      '--bring',
      '身份证原件',
      '--bring',
      '营业执照原件',
      '--inspection',
    ])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('当前阶段：待面审/实地检查')
    // Not marked as submitted: the hint from the core rules is shown.
    expect(r.out).toContain('提示：交互式网站通常需要先通过备案平台提交安全评估报告')
    const event = stored(dir).filingEvents?.at(-1)
    expect(event?.interview).toEqual({
      mode: 'inspection',
      date: dayFromToday(5),
      time: '09:30',
      place: '朝阳分局网安大队',
      originals: ['身份证原件', '营业执照原件'],
      securityAssessmentSubmitted: false,
    })
  })

  it('undoes the last event, and says so when there is none', async () => {
    const dir = tempDir()
    deskWorkspace(dir)
    const date = dayFromToday(-2)
    await run(['event', '--data-dir', dir, '--site', 'ming-blog.cn', '--stage', 'submitted', '--date', date])
    const undo = await run(['event', '--data-dir', dir, '--site', 'ming-blog.cn', '--undo'])
    expect(undo.code).toBe(0)
    expect(undo.out).toContain(`已撤销 小明的博客 的最后一条记录：已提交（${date}）`)
    expect(undo.out).toContain('当前阶段：准备中')
    expect(stored(dir).filingEvents ?? []).toEqual([])
    const none = await run(['event', '--data-dir', dir, '--site', 'ming-blog.cn', '--undo'])
    expect(none.code).toBe(1)
    expect(none.err).toContain('没有可以撤销的记录。')
  })

  it('explains usage mistakes with exit code 2', async () => {
    const dir = tempDir()
    deskWorkspace(dir)
    const unknown = await run(['event', '--data-dir', dir, '--site', 'ming-blog.cn', '--stage', 'approved'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('不认识的事件 “approved”')
    const en = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      'nowhere.cn',
      '--stage',
      'submitted',
      '--lang',
      'en',
    ])
    expect(en.code).toBe(2)
    expect(en.err).toContain('No site "nowhere.cn"')
    const both = await run([
      'event',
      '--data-dir',
      dir,
      '--site',
      'ming-blog.cn',
      '--stage',
      'submitted',
      '--undo',
    ])
    expect(both.code).toBe(2)
    expect(both.err).toContain('--undo 撤销最后一条记录，不能与 --stage 同时使用')
  })

  it('refuses to write while another program holds the writer lock, changing nothing', async () => {
    const dir = tempDir()
    deskWorkspace(dir)
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
    children.push(child)
    await new Promise((resolve) => child.once('spawn', resolve))
    const holder = {
      pid: child.pid,
      startedAt: new Date().toISOString(),
      hostname: hostname(),
      owner: 'app',
      token: 'b'.repeat(32),
    }
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder))
    const before = readFileSync(join(dir, 'config.json'))
    const r = await run(['event', '--data-dir', dir, '--site', 'ming-blog.cn', '--stage', 'submitted'])
    expect(r.code).toBe(1)
    expect(r.err).toContain('同一时间只能有一个程序修改数据')
    expect(readFileSync(join(dir, 'config.json'))).toEqual(before)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(holder)
    const en = await run(['import', join(dir, 'none.csv'), '--data-dir', dir, '--lang', 'en'])
    expect(en.code).toBe(1)
    expect(en.err).toContain('only one may change it at a time. Close it and try again')
  })
})
