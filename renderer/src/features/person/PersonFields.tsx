import { Checkbox, Col, DatePicker, Form, Row, Select } from 'antd'
import { PERSON_ID_TYPES, type PersonIdType } from '../../../../core/model'
import { idTypeAllowsLongTerm, PERSON_ID_TYPE_LABELS } from '../../data/option-labels'
import { DivisionPicker } from '../../components/division/DivisionPicker'
import { useT } from '../../i18n'
import { Field } from '../form/Field'
import { OcrFieldNote } from './OcrFieldNote'
import { TextField } from '../form/TextField'
import { TEXT_MAX } from '../form/text-limits'

type Props = {
  /** Form name path of the block, e.g. ['principal']. */
  base: (string | number)[]
  /** Model path of the block for findings, e.g. `principal`. */
  path: string
  /** Prefix of the block's test ids, e.g. `person` → `person-name`. */
  testPrefix: string
  officePhoneRequired?: boolean
  /**
   * `full`: the subject's person in charge (address, office phone, e-mail); `security`: the
   * site step's 安全负责人 (no address or office phone); `emergency`: 应急联络人 (ID and mobile).
   */
  variant?: 'full' | 'security' | 'emergency'
}

const ID_TYPE_OPTIONS = PERSON_ID_TYPES.map((value) => ({ value, label: PERSON_ID_TYPE_LABELS[value] }))

/** 姓名 … 电子邮箱 of one person, in the portal's order and wording. */
export function PersonFields({
  base,
  path,
  testPrefix,
  officePhoneRequired = false,
  variant = 'full',
}: Props) {
  const t = useT()
  const form = Form.useFormInstance()
  const longTerm = Form.useWatch([...base, 'idLongTerm'], form) === true
  const idType: unknown = Form.useWatch([...base, 'idType'], form)
  const longTermAllowed = typeof idType !== 'string' || idTypeAllowsLongTerm(idType as PersonIdType)
  const n = (field: string) => [...base, field]
  const p = (field: string) => `${path}.${field}`
  const id = (field: string) => `${testPrefix}-${field}`
  /** A field whose form name, model path and test id all end in `field`. */
  const at = (field: string) => ({ name: n(field), path: p(field), testId: id(field) })
  return (
    <Row gutter={24}>
      <TextField
        label={t('person.name')}
        {...at('name')}
        required
        maxLength={TEXT_MAX.person.name}
        extra={<OcrFieldNote base={base} field="name" testId={id('name')} />}
      />
      <Col xs={24} md={12}>
        <Field
          label={t('person.idType')}
          name={n('idType')}
          path={p('idType')}
          testId={id('idType')}
          required
        >
          <Select
            data-testid={id('idType')}
            options={ID_TYPE_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Field>
      </Col>
      <TextField
        label={t('person.idNumber')}
        {...at('idNumber')}
        required
        code
        maxLength={TEXT_MAX.person.idNumber}
        extra={<OcrFieldNote base={base} field="idNumber" testId={id('idNumber')} />}
      />
      <Col xs={24} md={12}>
        <Field
          label={t('person.idExpiry')}
          name={n('idExpiryDate')}
          path={p('idExpiry')}
          testId={id('idExpiry')}
          required
          extra={<OcrFieldNote base={base} field="idExpiry" testId={id('idExpiry')} />}
          addon={
            <Form.Item name={n('idLongTerm')} valuePropName="checked" noStyle>
              <Checkbox className="long-term-check" disabled={!longTermAllowed && !longTerm}>
                <span data-testid={id('idLongTerm')}>{t('common.longTerm')}</span>
              </Checkbox>
            </Form.Item>
          }
        >
          <DatePicker
            data-testid={id('idExpiry')}
            disabled={longTerm}
            placeholder={t('person.idExpiryPlaceholder')}
            style={{ width: '100%' }}
          />
        </Field>
      </Col>
      {variant === 'full' && (
        <>
          <Col xs={24}>
            <Field
              label={t('person.address')}
              name={n('division')}
              path={p('address.divisionCodes')}
              testId={id('address')}
              required
            >
              <DivisionPicker testPrefix={id('address')} />
            </Field>
          </Col>
          <TextField
            label={t('person.addressDetail')}
            name={n('detail')}
            path={p('address.detail')}
            testId={id('address-detail')}
            required
            wide
            maxLength={TEXT_MAX.addressDetail}
            placeholder={t('person.addressDetailPlaceholder')}
          />
          <TextField
            label={t('person.officePhone')}
            {...at('officePhone')}
            required={officePhoneRequired}
            maxLength={TEXT_MAX.person.officePhone}
            placeholder="010-62345678"
          />
        </>
      )}
      <TextField
        label={t('person.mobile')}
        {...at('mobile')}
        required
        maxLength={TEXT_MAX.person.mobile}
        inputMode="tel"
      />
      {variant !== 'emergency' && (
        <TextField
          label={t('person.email')}
          {...at('email')}
          required
          maxLength={TEXT_MAX.person.email}
          inputMode="email"
        />
      )}
    </Row>
  )
}
