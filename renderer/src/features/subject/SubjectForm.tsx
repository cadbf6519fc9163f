import { App, Card, Form, Radio, Typography } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import type { Site, Subject } from '../../../../core/model'
import { newId } from '../../components/ids'
import { useT } from '../../i18n'
import { countErrors } from '../form/findings'
import { FormActions } from '../form/FormActions'
import { FindingsContext } from '../form/findings-context'
import { subjectFormPath } from '../form/form-paths'
import { snapshot, useDirtyGuard } from '../form/useDirtyGuard'
import { useFocusRequest } from '../form/useFocusRequest'
import { subjectFindings } from '../form/validators'
import { PersonFields } from '../person/PersonFields'
import { saveSubject, useWorkspaceStore } from '../workspace/store'
import { OrganizationFields } from './OrganizationFields'
import {
  emptySubjectValues,
  subjectFromValues,
  valuesFromSubject,
  type SubjectValues,
} from './subject-values'

type Props = { subject?: Subject }

const NO_SITES: readonly Site[] = []

/** A subject is saved only once it has a nature and a name: an empty one would be a nameless tree entry. */
export function hasIdentity(subject: Pick<Subject, 'nature' | 'name'>): boolean {
  return (subject.nature === 'individual' || subject.nature === 'organization') && subject.name.trim() !== ''
}

/** 开办主体 in the portal's order: nature, then the unit (单位) or the holder (个人), then the person in charge. */
export function SubjectForm({ subject }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<SubjectValues>()
  const initial = useMemo(() => (subject ? valuesFromSubject(subject) : emptySubjectValues()), [subject])
  const [identity] = useState(() => ({ id: subject?.id ?? newId(), createdAt: subject?.createdAt }))
  const [submitted, setSubmitted] = useState(false)
  const [saving, setSaving] = useState(false)
  const watched = Form.useWatch([], { form, preserve: true }) as Partial<SubjectValues> | undefined
  const draft = useMemo(
    () => subjectFromValues(watched ?? {}, initial, identity),
    [watched, initial, identity],
  )
  const sites = useWorkspaceStore((s) => s.workspace?.sites ?? NO_SITES)
  const findings = useMemo(() => subjectFindings(draft, sites), [draft, sites])
  const errorCount = countErrors(findings)
  const touched = useCallback(() => form.isFieldsTouched(), [form])
  const { markSaved } = useDirtyGuard(snapshot(draft), touched)
  const individual = draft.nature === 'individual'
  const toPath = useCallback((field: string) => subjectFormPath(field, draft.nature), [draft.nature])
  useFocusRequest(form, 'subject', toPath)

  const save = async () => {
    setSubmitted(true)
    const next = subjectFromValues(form.getFieldsValue(true), initial, identity)
    if (!hasIdentity(next)) {
      void message.error(
        t(next.nature === 'organization' ? 'subject.needName.organization' : 'subject.needName.individual'),
      )
      form.scrollToField(subjectFormPath('name', next.nature), { block: 'center', focus: true })
      return
    }
    setSaving(true)
    const saved = await saveSubject(next)
    setSaving(false)
    if (!saved) return
    markSaved()
    void message.success(t('subject.saved'))
  }

  return (
    <FindingsContext.Provider value={{ map: findings, showAll: submitted || subject !== undefined }}>
      <Form form={form} layout="vertical" initialValues={initial} className="entity-form">
        <Card title={t('subject.nature')} size="small" className="form-card">
          <Form.Item name="nature" noStyle>
            <Radio.Group optionType="button" buttonStyle="solid">
              {/* The test id sits on the visible label text: antd puts extra props on the hidden input. */}
              <Radio.Button value="individual">
                <span data-testid="subject-nature-individual">{t('subject.nature.individual')}</span>
              </Radio.Button>
              <Radio.Button value="organization">
                <span data-testid="subject-nature-organization">{t('subject.nature.organization')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Typography.Paragraph type="secondary" className="form-hint">
            {t('subject.natureHelp')}
          </Typography.Paragraph>
        </Card>
        {!individual && (
          <Card title={t('subject.section.unit')} size="small" className="form-card">
            <OrganizationFields subjectId={identity.id} />
          </Card>
        )}
        <Card
          title={individual ? t('subject.section.holder') : t('subject.section.principal')}
          size="small"
          className="form-card"
        >
          <PersonFields base={['principal']} path="principal" testPrefix="person" officePhoneRequired />
        </Card>
        <FormActions
          testId="subject"
          saving={saving}
          onSave={() => void save()}
          summary={
            errorCount > 0 && (submitted || subject !== undefined)
              ? t('subject.findingsSummary', { n: errorCount })
              : undefined
          }
        >
          {t('subject.save')}
        </FormActions>
      </Form>
    </FindingsContext.Provider>
  )
}
