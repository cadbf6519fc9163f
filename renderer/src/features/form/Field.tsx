import { Form } from 'antd'
import type { NamePath } from 'antd/es/form/interface'
import type { ReactNode } from 'react'
import { CopyButton } from '../../components/CopyButton'
import { RuleText } from '../../components/RuleText'
import type { FieldMessages } from './findings'
import { useFieldMessages } from './findings-context'

export type FieldProps = {
  label: ReactNode
  name: NamePath
  /** Model path whose findings show under this field, e.g. `principal.idNumber`. */
  path?: string
  /** Prefix for `<prefix>-error` / `<prefix>-warning` test ids on the help text. */
  testId?: string
  tooltip?: ReactNode
  extra?: ReactNode
  required?: boolean
  /** Copy button beside the control (text fields). */
  copy?: boolean
  valuePropName?: string
  /** Rendered beside the control, e.g. the 长期 checkbox. */
  addon?: ReactNode
  children: ReactNode
}

const NONE: FieldMessages = { errors: [], warnings: [] }

function CopyOf({ name, testId }: { name: NamePath; testId?: string }) {
  const form = Form.useFormInstance()
  const value: unknown = Form.useWatch(name, { form, preserve: true })
  const text = typeof value === 'string' ? value : ''
  return <CopyButton value={text} testId={testId ? `${testId}-copy` : undefined} />
}

function help(messages: FieldMessages, testId?: string): ReactNode {
  const errors = messages.errors
  const warnings = messages.warnings
  if (errors.length === 0 && warnings.length === 0) return undefined
  return (
    <>
      {errors.length > 0 && (
        <div className="field-errors" data-testid={testId ? `${testId}-error` : undefined}>
          {errors.map((m) => (
            <div key={m}>
              <RuleText message={m} />
            </div>
          ))}
        </div>
      )}
      {warnings.length > 0 && (
        <div className="field-warnings" data-testid={testId ? `${testId}-warning` : undefined}>
          {warnings.map((m) => (
            <div key={m}>
              <RuleText message={m} />
            </div>
          ))}
        </div>
      )}
    </>
  )
}

/** One labelled form row: the control, its copy button, and its live findings underneath. */
export function Field(props: FieldProps) {
  const { label, name, path, testId, tooltip, extra, required, copy, valuePropName, addon, children } = props
  const form = Form.useFormInstance()
  const { messages, showAll } = useFieldMessages(path)
  const show = showAll || form.isFieldTouched(name)
  const visible = show && messages ? messages : NONE
  const status = visible.errors.length > 0 ? 'error' : visible.warnings.length > 0 ? 'warning' : undefined
  const control = (
    <Form.Item name={name} noStyle valuePropName={valuePropName}>
      {children}
    </Form.Item>
  )
  return (
    <Form.Item
      label={label}
      tooltip={tooltip}
      extra={extra}
      required={required}
      validateStatus={status}
      help={help(visible, testId)}
    >
      {copy || addon ? (
        <div className="field-with-copy">
          <div className="field-control">{control}</div>
          {addon}
          {copy && <CopyOf name={name} testId={testId} />}
        </div>
      ) : (
        control
      )}
    </Form.Item>
  )
}
