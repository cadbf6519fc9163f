import { App, Card, Form } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { newId } from '../../components/ids'
import { useT } from '../../i18n'
import { countErrors } from '../form/findings'
import { FormActions } from '../form/FormActions'
import { FindingsContext } from '../form/findings-context'
import { siteFormPath } from '../form/form-paths'
import { snapshot, useDirtyGuard } from '../form/useDirtyGuard'
import { useFocusRequest } from '../form/useFocusRequest'
import { siteFindings } from '../form/validators'
import { saveSite } from '../workspace/store'
import { ProviderFields } from './ProviderFields'
import { SiteBasicFields } from './SiteBasicFields'
import { SitePersonBlock } from './SitePeopleFields'
import { SiteServiceFields } from './SiteServiceFields'
import { emptySiteValues, siteFromValues, valuesFromSite, type SiteValues } from './site-values'

type Props = { site?: Site; subject: Subject; workspace: Workspace }

/** 网站基本信息 and 网站负责人 in the portal's order. Unfilled fields get schema-valid defaults. */
export function SiteForm({ site, subject, workspace }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<SiteValues>()
  const initial = useMemo(() => (site ? valuesFromSite(site) : emptySiteValues()), [site])
  const [identity] = useState(() => ({
    id: site?.id ?? newId(),
    subjectId: subject.id,
    createdAt: site?.createdAt,
  }))
  const [submitted, setSubmitted] = useState(false)
  const [saving, setSaving] = useState(false)
  const watched = Form.useWatch([], { form, preserve: true }) as Partial<SiteValues> | undefined
  const draft = useMemo(() => siteFromValues(watched ?? {}, initial, identity), [watched, initial, identity])
  const findings = useMemo(() => siteFindings(draft, subject, workspace), [draft, subject, workspace])
  const errorCount = countErrors(findings)
  useFocusRequest(form, 'site', siteFormPath)
  const touched = useCallback(() => form.isFieldsTouched(), [form])
  const { markSaved } = useDirtyGuard(snapshot(draft), touched)

  const save = async () => {
    setSubmitted(true)
    setSaving(true)
    const next = siteFromValues(form.getFieldsValue(true), initial, identity)
    const saved = await saveSite(next)
    setSaving(false)
    if (!saved) return
    markSaved()
    void message.success(t('site.saved'))
  }

  return (
    <FindingsContext.Provider value={{ map: findings, showAll: submitted || site !== undefined }}>
      <Form form={form} layout="vertical" initialValues={initial} className="entity-form">
        <Card title={t('site.section.basic')} size="small" className="form-card">
          <SiteBasicFields />
        </Card>
        <Card title={t('site.accessProvider')} size="small" className="form-card">
          <ProviderFields name="accessProvider" />
        </Card>
        <Card title={t('site.registrar')} size="small" className="form-card">
          <ProviderFields name="registrar" />
        </Card>
        <Card title={t('site.section.service')} size="small" className="form-card">
          <SiteServiceFields />
        </Card>
        <Card title={t('site.section.people')} size="small" className="form-card">
          <SitePersonBlock which="security" />
          <SitePersonBlock which="emergency" />
        </Card>
        <FormActions
          testId="site"
          saving={saving}
          onSave={() => void save()}
          summary={
            errorCount > 0 && (submitted || site !== undefined)
              ? t('site.findingsSummary', { n: errorCount })
              : undefined
          }
        >
          {t('site.save')}
        </FormActions>
      </Form>
    </FindingsContext.Provider>
  )
}
