import { Card, Progress, Typography } from 'antd'
import { materialReadiness } from '../../../../core/packet/readiness'
import { retentionRemovalFor } from '../../../../core/filing/retention'
import type { SlotSpec } from '../../../../core/materials/slots'
import type { Site, SlotKey, Subject, Workspace } from '../../../../core/model'
import { useT } from '../../i18n'
import { useRetentionT } from '../settings/retention-strings'
import { removeMaterial, slotStateKey, useWorkspaceStore } from '../workspace/store'
import { dropIntoSlot, pickIntoSlot } from './slot-actions'
import { SlotCard } from './SlotCard'

type Props = { site: Site; subject: Subject; workspace: Workspace }

/** The checklist of required materials for one site, in portal order. */
export function MaterialsPanel({ site, subject, workspace }: Props) {
  const t = useT()
  const importing = useWorkspaceStore((s) => s.importing)
  const errors = useWorkspaceStore((s) => s.importErrors)
  const rt = useRetentionT()
  const { slots, ready, total } = materialReadiness(subject, site, workspace.materials)
  const retentionNote = (slot: SlotSpec): string | undefined => {
    // A security slot "same as the principal" shows the principal's photo, so also its note.
    const own = retentionRemovalFor(workspace, { ownerKind: slot.owner, ownerId: slot.ownerId }, slot.key)
    const principalKey = slot.key.replace('security-', 'principal-') as SlotKey
    const shared =
      slot.key.startsWith('security-') && site.securityOfficer.sameAsPrincipal
        ? retentionRemovalFor(workspace, { ownerKind: 'subject', ownerId: subject.id }, principalKey)
        : undefined
    const note = own ?? shared
    return note ? rt('ret.slot.removed', { date: note.removedOn }) : undefined
  }
  const readiness = (
    <div className="readiness">
      <Progress
        type="circle"
        size={28}
        percent={Math.round((ready / Math.max(1, total)) * 100)}
        showInfo={false}
        strokeColor={ready === total ? '#2e7d32' : undefined}
      />
      <span data-testid="readiness" className="readiness-text">
        {t('materials.readiness', { n: ready, m: total })}
      </span>
    </div>
  )
  return (
    <Card title={t('materials.title')} extra={readiness} className="form-card materials-card">
      <Typography.Paragraph type="secondary" className="form-hint">
        {t('materials.hint')}
      </Typography.Paragraph>
      <div className="slot-grid">
        {slots.map(({ slot, material }) => {
          const key = slotStateKey({ ownerId: slot.ownerId, slot: slot.key })
          const shared = material !== undefined && material.ownerId !== slot.ownerId
          return (
            <SlotCard
              key={slot.key}
              slot={slot}
              material={material}
              shared={shared}
              stage={importing[key]}
              error={errors[key]}
              onPick={() => void pickIntoSlot(slot)}
              onDropFiles={(files) => void dropIntoSlot(slot, files)}
              onRemove={() =>
                material && void removeMaterial(material.id, { ownerId: slot.ownerId, slot: slot.key })
              }
              retentionNote={material ? undefined : retentionNote(slot)}
            />
          )
        })}
      </div>
    </Card>
  )
}
