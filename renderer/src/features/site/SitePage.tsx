import { DeleteOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Tabs, Tag } from 'antd'
import { useState } from 'react'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../../i18n'
import { ExportPanel } from '../export/ExportPanel'
import { filingTab } from '../filing/FilingPanel'
import { MaterialsPanel } from '../materials/MaterialsPanel'
import { deleteSite, navigate } from '../workspace/store'
import { SiteForm } from './SiteForm'

type Props = { site: Site; subject: Subject; workspace: Workspace }

/** One site: its materials and export first (the daily work), its details on the second tab. */
export function SitePage({ site, subject, workspace }: Props) {
  const t = useT()
  const [tab, setTab] = useState('materials')
  const subtitle = (
    <>
      <span className="mono">{site.hasOwnDomain ? site.mainDomain : site.homeUrl}</span>
      <span className="dot-sep">·</span>
      <Button
        type="link"
        size="small"
        className="inline-link"
        onClick={() => void navigate({ kind: 'subject', id: subject.id })}
      >
        {subject.name || t('tree.unnamedSubject')}
      </Button>
    </>
  )
  const actions = (
    <Popconfirm
      title={t('site.deleteConfirm')}
      onConfirm={() => void deleteSite(site.id, subject.id)}
      okButtonProps={{ danger: true }}
    >
      <Button danger icon={<DeleteOutlined />}>
        {t('site.delete')}
      </Button>
    </Popconfirm>
  )
  const tags = site.interactive ? <Tag color="orange">{t('site.interactiveTag')}</Tag> : undefined
  return (
    <div className="page">
      <PageHeader
        title={site.name || t('tree.unnamedSite')}
        subtitle={subtitle}
        tags={tags}
        actions={actions}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'materials',
            label: t('site.tab.materials'),
            children: (
              <>
                <MaterialsPanel site={site} subject={subject} workspace={workspace} />
                <ExportPanel
                  site={site}
                  subject={subject}
                  workspace={workspace}
                  onEditSite={() => setTab('info')}
                />
              </>
            ),
          },
          {
            key: 'info',
            label: t('site.tab.info'),
            children: <SiteForm site={site} subject={subject} workspace={workspace} />,
          },
          filingTab({ site, subject, workspace }),
        ]}
      />
    </div>
  )
}
