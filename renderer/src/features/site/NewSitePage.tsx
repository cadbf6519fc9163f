import type { Subject } from '../../../../core/model'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../../i18n'
import { useWorkspaceStore } from '../workspace/store'
import { SiteForm } from './SiteForm'

/** 新建网站 under one subject. */
export function NewSitePage({ subject }: { subject: Subject }) {
  const t = useT()
  const workspace = useWorkspaceStore((s) => s.workspace)
  if (!workspace) return null
  return (
    <div className="page">
      <PageHeader
        title={t('site.newTitle')}
        subtitle={`${t('site.subject')}：${subject.name || t('tree.unnamedSubject')}`}
      />
      <SiteForm subject={subject} workspace={workspace} />
    </div>
  )
}
