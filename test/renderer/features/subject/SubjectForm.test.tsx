import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import { SubjectForm } from '../../../../renderer/src/features/subject/SubjectForm'
import { installBridge } from '../../support/bridge'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits. */
function withCheckChar(body17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body17[i]), 0)
  return body17 + '10X98765432'[sum % 11]
}

// Synthetic number: Beijing Haidian prefix, born 1985-06-15, sequence 123.
const VALID = withCheckChar('11010819850615123')
const WRONG_CHECK = VALID.slice(0, 17) + (VALID.endsWith('0') ? '1' : '0')

afterEach(cleanup)

describe('SubjectForm', () => {
  it('shows the ID error for a bad check character and clears it for a valid number', async () => {
    render(
      <AntApp>
        <SubjectForm />
      </AntApp>,
    )
    const input = screen.getByTestId('person-idNumber')
    expect(screen.queryByTestId('person-idNumber-error')).toBeNull()

    fireEvent.change(input, { target: { value: WRONG_CHECK } })
    const error = await screen.findByTestId('person-idNumber-error', {}, { timeout: 8000 })
    expect(error.textContent).toMatch(/校验/)

    fireEvent.change(input, { target: { value: VALID } })
    await waitFor(() => expect(screen.queryByTestId('person-idNumber-error')).toBeNull(), { timeout: 8000 })
  })

  it('shows 单位 fields only for the organisation nature', async () => {
    render(
      <AntApp>
        <SubjectForm />
      </AntApp>,
    )
    expect(screen.queryByTestId('subject-name')).toBeNull()
    fireEvent.click(screen.getByTestId('subject-nature-organization'))
    await screen.findByTestId('subject-name', {}, { timeout: 8000 })
    expect(screen.getByTestId('subject-certNumber')).toBeTruthy()
    expect(screen.getByTestId('person-idNumber')).toBeTruthy()
  })
})

describe('SubjectForm 办公电话', () => {
  const isMarkedRequired = (testId: string): boolean =>
    screen.getByTestId(testId).closest('.ant-form-item')?.querySelector('.ant-form-item-required') != null

  it('marks 办公电话 as required for 个人 and for 单位, as rule ⑦ and the validators do', async () => {
    render(
      <AntApp>
        <SubjectForm />
      </AntApp>,
    )
    // 个人 (the default): the holder's office phone, a mobile is accepted there.
    expect(screen.queryByTestId('subject-name')).toBeNull()
    expect(isMarkedRequired('person-officePhone')).toBe(true)
    fireEvent.click(screen.getByTestId('subject-nature-organization'))
    await screen.findByTestId('subject-name', {}, { timeout: 8000 })
    expect(isMarkedRequired('person-officePhone')).toBe(true)
  })
})

describe('SubjectForm save', () => {
  it('does not save an empty new subject, and saves once the name is filled in', async () => {
    const invoke = installBridge((channel, req) =>
      channel === 'subjects:save' ? { ok: true, value: req } : undefined,
    )
    render(
      <AntApp>
        <SubjectForm />
      </AntApp>,
    )
    fireEvent.click(screen.getByTestId('save-subject'))
    await screen.findByText(/还不能保存：请先选择开办主体性质，并填写开办者姓名/, {}, { timeout: 8000 })
    expect(invoke.mock.calls.some(([channel]) => channel === 'subjects:save')).toBe(false)

    fireEvent.change(screen.getByTestId('person-name'), { target: { value: '   ' } })
    fireEvent.click(screen.getByTestId('save-subject'))
    await new Promise((r) => setTimeout(r, 50))
    expect(invoke.mock.calls.some(([channel]) => channel === 'subjects:save')).toBe(false)

    fireEvent.change(screen.getByTestId('person-name'), { target: { value: '李小明' } })
    fireEvent.click(screen.getByTestId('save-subject'))
    await waitFor(
      () => expect(invoke.mock.calls.some(([channel]) => channel === 'subjects:save')).toBe(true),
      {
        timeout: 8000,
      },
    )
    const saved = invoke.mock.calls.find(([channel]) => channel === 'subjects:save')?.[1] as { name: string }
    expect(saved.name).toBe('李小明')
  })
})
