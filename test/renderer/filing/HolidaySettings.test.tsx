import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setErrorPresenter } from '../../../renderer/src/api'
import { HolidaySettings } from '../../../renderer/src/features/filing/HolidaySettings'
import {
  loadHolidayYears,
  resetHolidayStore,
  useHolidayStore,
} from '../../../renderer/src/features/filing/holiday-store'
import { installBridge } from '../support/bridge'

beforeEach(() => {
  setErrorPresenter(() => undefined)
  resetHolidayStore()
})
afterEach(() => {
  cleanup()
  delete window.beian
})

describe('HolidaySettings', () => {
  it('stores a year the package does not cover, through settings:set', async () => {
    const invoke = installBridge((c, req) => {
      if (c === 'settings:get') return { ok: true, value: { language: 'zh-CN', lastExportDir: '' } }
      if (c === 'settings:set')
        return { ok: true, value: { language: 'zh-CN', lastExportDir: '', ...(req as object) } }
      return undefined
    })
    await loadHolidayYears()
    render(
      <AntApp>
        <HolidaySettings />
      </AntApp>,
    )
    await act(async () => {
      fireEvent.click(screen.getByTestId('holiday-open'))
    })
    fireEvent.change(screen.getByTestId('holiday-off'), { target: { value: '2027-13-01' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('holiday-save'))
    })
    expect(screen.getByText(/不是有效日期/)).toBeTruthy()
    expect(invoke).not.toHaveBeenCalledWith('settings:set', expect.anything())
    fireEvent.change(screen.getByTestId('holiday-off'), {
      target: { value: '2027-10-01\n2027-10-02，2027-10-01' },
    })
    fireEvent.change(screen.getByTestId('holiday-work'), { target: { value: '2027-09-26' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('holiday-save'))
    })
    const expected = [{ year: 2027, holidays: ['2027-10-01', '2027-10-02'], workdays: ['2027-09-26'] }]
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('settings:set', { holidayYears: expected }))
    expect(useHolidayStore.getState().userYears).toEqual(expected)
    expect(screen.getByText('2027 年：放假 2 天，调休上班 1 天')).toBeTruthy()
  })
})
