import { AutoComplete, Button, Col, Form, Radio, Row } from 'antd'
import { providerForBrand, SUGGESTED_PROVIDERS, type ProviderRole } from '../../data/option-labels'
import { PROVINCES } from '../../data/provinces'
import { useT } from '../../i18n'
import { Field } from '../form/Field'

type Props = { name: 'accessProvider' | 'registrar' }

const REGION_OPTIONS = PROVINCES.map((p) => ({ value: p.name }))
const filter = (input: string, option?: { value: string }) =>
  (option?.value ?? '').toLowerCase().includes(input.trim().toLowerCase())

function nameOptions(role: ProviderRole) {
  return SUGGESTED_PROVIDERS.filter((p) => p.roles.includes(role)).map((p) => ({ value: p.name }))
}

/** 境内/境外, 所属区域, 名称 of one provider; picking a suggestion fills all three. */
export function ProviderFields({ name }: Props) {
  const t = useT()
  const form = Form.useFormInstance()
  const typed: unknown = Form.useWatch([name, 'name'], form)
  const brand = typeof typed === 'string' ? providerForBrand(typed) : null
  const role: ProviderRole = name === 'accessProvider' ? 'access' : 'registrar'
  const id = (field: string) => `site-${name}-${field}`
  const apply = (legalName: string) => {
    const p = SUGGESTED_PROVIDERS.find((s) => s.name === legalName)
    if (!p) return
    form.setFieldValue([name, 'name'], p.name)
    form.setFieldValue([name, 'location'], p.location)
    if (p.region) form.setFieldValue([name, 'region'], p.region)
  }
  const hint = brand && (
    <Button type="link" size="small" className="inline-link" onClick={() => apply(brand.name)}>
      {brand.name}
    </Button>
  )
  return (
    <Row gutter={24}>
      <Col xs={24} md={8}>
        <Field
          label={t('site.providerLocation')}
          name={[name, 'location']}
          path={`${name}.location`}
          testId={id('location')}
          required
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'domestic', label: t('site.domestic') },
              { value: 'abroad', label: t('site.abroad') },
            ]}
          />
        </Field>
      </Col>
      <Col xs={24} md={16}>
        <Field
          label={t('site.providerRegion')}
          name={[name, 'region']}
          path={`${name}.region`}
          testId={id('region')}
          required
          copy
        >
          <AutoComplete
            data-testid={id('region')}
            options={REGION_OPTIONS}
            showSearch={{ filterOption: filter }}
          />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          label={t('site.providerName')}
          name={[name, 'name']}
          path={`${name}.name`}
          testId={id('name')}
          required
          tooltip={t('site.providerNameHelp')}
          extra={
            hint && (
              <span>
                {t('site.providerBrandHint')} {hint}
              </span>
            )
          }
          copy
        >
          <AutoComplete
            data-testid={id('name')}
            options={nameOptions(role)}
            showSearch={{ filterOption: filter }}
            onSelect={(value: string) => apply(value)}
          />
        </Field>
      </Col>
    </Row>
  )
}
