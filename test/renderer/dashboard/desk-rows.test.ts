import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildRows } from '../../../core/filing/dashboard'
import { upsertSite } from '../../../core/workspace'
import { deskRows } from '../../../renderer/src/features/dashboard/desk-rows'
import {
  loadHolidayYears,
  resetHolidayStore,
  seedHolidayYears,
  useHolidayStore,
} from '../../../renderer/src/features/filing/holiday-store'
import { workCalendar } from '../../../renderer/src/features/filing/useWorkCalendar'
import { makeAgencyWorkspace } from '../../../scripts/make-agency-workspace'
import { installBridge } from '../support/bridge'

const ws = makeAgencyWorkspace({ subjects: 5, sites: 10, events: 4 })

describe('the desk rows kept between visits', () => {
  it('are the rows buildRows gives, built once per workspace, day and calendar', () => {
    const cal = workCalendar([])
    const rows = deskRows(ws, '2026-12-07', cal)
    expect(rows).toEqual(buildRows(ws, '2026-12-07', cal, null))
    expect(deskRows(ws, '2026-12-07', cal)).toBe(rows)
    expect(deskRows(ws, '2026-12-08', cal)).not.toBe(rows)
    const site = ws.sites[0]!
    const edited = upsertSite(ws, { ...site, name: `${site.name}（改）` })
    const after = deskRows(edited, '2026-12-08', cal)
    expect(after.find((r) => r.siteId === site.id)?.site).toBe(`${site.name}（改）`)
  })

  it("use one calendar per list of the user's holiday dates", () => {
    const years = [{ year: 2031, holidays: ['2031-01-01'], workdays: [] }]
    expect(workCalendar(years)).toBe(workCalendar(years))
    expect(workCalendar([...years])).not.toBe(workCalendar(years))
  })
})

describe('the holiday dates read at start', () => {
  beforeEach(() => resetHolidayStore())
  afterEach(() => {
    delete window.beian
  })

  it('are taken from the start-up settings, so the desk does not ask main again', async () => {
    const invoke = installBridge(() => undefined)
    const years = [{ year: 2031, holidays: ['2031-01-01'], workdays: [] }]
    seedHolidayYears(years)
    await loadHolidayYears()
    expect(useHolidayStore.getState().userYears).toBe(years)
    expect(invoke).not.toHaveBeenCalled()
  })
})
