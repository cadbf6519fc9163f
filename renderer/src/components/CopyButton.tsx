import { CopyOutlined } from '@ant-design/icons'
import { App, Button, Tooltip } from 'antd'
import { copyText } from './copy-text'
import { useT } from '../i18n'

type Props = { value: string; testId?: string }

/** Copies one field's value so the user can paste it into the portal field by field. */
export function CopyButton({ value, testId }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const copy = async () => {
    if (await copyText(value)) void message.success(t('common.copied'), 1.2)
    else void message.error(t('common.copyFailed'))
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
