import { Checkbox, Form, Typography } from 'antd'
import { useT } from '../../i18n'
import { PersonFields } from '../person/PersonFields'

type Props = {
  which: 'security' | 'emergency'
}

/** 网站安全负责人 or 网站应急联络人, with the portal's "同主体负责人信息" shortcut. */
export function SitePersonBlock({ which }: Props) {
  const t = useT()
  const form = Form.useFormInstance()
  const sameKey = which === 'security' ? 'securitySame' : 'emergencySame'
  const same = Form.useWatch(sameKey, form) !== false
  const modelPath = which === 'security' ? 'securityOfficer.person' : 'emergencyContact.person'
  return (
    <div className="person-block">
      <Typography.Title level={5} className="person-block-title">
        {t(which === 'security' ? 'site.securityOfficer' : 'site.emergencyContact')}
      </Typography.Title>
      <Form.Item name={sameKey} valuePropName="checked">
        <Checkbox>
          <span data-testid={`${which}-same`}>{t('person.sameAsPrincipal')}</span>
        </Checkbox>
      </Form.Item>
      {!same && <PersonFields base={[which]} path={modelPath} testPrefix={which} variant={which} />}
    </div>
  )
}
