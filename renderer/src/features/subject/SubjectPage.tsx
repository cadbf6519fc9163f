import { DeleteOutlined, GlobalOutlined } from '@ant-design/icons'
import { Button, Card, List, Popconfirm, Tag, Typography } from 'antd'
import type { Subject, Workspace } from '../../../../core/model'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../../i18n'
import { deleteSubject, navigate } from '../workspace/store'
import { SubjectForm } from './SubjectForm'

type Props = { subject?: Subject; workspace?: Workspace }

/** A subject: its form, and the sites filed under it. */
export function SubjectPage({ subject, workspace }: Props) {
  const t = useT()
  const sites = subject && workspace ? workspace.sites.filter((s) => s.subjectId === subject.id) : []
  const natureTag = subject && (
    <Tag color={subject.nature === 'individual' ? 'blue' : 'geekblue'}>
      {t(subject.nature === 'individual' ? 'tree.individual' : 'tree.organization')}
    </Tag>
  )
  const actions = subject && (
    <Popconfirm
      title={t('subject.deleteConfirm')}
      onConfirm={() => void deleteSubject(subject.id)}
      okButtonProps={{ danger: true }}
    >
      <Button danger icon={<DeleteOutlined />}>
        {t('subject.delete')}
      </Button>
    </Popconfirm>
  )
  return (
    <div className="page">
      <PageHeader
        title={subject ? subject.name || t('tree.unnamedSubject') : t('subject.newTitle')}
        tags={natureTag}
        actions={actions}
      />
      <SubjectForm subject={subject} />
      {subject && (
        <Card title={t('subject.sites')} size="small" className="form-card">
          {sites.length === 0 ? (
            <Typography.Text type="secondary">{t('subject.noSites')}</Typography.Text>
          ) : (
            <List
              dataSource={sites}
              renderItem={(site) => (
                <List.Item>
                  <Button
                    type="link"
                    icon={<GlobalOutlined />}
                    onClick={() => void navigate({ kind: 'site', id: site.id })}
                  >
                    {site.name || t('tree.unnamedSite')}
                  </Button>
                  <Typography.Text type="secondary">{site.mainDomain}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  )
}
