/** beian-desk backups: the generations with their counts, and a restore that keeps the state it replaces. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { makeIndividual, makeSite } from '../../support/factories'
import { storedWorkspace } from '../../support/stored-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { run, storeWorkspace } from './support'

const tempDir = useTempDirs()

type Generation = {
  id: string
  takenAt: string
  valid: boolean
  subjects: number
  sites: number
  materials: number
}

const subjectsIn = (dir: string): string[] => storedWorkspace(dir).subjects.map((s) => s.name)

/** One subject with a site kept as a generation of its own, then a second subject stored. */
function twoStates() {
  const dir = tempDir()
  const a = makeIndividual({ name: '王小明' })
  const site = makeSite(a.id)
  storeWorkspace(dir, { subjects: [a], sites: [site], materials: [] })
  const store = openConfStore(dir)
  const kept = store.snapshotSeparate()
  store.close()
  storeWorkspace(dir, { subjects: [a, makeIndividual({ name: '李小红' })], sites: [site], materials: [] })
  return { dir, kept }
}

async function generations(dir: string): Promise<Generation[]> {
  const r = await run(['backups', 'list', '--data-dir', dir, '--json'])
  expect(r.code).toBe(0)
  return (JSON.parse(r.out) as { generations: Generation[] }).generations
}

describe('beian-desk backups', () => {
  it('lists the generations with date and counts, read-only', async () => {
    const { dir, kept } = twoStates()
    const listing = readdirSync(join(dir, 'backups')).sort()
    const gens = await generations(dir)
    expect(gens.find((g) => g.id === kept)).toMatchObject({
      valid: true,
      subjects: 1,
      sites: 1,
      materials: 0,
    })
    expect(gens[0]).toMatchObject({ valid: true, subjects: 2, sites: 1 })
    const human = await run(['backups', 'list', '--data-dir', dir])
    expect(human.code).toBe(0)
    const lines = human.out.trimEnd().split('\n')
    expect(lines).toHaveLength(gens.length)
    const keptGen = gens.find((g) => g.id === kept) as Generation
    expect(lines).toContain(`${kept}  ${keptGen.takenAt}  主体 1 个，网站 1 个，材料 0 份`)
    const en = await run(['backups', 'list', '--data-dir', dir, '--lang', 'en'])
    expect(en.out).toContain(`${kept}  ${keptGen.takenAt}  1 subject(s), 1 site(s), 0 material(s)`)
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(listing)
  })

  it('restores a generation, keeping the replaced state as one that restores back', async () => {
    const { dir, kept } = twoStates()
    const r = await run(['backups', 'restore', kept, '--data-dir', dir])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(new RegExp(`^已恢复到备份 ${kept}（\\S+）：主体 1 个，网站 1 个，材料 0 份。\\n`))
    const previous = /恢复前的数据已另存为备份 (\S+)，/.exec(r.out)?.[1] as string
    expect(previous).toBeTruthy()
    expect(subjectsIn(dir)).toEqual(['王小明'])
    expect((await generations(dir)).find((g) => g.id === previous)).toMatchObject({ subjects: 2 })

    const back = await run(['backups', 'restore', previous, '--data-dir', dir, '--lang', 'en'])
    expect(back.code).toBe(0)
    expect(back.out).toContain(`Restored backup ${previous}`)
    expect(back.out).toContain('2 subject(s), 1 site(s), 0 material(s).')
    expect(subjectsIn(dir).sort()).toEqual(['李小红', '王小明'].sort())
  })

  it('says what is wrong with an unknown id or a missing action', async () => {
    const { dir } = twoStates()
    const before = readFileSync(join(dir, 'config.json'))
    const unknown = await run(['backups', 'restore', '20990101T00', '--data-dir', dir])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toBe('没有编号为 20990101T00 的备份，请刷新备份列表后重试。\n')
    expect(readFileSync(join(dir, 'config.json'))).toEqual(before)
    const none = await run(['backups', '--data-dir', dir])
    expect(none.code).toBe(2)
    expect(none.err).toContain('请给出 list 或 restore <备份编号>。')
    const bad = await run(['backups', 'delete', '--data-dir', dir, '--lang', 'en'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('backups takes list or restore, not "delete".')
    const noId = await run(['backups', 'restore', '--data-dir', dir])
    expect(noId.code).toBe(2)
    expect(noId.err).toContain('请给出要恢复的备份编号（用 beian-desk backups list 查看）。')
  })
})
