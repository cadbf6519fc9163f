import { FolderOpenOutlined, PlusOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Progress, Radio, Typography } from 'antd'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { CAP_PRESETS } from '../../shared/caps'
import { formatKb } from '../../shared/format'
import { useOcrT } from '../materials/ocr-messages'
import { BatchDropZone, type DropZoneMode } from './BatchDropZone'
import { BatchFileList } from './BatchFileList'
import { BatchNotices } from './BatchNotices'
import { BatchResults } from './BatchResults'
import {
  addDroppedFiles,
  addFiles,
  cancelBatch,
  clearFiles,
  pickOutDir,
  setDeskew,
  setMaxBytes,
  startBatch,
  isCancelled,
  useBatchStore,
} from './batch-store'
import { useFileDrop } from './useFileDrop'

function Setup() {
  const t = useT()
  const paths = useBatchStore((s) => s.paths)
  const outDir = useBatchStore((s) => s.outDir)
  const maxBytes = useBatchStore((s) => s.maxBytes)
  const deskew = useBatchStore((s) => s.deskew)
  const ocrT = useOcrT()
  const running = useBatchStore((s) => s.running)
  const canStart = !running && paths.length > 0 && outDir !== null
  return (
    <div className="batch-setup">
      <div className="batch-setup-row">
        <span className="batch-setup-label">{t('batch.files')}</span>
        <Button
          type={paths.length ? 'default' : 'primary'}
          icon={<PlusOutlined />}
          onClick={() => void addFiles()}
          disabled={running}
          data-testid="batch-pick"
        >
          {t('batch.pick')}
        </Button>
        <Button onClick={clearFiles} disabled={running || paths.length === 0}>
          {t('batch.clear')}
        </Button>
        <span className="editor-note batch-count">{t('batch.count', { n: paths.length })}</span>
      </div>
      <div className="batch-setup-row">
        <span className="batch-setup-label">{t('batch.outDir')}</span>
        <Button
          icon={<FolderOpenOutlined />}
          onClick={() => void pickOutDir()}
          disabled={running}
          data-testid="batch-outdir"
        >
          {outDir ? t('batch.outDirChange') : t('batch.outDirPick')}
        </Button>
        <span
          className={outDir ? 'mono batch-outdir-path' : 'batch-outdir-path editor-note'}
          data-testid="batch-outdir-path"
        >
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
          options={CAP_PRESETS.map((n) => ({
            value: n,
            label: `${formatKb(n)}（${n.toLocaleString('en-US')} ${t('editor.bytes')}）`,
          }))}
        />
      </div>
      <div className="batch-setup-row">
        <span className="batch-setup-label" />
        <Checkbox
          checked={deskew}
          disabled={running}
          onChange={(e) => setDeskew(e.target.checked)}
          data-testid="batch-deskew"
        >
          {ocrT('batch.deskew')}
        </Checkbox>
      </div>
      <div className="batch-setup-row batch-start-row">
        <span className="batch-setup-label" />
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          disabled={!canStart}
          loading={running}
          onClick={() => void startBatch()}
          data-testid="batch-start"
        >
          {t('batch.start', { n: paths.length })}
        </Button>
        {!outDir && paths.length > 0 && (
          <Typography.Text type="secondary">{t('batch.needOutDir')}</Typography.Text>
        )}
      </div>
    </div>
  )
}

function RunStatus() {
  const t = useT()
  const errorText = useErrorText()
  const { paths, done, running, cancelling, summary, error } = useBatchStore()
  const total = summary ? summary.results.length : paths.length
  const failed = summary ? summary.results.filter((r) => 'error' in r && !isCancelled(r)).length : 0
  const percent = Math.round((done / Math.max(1, total)) * 100)
  const status = running ? 'active' : error ? 'exception' : summary?.cancelled ? 'normal' : 'success'
  return (
    <div className="batch-run">
      <div className="batch-run-head">
        <span className="batch-run-text">
          {running
            ? cancelling
              ? t('batch.cancelling')
              : t('batch.running', { done, total })
            : summary?.cancelled
              ? t('batch.cancelled', { done, total })
              : summary
                ? t('batch.finished', { ok: total - failed, failed })
                : ''}
        </span>
        {running && (
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => void cancelBatch()}
            loading={cancelling}
            data-testid="batch-cancel"
          >
            {t('common.cancel')}
          </Button>
        )}
      </div>
      <Progress percent={percent} status={status} data-testid="batch-progress" />
      {error && (
        <Alert type="error" showIcon title={errorText(error)} description={error.details?.join('；')} />
      )}
    </div>
  )
}

/** 批量压缩: many files into one folder, each within the cap, with live progress and cancel. */
export function BatchPage() {
  const t = useT()
  const paths = useBatchStore((s) => s.paths)
  const started = useBatchStore((s) => s.batchId !== null)
  const summary = useBatchStore((s) => s.summary)
  const running = useBatchStore((s) => s.running)
  // The whole page takes the drop, so a file let go beside the box is not lost.
  const { over, handlers } = useFileDrop(!running, (items) => void addDroppedFiles(items))
  const mode: DropZoneMode = running ? 'busy' : summary ? 'next' : paths.length > 0 ? 'more' : 'empty'
  return (
    <div className={`page batch-page${over && !running ? ' batch-page-over' : ''}`} {...handlers}>
      <PageHeader title={t('batch.title')} subtitle={t('batch.subtitle')} />
      <Card className="form-card">
        <Setup />
        {started && <RunStatus />}
      </Card>
      <Card
        className="form-card"
        title={summary ? t('batch.step.results') : t('batch.step.files', { n: paths.length })}
      >
        <BatchDropZone mode={mode} over={over} />
        <BatchNotices />
        {summary ? <BatchResults summary={summary} /> : paths.length > 0 && <BatchFileList />}
      </Card>
    </div>
  )
}
