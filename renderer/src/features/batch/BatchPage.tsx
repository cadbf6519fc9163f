import { FolderOpenOutlined, PlusOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Progress, Radio, Space, Typography } from 'antd'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../../i18n'
import { CAP_PRESETS } from '../materials/editor-state'
import { formatKb } from '../materials/format'
import { BatchFileList } from './BatchFileList'
import { BatchResults } from './BatchResults'
import {
  addFiles,
  cancelBatch,
  clearFiles,
  pickOutDir,
  setMaxBytes,
  startBatch,
  useBatchStore,
} from './batch-store'

function Setup() {
  const t = useT()
  const outDir = useBatchStore((s) => s.outDir)
  const maxBytes = useBatchStore((s) => s.maxBytes)
  const running = useBatchStore((s) => s.running)
  return (
    <div className="batch-setup">
      <div className="batch-setup-row">
        <span className="batch-setup-label">{t('batch.outDir')}</span>
        <Button icon={<FolderOpenOutlined />} onClick={() => void pickOutDir()} disabled={running} data-testid="batch-outdir">
          {outDir ? t('batch.outDirChange') : t('batch.outDirPick')}
        </Button>
        <span className={outDir ? 'mono batch-outdir-path' : 'batch-outdir-path editor-note'} data-testid="batch-outdir-path">
          {outDir ?? t('batch.outDirNone')}
        </span>
      </div>
      <div className="batch-setup-row">
        <span className="batch-setup-label">{t('batch.cap')}</span>
        <Radio.Group
          value={maxBytes}
          onChange={(e) => setMaxBytes(Number(e.target.value))}
          optionType="button"
          disabled={running}
          data-testid="batch-cap"
          options={CAP_PRESETS.map((n) => ({ value: n, label: `${formatKb(n)}（${n.toLocaleString('en-US')} ${t('editor.bytes')}）` }))}
        />
      </div>
    </div>
  )
}

function RunStatus() {
  const t = useT()
  const { paths, done, running, cancelling, summary, error, batchId } = useBatchStore()
  if (!batchId) return null
  const total = summary ? summary.results.length : paths.length
  const failed = summary ? summary.results.filter((r) => 'error' in r).length : 0
  const percent = Math.round((done / Math.max(1, total)) * 100)
  const status = running ? 'active' : error || summary?.cancelled ? 'exception' : 'success'
  return (
    <div className="batch-run">
      <div className="batch-run-head">
        <span className="batch-run-text">
          {running
            ? cancelling
              ? t('batch.cancelling')
              : t('batch.running', { done, total })
            : summary?.cancelled
              ? t('batch.cancelled', { done: total - failed, total })
              : summary
                ? t('batch.finished', { ok: total - failed, failed })
                : ''}
        </span>
        {running && (
          <Button danger icon={<StopOutlined />} onClick={() => void cancelBatch()} loading={cancelling} data-testid="batch-cancel">
            {t('common.cancel')}
          </Button>
        )}
      </div>
      <Progress percent={percent} status={status} data-testid="batch-progress" />
      {error && <Alert type="error" showIcon title={error.message} description={error.details?.join('；')} />}
    </div>
  )
}

/** 批量压缩: many files into one folder, each within the cap, with live progress and cancel. */
export function BatchPage() {
  const t = useT()
  const paths = useBatchStore((s) => s.paths)
  const outDir = useBatchStore((s) => s.outDir)
  const running = useBatchStore((s) => s.running)
  const summary = useBatchStore((s) => s.summary)
  const canStart = !running && paths.length > 0 && outDir !== null
  return (
    <div className="page batch-page">
      <PageHeader title={t('batch.title')} subtitle={t('batch.subtitle')} />
      <Card className="form-card" title={t('batch.step.files', { n: paths.length })} extra={
        <Space>
          <Button onClick={clearFiles} disabled={running || paths.length === 0}>{t('batch.clear')}</Button>
          <Button type={paths.length ? 'default' : 'primary'} icon={<PlusOutlined />} onClick={() => void addFiles()} disabled={running} data-testid="batch-pick">
            {t('batch.pick')}
          </Button>
        </Space>
      }>
        {paths.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('batch.empty')} /> : <BatchFileList />}
      </Card>
      <Card className="form-card" title={t('batch.step.settings')}>
        <Setup />
        <div className="batch-start-row">
          <Button type="primary" size="large" icon={<ThunderboltOutlined />} disabled={!canStart} loading={running} onClick={() => void startBatch()} data-testid="batch-start">
            {t('batch.start', { n: paths.length })}
          </Button>
          {!outDir && paths.length > 0 && <Typography.Text type="secondary">{t('batch.needOutDir')}</Typography.Text>}
        </div>
        <RunStatus />
      </Card>
      {summary && (
        <Card className="form-card" title={t('batch.step.results')}>
          <BatchResults summary={summary} />
        </Card>
      )}
    </div>
  )
}
