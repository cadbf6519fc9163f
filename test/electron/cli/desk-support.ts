/** A small agency workspace for the desk commands (status, event), with dates relative to today. */
import { localToday } from '../../../core/packet/readiness'
import { makeIndividual, makeSite } from '../../support/factories'
import { storeWorkspace } from './support'

/** The calendar day `n` days from today (negative: in the past), YYYY-MM-DD. */
export function dayFromToday(n: number): string {
  const [y, m, d] = localToday().split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d + n))
  return date.toISOString().slice(0, 10)
}

/** Two clients: 小明 with an overdue and a due-soon site, 小红 with one site (id printed in errors). */
export function deskWorkspace(dir: string) {
  const ming = makeIndividual({ name: '王小明' })
  const hong = makeIndividual({ name: '李小红' })
  const overdue = makeSite(ming.id, {
    name: '小明的博客',
    mainDomain: 'ming-blog.cn',
    openingDate: dayFromToday(-40),
  })
  const soon = makeSite(ming.id, {
    name: '小明的相册',
    mainDomain: 'ming-photos.cn',
    icpNumber: '京ICP备12345678号-2',
    openingDate: dayFromToday(-25),
  })
  const later = makeSite(hong.id, {
    interactive: true,
    name: '小红的书店',
    mainDomain: 'hong-books.cn',
    openingDate: dayFromToday(-2),
  })
  storeWorkspace(dir, { subjects: [ming, hong], sites: [overdue, soon, later], materials: [] })
  return { ming, hong, overdue, soon, later }
}
