import { Alert, Col, Form, Radio, Select } from 'antd'
import { CONTROLLED_GOODS } from '../../data/option-labels'
import { useT } from '../../i18n'
import { Field } from '../form/Field'

/** 是否提供涉及管制物品信息发布服务 (yes/no) and, when yes, which categories. */
export function ControlledGoodsFields() {
  const t = useT()
  const form = Form.useFormInstance()
  const offers = Form.useWatch('offersControlledGoods', form) === true
  return (
    <>
      <Col xs={24} md={12}>
        <Field
          label={t('site.controlledGoods')}
          name="offersControlledGoods"
          path="offersControlledGoods"
          testId="site-offersControlledGoods"
          required
        >
          <Radio.Group
            data-testid="site-offersControlledGoods"
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        </Field>
      </Col>
      {offers && (
        <Col xs={24} md={12}>
          <Field
            label={t('site.controlledGoodsList')}
            name="controlledGoods"
            path="controlledGoods"
            testId="site-controlledGoods"
            required
          >
            <Select
              data-testid="site-controlledGoods"
              mode="multiple"
              options={CONTROLLED_GOODS.map((value) => ({ value, label: value }))}
            />
          </Field>
        </Col>
      )}
      <Col xs={24}>
        <Alert
          type={offers ? 'warning' : 'info'}
          showIcon
          className="interactive-help"
          title={t('site.controlledGoodsHelp')}
        />
      </Col>
    </>
  )
}
