import { Alert, Button, Modal, Space, Steps, Typography } from 'antd'
import { MappingStep } from './MappingStep'
import { PreviewStep } from './PreviewStep'
import { useImportT } from './strings'
import { TemplateButtons } from './TemplateButtons'
import { useClientImport } from './useClientImport'
import { mappingProblems } from '../../../../core/client-import/fields'

/** 选择文件 → 对应列 → 预览 → 导入, in a modal. Nothing is stored before the last step. */
export function ClientImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useImportT()
  const w = useClientImport()
  const mappingOk = w.file && w.mapping ? mappingProblems(w.mapping, w.file.headers).length === 0 : false

  const footer = (
    <Space>
      {w.step === 1 || w.step === 2 ? (
        <Button onClick={() => w.setStep(w.step === 2 ? 1 : 0)} data-testid="import-back">
          {t('import.back')}
        </Button>
      ) : null}
      {w.step === 1 ? (
        <Button
          type="primary"
          disabled={!mappingOk}
          loading={w.busy}
          onClick={() => void w.showPreview()}
          data-testid="import-next"
        >
          {t('import.next')}
        </Button>
      ) : null}
      {w.step === 2 ? (
        <Button
          type="primary"
          disabled={(w.preview?.blockingRows ?? 1) > 0}
          loading={w.busy}
          onClick={() => void w.commit()}
          data-testid="import-commit"
        >
          {t('import.commit')}
        </Button>
      ) : null}
      {w.step === 3 ? (
        <Button type="primary" onClick={onClose} data-testid="import-close">
          {t('import.close')}
        </Button>
      ) : null}
    </Space>
  )

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('import.title')}
      width={1000}
      footer={footer}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={w.step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.step.file') },
          { title: t('import.step.columns') },
          { title: t('import.step.preview') },
          { title: t('import.step.done') },
        ]}
      />
      {w.step === 0 ? (
        <Space direction="vertical" size="middle" data-testid="import-file">
          <Typography.Paragraph>{t('import.file.hint')}</Typography.Paragraph>
          <Space wrap>
            <Button type="primary" loading={w.busy} onClick={() => void w.open()} data-testid="import-pick">
              {t('import.file.pick')}
            </Button>
            <TemplateButtons />
          </Space>
        </Space>
      ) : null}
      {w.step === 1 && w.file && w.mapping ? (
        <MappingStep file={w.file} mapping={w.mapping} onChange={w.setColumn} />
      ) : null}
      {w.step === 2 && w.preview ? (
        <PreviewStep preview={w.preview} confirmed={w.confirmed} onConfirm={w.setConfirmed} />
      ) : null}
      {w.step === 3 && w.summary ? (
        <Alert type="success" showIcon message={t('import.done', w.summary)} data-testid="import-done" />
      ) : null}
    </Modal>
  )
}
