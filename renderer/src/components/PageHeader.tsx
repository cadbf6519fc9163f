import { Typography } from 'antd'
import type { ReactNode } from 'react'

type Props = { title: ReactNode; tags?: ReactNode; subtitle?: ReactNode; actions?: ReactNode }

/** Title row of the right pane. */
export function PageHeader({ title, tags, subtitle, actions }: Props) {
  return (
    <div className="page-header">
      <div className="page-header-main">
        <div className="page-header-title-row">
          <Typography.Title level={2} className="page-title">
            {title}
          </Typography.Title>
          {tags}
        </div>
        {subtitle && <div className="page-subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  )
}
