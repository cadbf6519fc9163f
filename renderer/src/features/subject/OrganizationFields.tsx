import { Col, Form, Row, Select } from 'antd'
import type { OrgCertType, OrgKind } from '../../../../core/model'
import { ORG_CERT_TYPE_LABELS, ORG_KIND_LABELS } from '../../data/option-labels'
import { DivisionPicker } from '../../components/division/DivisionPicker'
import { useT } from '../../i18n'
import { Field } from '../form/Field'
import { TextField } from '../form/TextField'
import { TEXT_MAX } from '../form/text-limits'
import { SubjectOcrNote } from './SubjectOcrNote'
import { certTypeChoices, certTypeForKind, orgKindChoices } from './subject-values'

/** A field whose form name and model path are `field`, test id `subject-<field>`. */
const at = (field: string) => ({ name: field, path: field, testId: `subject-${field}` })

/**
 * 主办单位信息 block of the 单位 form. The 单位类别 list is the portal's current one; the
 * certificate types follow the kind (each kind holds its own certificate).
 */
export function OrganizationFields({ subjectId }: { subjectId: string }) {
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
      <TextField
        label={t('subject.name')}
        {...at('name')}
        tooltip={t('subject.nameHelp')}
        extra={<SubjectOcrNote subjectId={subjectId} field="orgName" testId="subject-name" />}
        required
        wide
        maxLength={TEXT_MAX.subject.name}
      />
      <TextField
        label={t('subject.certNumber')}
        {...at('certNumber')}
        extra={<SubjectOcrNote subjectId={subjectId} field="certNumber" testId="subject-certNumber" />}
        required
        code
        maxLength={TEXT_MAX.subject.certNumber}
      />
      <TextField label={t('subject.investor')} {...at('investor')} maxLength={TEXT_MAX.subject.investor} />
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
      <TextField
        label={t('person.addressDetail')}
        name="officeDetail"
        path="officeAddress.detail"
        testId="subject-address-detail"
        required
        wide
        maxLength={TEXT_MAX.addressDetail}
        placeholder={t('person.addressDetailPlaceholder')}
      />
      <TextField
        label={t('subject.officePhone')}
        {...at('officePhone')}
        tooltip={t('subject.officePhoneHelp')}
        required
        maxLength={TEXT_MAX.subject.officePhone}
        placeholder="010-62345678"
      />
    </Row>
  )
}
