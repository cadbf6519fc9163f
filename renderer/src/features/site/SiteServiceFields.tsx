import { Alert, AutoComplete, Col, Form, Radio, Row, Select } from 'antd'
import { ACCESS_METHODS, LANGUAGES, PRE_APPROVALS, SERVICE_TYPES } from '../../data/option-labels'
import { ControlledGoodsFields } from './ControlledGoodsFields'
import { useT } from '../../i18n'
import { Field } from '../form/Field'

const toOptions = (list: readonly string[]) => list.map((value) => ({ value, label: value }))

/** 接入方式, 交互服务 (with the portal's definition), service types, languages, 前置许可, 管制物品. */
export function SiteServiceFields() {
  const t = useT()
  const form = Form.useFormInstance()
  const interactive = Form.useWatch('interactive', form) === true
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Field
          label={t('site.accessMethod')}
          name="accessMethod"
          path="accessMethod"
          testId="site-accessMethod"
          copy
        >
          <AutoComplete data-testid="site-accessMethod" options={toOptions(ACCESS_METHODS)} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('site.interactive')}
          name="interactive"
          path="interactive"
          testId="site-interactive"
          required
        >
          <Radio.Group
            data-testid="site-interactive"
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        </Field>
      </Col>
      <Col xs={24}>
        <Alert
          type={interactive ? 'warning' : 'info'}
          showIcon
          className="interactive-help"
          title={t('site.interactiveHelp')}
        />
        {interactive && (
          <Alert
            type="info"
            showIcon
            className="interactive-help"
            data-testid="site-interactive-materials"
            title={t('site.interactiveMaterials')}
          />
        )}
      </Col>
      <Col xs={24}>
        <Field
          label={t('site.serviceTypes')}
          name="serviceTypes"
          path="serviceTypes"
          testId="site-serviceTypes"
        >
          <Select data-testid="site-serviceTypes" mode="multiple" options={toOptions(SERVICE_TYPES)} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('site.languages')} name="languages" path="languages" testId="site-languages">
          <Select data-testid="site-languages" mode="multiple" options={toOptions(LANGUAGES)} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('site.preApprovals')}
          name="preApprovals"
          path="preApprovals"
          testId="site-preApprovals"
        >
          <Select data-testid="site-preApprovals" mode="multiple" options={toOptions(PRE_APPROVALS)} />
        </Field>
      </Col>
      <ControlledGoodsFields />
    </Row>
  )
}
