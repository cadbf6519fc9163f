import { Tag } from 'antd'
import { SITE_STAGE_LABELS, SITE_STAGES, type SiteStage } from '../../../../core/filing/stages'
import { STAGE_COLORS } from '../filing/StageTag'

type Props = {
  counts: Record<SiteStage, number>
  active: readonly SiteStage[]
  onToggle: (stage: SiteStage) => void
}

/** Counts per stage across all sites; a click filters by that stage. */
export function StageCounts({ counts, active, onToggle }: Props) {
  return (
    <div className="desk-counts" style={{ marginTop: 12 }} data-testid="desk-counts">
      {SITE_STAGES.map((stage) => (
        <Tag.CheckableTag
          key={stage}
          checked={active.includes(stage)}
          onChange={() => onToggle(stage)}
          data-testid={`count-${stage}`}
        >
          <Tag color={STAGE_COLORS[stage]} bordered={false} style={{ marginInlineEnd: 4 }}>
            {SITE_STAGE_LABELS[stage]}
          </Tag>
          {counts[stage]}
        </Tag.CheckableTag>
      ))}
    </div>
  )
}
