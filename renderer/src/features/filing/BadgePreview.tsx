import { App, Button, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { buildBadge, DEFAULT_BADGE_ICON } from '../../../../core/filing/badge'
import { PROVINCES } from '../../../../core/validation/divisions'
import { copyText } from '../../components/copy-text'
import { useFilingT } from './strings'

/** The footer badge for a 公安备案号: a live preview, the HTML code and a copy button. */
export function BadgePreview({ filingNumber }: { filingNumber: string }) {
  const t = useFilingT()
  const { message } = App.useApp()
  const [iconSrc, setIconSrc] = useState(DEFAULT_BADGE_ICON)
  const shorts = PROVINCES[filingNumber.slice(0, 2)]?.short ?? []
  const [short, setShort] = useState<string | undefined>(undefined)
  const out = buildBadge(filingNumber, { iconSrc, short })
  const copy = async () => {
    if (!out.ok) return
    if (await copyText(out.badge.html)) void message.success(t('badge.copied'))
    else void message.error(t('badge.copyFailed'))
  }
  return (
    <div className="filing-badge" data-testid="badge-preview">
      <Typography.Title level={5}>{t('badge.title')}</Typography.Title>
      <Space wrap>
        <span>{t('badge.icon')}</span>
        <Input
          value={iconSrc}
          onChange={(e) => setIconSrc(e.target.value)}
          style={{ width: 260 }}
          data-testid="badge-icon"
        />
        {shorts.length > 1 ? (
          <Select
            value={short ?? shorts[0]}
            onChange={setShort}
            options={shorts.map((s) => ({ value: s, label: s }))}
            style={{ width: 72 }}
          />
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('badge.iconHint')}</Typography.Paragraph>
      {out.ok ? (
        <>
          <div className="filing-badge-sample" data-testid="badge-sample">
            <span className="filing-badge-icon" aria-hidden>
              ◎
            </span>
            <a href={out.badge.href} rel="noreferrer" target="_blank" onClick={(e) => e.preventDefault()}>
              {out.badge.text}
            </a>
          </div>
          <Input.TextArea
            value={out.badge.html}
            readOnly
            autoSize
            className="mono"
            data-testid="badge-code"
          />
          <Button
            type="primary"
            onClick={() => void copy()}
            data-testid="badge-copy"
            style={{ marginTop: 8 }}
          >
            {t('badge.copy')}
          </Button>
        </>
      ) : (
        <Typography.Text type="danger" data-testid="badge-error">
          {out.errors.join(' ')}
        </Typography.Text>
      )}
    </div>
  )
}
