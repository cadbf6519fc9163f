import { CopyOutlined } from '@ant-design/icons'
import { App, Button, Tooltip } from 'antd'
import { api } from '../api'
import { useT } from '../i18n'

type Props = { value: string; testId?: string }

/** Copies one field's value so the user can paste it into the portal field by field. */
export function CopyButton({ value, testId }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const copy = async () => {
    // Main's clipboard first: Electron's deny-all permission handler may refuse the page's.
    if (await api.copyText(value).catch(() => false)) {
      void message.success(t('common.copied'), 1.2)
      return
    }
    try {
      await navigator.clipboard.writeText(value)
      void message.success(t('common.copied'), 1.2)
    } catch {
      void message.error(t('common.copyFailed'))
    }
  }
  return (
    <Tooltip title={t('common.copy')}>
      <Button
        type="text"
        size="small"
        icon={<CopyOutlined />}
        disabled={!value}
        aria-label={t('common.copy')}
        data-testid={testId}
        onClick={() => void copy()}
      />
    </Tooltip>
  )
}
