import { Alert, Button, Popconfirm, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { create } from 'zustand'
import type { RetentionDue } from '../../../../core/filing/retention'
import { call } from '../../api'
import { useWorkspaceStore } from '../workspace/store'
import { useRetentionT } from './retention-strings'

/** 暂不 hides the desk's notice until the app starts again (the photos stay). */
const useSnooze = create<{ snoozed: boolean }>(() => ({ snoozed: false }))

type Props = {
  /** Fetches the list again when it changes (the setting, the workspace). */
  refreshKey?: unknown
  /** The settings preview: ignores 暂不 and says when nothing is due. */
  preview?: boolean
}

/** The ID photos whose retention period is over, deleted only when the user confirms. */
export function RetentionNotice({ refreshKey, preview = false }: Props) {
  const t = useRetentionT()
  const snoozed = useSnooze((s) => s.snoozed)
  const [due, setDue] = useState<RetentionDue[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    void call('retention:due').then((list) => live && setDue(list ?? []))
    return () => {
      live = false
    }
  }, [refreshKey])

  const remove = async (list: RetentionDue[]) => {
    setBusy(true)
    const out = await call('retention:apply', { materialIds: list.map((d) => d.materialId) })
    setBusy(false)
    if (!out) return
    useWorkspaceStore.setState({ workspace: out.workspace })
    setDone(out.removed)
    setDue(await call('retention:due').then((l) => l ?? []))
  }

  const doneLine =
    done !== null ? (
      <Alert type="success" showIcon title={t('ret.notice.done', { n: done })} data-testid="retention-done" />
    ) : null
  if (due === null || (!preview && snoozed)) return doneLine
  if (due.length === 0)
    return (
      doneLine ??
      (preview ? (
        <Typography.Text type="secondary" data-testid="retention-none">
          {t('ret.preview.none')}
        </Typography.Text>
      ) : null)
    )
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="retention-notice"
      title={t('ret.notice.title', { n: due.length })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('ret.notice.hint')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="retention-items">
            {due.map((d) => (
              <li key={d.materialId}>
                {t('ret.notice.item', {
                  sites: d.uses.map((u) => u.siteName).join(t('ret.sep')),
                  person: d.personName,
                  photo: d.label,
                  badged: d.badgedOn,
                  due: d.dueOn,
                })}
              </li>
            ))}
          </ul>
          <Space>
            <Popconfirm
              title={t('ret.notice.confirm', { n: due.length })}
              okText={t('ret.notice.ok')}
              cancelText={t('ret.notice.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void remove(due)}
            >
              <Button danger loading={busy} data-testid="retention-delete">
                {t('ret.notice.delete')}
              </Button>
            </Popconfirm>
            {preview ? null : (
              <Button onClick={() => useSnooze.setState({ snoozed: true })} data-testid="retention-later">
                {t('ret.notice.later')}
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  )
}
