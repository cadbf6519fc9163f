import { Col, Form, Input, Row, Select } from 'antd'
import type { OrgCertType, OrgKind } from '../../../../core/model'
import { ORG_CERT_TYPE_LABELS, ORG_KIND_LABELS } from '../../data/option-labels'
import { DivisionPicker } from '../../components/division/DivisionPicker'
import { useT } from '../../i18n'
import { Field } from '../form/Field'
import { TEXT_MAX } from '../form/text-limits'
import { certTypeChoices, certTypeForKind, orgKindChoices } from './subject-values'

/**
 * 主办单位信息 block of the 单位 form. The 单位类别 list is the portal's current one; the
 * certificate types follow the kind (each kind holds its own certificate).
 */
export function OrganizationFields() {
  const t = useT()
  const form = Form.useFormInstance()
  const kind = Form.useWatch('orgKind', form) as OrgKind | undefined
  const certType = Form.useWatch('certType', form) as OrgCertType | undefined
  const kindOptions = orgKindChoices(kind).map((value) => ({ value, label: ORG_KIND_LABELS[value] }))
  const certOptions = certTypeChoices(kind, certType).map((value) => ({
    value,
    label: ORG_CERT_TYPE_LABELS[value],
  }))
  const onKindChange = (next: OrgKind) => {
    const current = form.getFieldValue('certType') as OrgCertType | undefined
    const fitted = certTypeForKind(next, current)
    if (fitted !== current) form.setFieldValue('certType', fitted)
  }
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Field label={t('subject.orgKind')} name="orgKind" path="orgKind" testId="subject-orgKind" required>
          <Select data-testid="subject-orgKind" options={kindOptions} onChange={onKindChange} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('subject.certType')}
          name="certType"
          path="certType"
          testId="subject-certType"
          required
        >
          <Select data-testid="subject-certType" options={certOptions} />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          label={t('subject.name')}
          name="name"
          path="name"
          testId="subject-name"
          tooltip={t('subject.nameHelp')}
          required
          copy
        >
          <Input data-testid="subject-name" maxLength={TEXT_MAX.subject.name} autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('subject.certNumber')}
          name="certNumber"
          path="certNumber"
          testId="subject-certNumber"
          required
          copy
        >
          <Input
            data-testid="subject-certNumber"
            maxLength={TEXT_MAX.subject.certNumber}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('subject.investor')} name="investor" path="investor" testId="subject-investor" copy>
          <Input data-testid="subject-investor" maxLength={TEXT_MAX.subject.investor} autoComplete="off" />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          label={t('subject.officeAddress')}
          name="officeDivision"
          path="officeAddress.divisionCodes"
          testId="subject-address"
          required
        >
          <DivisionPicker testPrefix="subject-address" />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          label={t('person.addressDetail')}
          name="officeDetail"
          path="officeAddress.detail"
          testId="subject-address-detail"
          required
          copy
        >
          <Input
            data-testid="subject-address-detail"
            maxLength={TEXT_MAX.addressDetail}
            placeholder={t('person.addressDetailPlaceholder')}
          />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field
          label={t('subject.officePhone')}
          name="officePhone"
          path="officePhone"
          testId="subject-officePhone"
          tooltip={t('subject.officePhoneHelp')}
          required
          copy
        >
          <Input
            data-testid="subject-officePhone"
            maxLength={TEXT_MAX.subject.officePhone}
            placeholder="010-62345678"
          />
        </Field>
      </Col>
    </Row>
  )
}
