import { Alert, Button, Checkbox, Progress, Select, Space } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { ExportFormat, PacketBatchSummary } from '../../../../core/api'
import { api, call, onEvent } from '../../api'
import { usePacketsT } from './strings'

type Props = { siteIds: readonly string[] }

const newBatchId = (): string =>
  `packets-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/**
 * The dashboard's bulk 导出: the selected sites' packets into one folder (a zip or a folder
 * each), with progress, cancel, and the list of sites not exported and why. Main decides
 * everything (readiness, names, atomic writes); this only asks and shows.
 */
export function BulkPacketExport({ siteIds }: Props) {
  const t = usePacketsT()
  const [format, setFormat] = useState<ExportFormat>('zip')
  const [force, setForce] = useState(false)
  const [running, setRunning] = useState<{ batchId: string; done: number; total: number } | null>(null)
  const [summary, setSummary] = useState<PacketBatchSummary | null>(null)
  const batchRef = useRef<string | null>(null)

  useEffect(
    () =>
      onEvent('packet:progress', (p) => {
        if (p.batchId !== batchRef.current) return
        setRunning((r) => (r ? { ...r, done: p.done, total: p.total } : r))
      }),
    [],
  )

  const run = async () => {
    const outDir = await api.pickExportTarget('folder', '备案材料包')
    if (!outDir) return
    const batchId = newBatchId()
    batchRef.current = batchId
    setSummary(null)
    setRunning({ batchId, done: 0, total: siteIds.length })
    const result = await call('packet:exportMany', { batchId, siteIds: [...siteIds], format, outDir, force })
    batchRef.current = null
    setRunning(null)
    if (result) setSummary(result)
  }
  const cancel = () => {
    if (running) void call('packet:cancelMany', { batchId: running.batchId })
  }

  const refused = summary ? summary.results.filter((r) => !r.ok) : []
  const written = summary ? summary.results.length - refused.length : 0
  return (
    <div className="desk-bulk-packets" data-testid="bulk-packets">
      <Space wrap>
        <Select
          value={format}
          onChange={setFormat}
          disabled={running !== null}
          aria-label={t('packets.format')}
          options={[
            { value: 'zip', label: t('packets.format.zip') },
            { value: 'folder', label: t('packets.format.folder') },
          ]}
          style={{ minWidth: 170 }}
          data-testid="bulk-packets-format"
        />
        <Checkbox
          checked={force}
          disabled={running !== null}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="bulk-packets-force"
        >
          {t('packets.force')}
        </Checkbox>
        <Button
          type="primary"
          loading={running !== null}
          onClick={() => void run()}
          data-testid="bulk-packets-run"
          title={t('packets.run')}
        >
          {t('packets.open', { n: siteIds.length })}
        </Button>
        {running ? (
          <>
            <Progress
              percent={Math.round((running.done / Math.max(1, running.total)) * 100)}
              size="small"
              style={{ width: 160 }}
              format={() => t('packets.progress', { done: running.done, total: running.total })}
              data-testid="bulk-packets-progress"
            />
            <Button onClick={cancel} data-testid="bulk-packets-cancel">
              {t('packets.cancel')}
            </Button>
          </>
        ) : null}
      </Space>
      {summary ? (
        <Alert
          style={{ marginTop: 8 }}
          type={refused.length > 0 || summary.cancelled ? 'warning' : 'success'}
          showIcon
          data-testid="bulk-packets-outcome"
          message={
            t('packets.outcome', { ok: written, refused: refused.length }) +
            (summary.cancelled ? t('packets.cancelled') : '')
          }
          description={
            <>
              {refused.length > 0 ? (
                <ul>
                  {refused.map((r) =>
                    r.ok ? null : (
                      <li key={r.siteId}>
                        {r.siteName}：{r.error.message}
                        {r.error.details?.length ? ` ${r.error.details.join('；')}` : ''}
                      </li>
                    ),
                  )}
                </ul>
              ) : null}
              {written > 0 ? (
                <Button
                  size="small"
                  onClick={() => {
                    const first = summary.results.find((r) => r.ok)
                    if (first?.ok) void call('system:showItemInFolder', { path: first.target })
                  }}
                >
                  {t('packets.show')}
                </Button>
              ) : null}
            </>
          }
        />
      ) : null}
    </div>
  )
}
