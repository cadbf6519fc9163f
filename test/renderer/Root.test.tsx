import { cleanup, render, screen } from '@testing-library/react'
import { Button, ConfigProvider } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import { BUTTON_CONFIG } from '../../renderer/src/Root'

afterEach(cleanup)

describe('button config', () => {
  it('keeps two-character button labels as written (no “确 定”)', () => {
    render(
      <ConfigProvider button={BUTTON_CONFIG}>
        <Button data-testid="ok">确定</Button>
      </ConfigProvider>,
    )
    expect(screen.getByTestId('ok').textContent).toBe('确定')
  })

  it('would insert the space without it (the test can fail)', () => {
    render(<Button data-testid="ok">确定</Button>)
    expect(screen.getByTestId('ok').textContent).toBe('确 定')
  })
})
