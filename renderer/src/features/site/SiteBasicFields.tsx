import { Col, DatePicker, Form, Radio, Row, Select } from 'antd'
import { useT } from '../../i18n'
import { Field } from '../form/Field'
import { TextField } from '../form/TextField'
import { TEXT_MAX } from '../form/text-limits'

/** A field whose form name and model path are `field`, test id `site-<field>`. */
const at = (field: string) => ({ name: field, path: field, testId: `site-${field}` })

/** 网站基本信息: name, ICP number, opening date, domains, IPs. */
export function SiteBasicFields() {
  const t = useT()
  const form = Form.useFormInstance()
  const ownDomain = Form.useWatch('hasOwnDomain', form) !== false
  return (
    <Row gutter={24}>
      <TextField
        label={t('site.name')}
        {...at('name')}
        tooltip={t('site.nameHelp')}
        required
        wide
        maxLength={TEXT_MAX.site.name}
      />
      <TextField
        label={t('site.icpNumber')}
        {...at('icpNumber')}
        maxLength={TEXT_MAX.site.icpNumber}
        placeholder={t('site.icpPlaceholder')}
      />
      <Col xs={24} md={12}>
        <Field
          label={t('site.openingDate')}
          name="openingDate"
          path="openingDate"
          testId="site-openingDate"
          required
          tooltip={t('site.openingHelp')}
        >
          <DatePicker data-testid="site-openingDate" style={{ width: '100%' }} />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          label={t('site.hasOwnDomain')}
          name="hasOwnDomain"
          path="hasOwnDomain"
          testId="site-hasOwnDomain"
          required
        >
          <Radio.Group
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        </Field>
      </Col>
      {ownDomain ? (
        <>
          <TextField
            label={t('site.mainDomain')}
            {...at('mainDomain')}
            required
            code
            maxLength={TEXT_MAX.site.mainDomain}
            placeholder={t('site.mainDomainPlaceholder')}
          />
          <Col xs={24} md={12}>
            <Field
              label={t('site.extraDomains')}
              name="extraDomains"
              path="extraDomains"
              testId="site-extraDomains"
            >
              <Select
                data-testid="site-extraDomains"
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', ' ', ';']}
                placeholder={t('site.extraDomainsPlaceholder')}
                suffixIcon={null}
              />
            </Field>
          </Col>
        </>
      ) : (
        <TextField
          label={t('site.homeUrl')}
          {...at('homeUrl')}
          required
          code
          wide
          maxLength={TEXT_MAX.site.homeUrl}
        />
      )}
      <Col xs={24}>
        <Field
          label={t('site.serverIps')}
          name="serverIps"
          path="serverIps"
          testId="site-serverIps"
          required
          extra={t('site.serverIpsHelp')}
        >
          <Select
            data-testid="site-serverIps"
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', ' ', ';']}
            suffixIcon={null}
          />
        </Field>
      </Col>
    </Row>
  )
}
