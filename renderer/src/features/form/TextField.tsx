import { Col, Input } from 'antd'
import type { HTMLAttributes } from 'react'
import { Field, type FieldProps } from './Field'

type Props = Omit<FieldProps, 'children' | 'copy' | 'path' | 'testId'> & {
  /** Model path whose findings show under the field, e.g. `principal.mobile`. */
  path: string
  /** Test id of the input, and prefix of its help and copy test ids. */
  testId: string
  /** From the stored model's schema (form/text-limits.ts), never a literal. */
  maxLength: number
  placeholder?: string
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  /** A number or an address (ID, certificate, domain, URL): no spell check. */
  code?: boolean
  /** A whole row instead of half of one on wide windows. */
  wide?: boolean
}

/**
 * A labelled one-line text input in its grid column, with the copy button and its live
 * findings: the shape of most rows of the subject, person and site forms.
 */
export function TextField({ maxLength, placeholder, inputMode, code, wide, ...field }: Props) {
  return (
    <Col xs={24} md={wide ? undefined : 12}>
      <Field {...field} copy>
        <Input
          data-testid={field.testId}
          maxLength={maxLength}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={code ? false : undefined}
        />
      </Field>
    </Col>
  )
}
