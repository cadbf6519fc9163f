import { SaveOutlined } from '@ant-design/icons'
import { Button, Typography } from 'antd'

type Props = {
  /** Shown beside the button when there is something to fix (already translated), else nothing. */
  summary?: string
  /** Prefix of the test ids: `<testId>-findings-summary` on the summary, `save-<testId>` on the button. */
  testId: string
  saving: boolean
  onSave: () => void
  /** The button's label (already translated), e.g. 保存网站. */
  children: string
}

/** The sticky footer of an entity form: what still needs fixing, and the save button. */
export function FormActions({ summary, testId, saving, onSave, children }: Props) {
  return (
    <div className="form-actions">
      {summary !== undefined && (
        <Typography.Text type="warning" data-testid={`${testId}-findings-summary`}>
          {summary}
        </Typography.Text>
      )}
      <Button
        type="primary"
        size="large"
        icon={<SaveOutlined />}
        loading={saving}
        onClick={onSave}
        data-testid={`save-${testId}`}
      >
        {children}
      </Button>
    </div>
  )
}
