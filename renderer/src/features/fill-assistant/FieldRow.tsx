import { CheckOutlined, CopyOutlined } from '@ant-design/icons'
import { Button, Tooltip } from 'antd'
import type { PortalField } from '../../../../core/packet/portal-fields'
import type { FillT } from './strings'

type Props = {
  field: PortalField
  copied: boolean
  failed: boolean
  onCopy: (field: PortalField) => void
  t: FillT
}

/** One portal field: its label, the value to type, a copy button and the “已复制” tick. */
export function FieldRow({ field, copied, failed, onCopy, t }: Props) {
  const id = `fill-field-${field.key}`
  return (
    <div className="fill-row" data-testid={id}>
      <span className="fill-label">{field.label}</span>
      {field.value ? (
        <span className="fill-value mono" data-testid={`${id}-value`}>
          {field.value}
        </span>
      ) : (
        <Tooltip title={t('fill.emptyHint')}>
          <span className="fill-value fill-empty" data-testid={`${id}-value`}>
            {t('fill.empty')}
          </span>
        </Tooltip>
      )}
      <span className="fill-action">
        <Button
          size="small"
          icon={<CopyOutlined />}
          disabled={!field.value}
          onClick={() => onCopy(field)}
          data-testid={`${id}-copy`}
        >
          {t('fill.copy')}
        </Button>
        {copied && (
          <span className="fill-copied" role="status" data-testid={`${id}-copied`}>
            <CheckOutlined /> {t('fill.copied')}
          </span>
        )}
        {failed && (
          <span className="fill-copy-failed" role="alert">
            {t('fill.copyFailed')}
          </span>
        )}
      </span>
    </div>
  )
}
