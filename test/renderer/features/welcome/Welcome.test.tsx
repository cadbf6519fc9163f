import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Welcome } from '../../../../renderer/src/features/welcome/Welcome'

afterEach(cleanup)

const stepClasses = () =>
  [...screen.getByTestId('welcome-steps').querySelectorAll('.ant-steps-item')].map((el) => el.className)

describe('Welcome', () => {
  it('shows the three steps as an active guide, none greyed out as waiting', () => {
    render(<Welcome hasSubjects={false} />)
    const classes = stepClasses()
    expect(classes).toHaveLength(3)
    for (const c of classes) {
      expect(c).toContain('ant-steps-item-process')
      expect(c).not.toContain('ant-steps-item-wait')
    }
    expect(screen.getByText('新建开办主体')).toBeTruthy()
  })

  it('ticks the first step once a subject exists', () => {
    render(<Welcome hasSubjects />)
    const classes = stepClasses()
    expect(classes[0]).toContain('ant-steps-item-finish')
    expect(classes.slice(1).every((c) => c.includes('ant-steps-item-process'))).toBe(true)
  })
})
