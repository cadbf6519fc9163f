import { Col, Input, Row, Select } from 'antd'
import { ORG_CERT_TYPES, ORG_KINDS } from '../../../../core/model'
import { ORG_CERT_TYPE_LABELS, ORG_KIND_LABELS } from '../../data/option-labels'
import { DivisionPicker } from '../../components/division/DivisionPicker'
import { useT } from '../../i18n'
import { Field } from '../form/Field'

const KIND_OPTIONS = ORG_KINDS.map((value) => ({ value, label: ORG_KIND_LABELS[value] }))
const CERT_OPTIONS = ORG_CERT_TYPES.map((value) => ({ value, label: ORG_CERT_TYPE_LABELS[value] }))

/** 主办单位信息 block of the 单位 form. */
export function OrganizationFields() {
  const t = useT()
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Field label={t('subject.orgKind')} name="orgKind" path="orgKind" testId="subject-orgKind" required>
          <Select data-testid="subject-orgKind" options={KIND_OPTIONS} />
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
          <Select data-testid="subject-certType" options={CERT_OPTIONS} />
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
          <Input data-testid="subject-name" maxLength={120} autoComplete="off" />
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
          <Input data-testid="subject-certNumber" maxLength={40} autoComplete="off" spellCheck={false} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field label={t('subject.investor')} name="investor" path="investor" testId="subject-investor" copy>
          <Input data-testid="subject-investor" maxLength={120} autoComplete="off" />
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
            maxLength={200}
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
          <Input data-testid="subject-officePhone" maxLength={30} placeholder="010-62345678" />
        </Field>
      </Col>
    </Row>
  )
}
