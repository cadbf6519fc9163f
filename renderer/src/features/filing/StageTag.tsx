import { Tag } from 'antd'
import { SITE_STAGE_LABELS, type SiteStage } from '../../../../core/filing/stages'

export const STAGE_COLORS: Record<SiteStage, string> = {
  preparing: 'default',
  submitted: 'processing',
  reviewing: 'processing',
  returned: 'error',
  interview: 'warning',
  filed: 'success',
  badged: 'green',
  changing: 'purple',
  cancelled: 'default',
}

export function StageTag({ stage }: { stage: SiteStage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="stage-tag">
      {SITE_STAGE_LABELS[stage]}
    </Tag>
  )
}
