import { FormOutlined } from '@ant-design/icons'
import { Button, Card, Drawer, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { portalFields, type PortalField } from '../../../../core/packet/portal-fields'
import { materialReadiness } from '../../../../core/packet/readiness'
import { uploadChecklist } from '../../../../core/packet/upload-checklist'
import { copyText } from '../../components/copy-text'
import { FieldRow } from './FieldRow'
import { useLastExport } from './last-export'
import { StepMaterials } from './StepMaterials'
import { useFillT } from './strings'
import './fill-assistant.css'

type Props = { site: Site; subject: Subject; workspace: Workspace }

/** How long the “已复制” tick stays. */
const TICK_MS = 2500

/** The portal's pages in order, each field with its value and a copy button, and the uploads of each page. */
export function FillAssistantView({ site, subject, workspace }: Props) {
  const t = useFillT()
  const exported = useLastExport(site.id)
  const steps = useMemo(() => portalFields(subject, site), [subject, site])
  const uploads = useMemo(
    () => uploadChecklist(materialReadiness(subject, site, workspace.materials), exported),
    [subject, site, workspace.materials, exported],
  )
  const [copied, setCopied] = useState<{ key: string; ok: boolean } | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = async (field: PortalField) => {
    const ok = await copyText(field.value)
    setCopied({ key: field.key, ok })
    clearTimeout(timer.current)
    if (ok) timer.current = setTimeout(() => setCopied(undefined), TICK_MS)
  }
  return (
    <div className="fill-assistant" data-testid="fill-assistant">
      <Typography.Paragraph type="secondary">{t('fill.intro')}</Typography.Paragraph>
      {steps.map((step, i) => {
        let block: string | undefined
        return (
          <Card
            key={step.key}
            size="small"
            className="fill-step"
            title={t('fill.step', { n: i + 1, step: step.step })}
            data-testid={`fill-step-${step.key}`}
          >
            {step.fields.map((field) => {
              const heading = field.block && field.block !== block ? field.block : undefined
              block = field.block
              return (
                <div key={field.key}>
                  {heading && <div className="fill-block">{heading}</div>}
                  <FieldRow
                    field={field}
                    copied={copied?.key === field.key && copied.ok}
                    failed={copied?.key === field.key && !copied.ok}
                    onCopy={(f) => void copy(f)}
                    t={t}
                  />
                </div>
              )
            })}
            <StepMaterials stepKey={step.key} items={uploads[step.key]} exported={exported} t={t} />
          </Card>
        )
      })}
    </div>
  )
}

/** 填报助手 button for the export panel: opens the view beside the portal in a wide drawer. */
export function FillAssistant(props: Props) {
  const t = useFillT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<FormOutlined />} onClick={() => setOpen(true)} data-testid="fill-assistant-open">
        {t('fill.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={760}
        title={t('fill.title', { site: props.site.name || props.site.mainDomain })}
        destroyOnHidden
      >
        {open && <FillAssistantView {...props} />}
      </Drawer>
    </>
  )
}
