import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Steps, Typography } from 'antd'
import { useT } from '../../i18n'
import { navigate } from '../workspace/store'

/**
 * First-run explanation: the three steps from nothing to an exported packet, read as a guide
 * (every step active and numbered; a step already done shows a tick), never greyed out.
 */
export function Welcome({ hasSubjects }: { hasSubjects: boolean }) {
  const t = useT()
  const items = ([1, 2, 3] as const).map((n) => ({
    title: t(`welcome.step${n}.title`),
    content: t(`welcome.step${n}.body`),
    status: n === 1 && hasSubjects ? ('finish' as const) : ('process' as const),
  }))
  return (
    <div className="welcome">
      <Card className="welcome-card">
        <Typography.Title level={2} className="welcome-title">
          {t('welcome.title')}
        </Typography.Title>
        <Typography.Paragraph className="welcome-intro">{t('welcome.intro')}</Typography.Paragraph>
        <Steps orientation="vertical" items={items} className="welcome-steps" data-testid="welcome-steps" />
        {!hasSubjects && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            onClick={() => void navigate({ kind: 'new-subject' })}
          >
            {t('welcome.start')}
          </Button>
        )}
      </Card>
    </div>
  )
}
