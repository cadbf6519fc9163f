import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd'
import { useT } from '../../i18n'
import { Field } from '../form/Field'
import { TEXT_MAX } from '../form/text-limits'

/** 网站基本信息: name, ICP number, opening date, domains, IPs. */
export function SiteBasicFields() {
  const t = useT()
  const form = Form.useFormInstance()
  const ownDomain = Form.useWatch('hasOwnDomain', form) !== false
  return (
    <Row gutter={24}>
      <Col xs={24}>
        <Field
          label={t('site.name')}
          name="name"
          path="name"
          testId="site-name"
          tooltip={t('site.nameHelp')}
          required
          copy
        >
          <Input data-testid="site-name" maxLength={TEXT_MAX.site.name} autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('site.icpNumber')} name="icpNumber" path="icpNumber" testId="site-icpNumber" copy>
          <Input
            data-testid="site-icpNumber"
            maxLength={TEXT_MAX.site.icpNumber}
            placeholder={t('site.icpPlaceholder')}
          />
        </Field>
      </Col>
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
          <Col xs={24} md={12}>
            <Field
              label={t('site.mainDomain')}
              name="mainDomain"
              path="mainDomain"
              testId="site-mainDomain"
              required
              copy
            >
              <Input
                data-testid="site-mainDomain"
                maxLength={TEXT_MAX.site.mainDomain}
                placeholder={t('site.mainDomainPlaceholder')}
                spellCheck={false}
              />
            </Field>
          </Col>
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
        <Col xs={24}>
          <Field label={t('site.homeUrl')} name="homeUrl" path="homeUrl" testId="site-homeUrl" required copy>
            <Input data-testid="site-homeUrl" maxLength={TEXT_MAX.site.homeUrl} spellCheck={false} />
          </Field>
        </Col>
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
