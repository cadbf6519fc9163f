import { Alert } from 'antd'
import type { MaterialReadiness } from '../../../../core/packet/readiness'
import { isSlotReady } from '../../../../core/packet/readiness'
import { useLanguage, useT } from '../../i18n'

/** Before the export: the materials still missing or unusable, by the same rule the count uses. */
export function MaterialsPrecheck({ readiness }: { readiness: MaterialReadiness }) {
  const t = useT()
  const language = useLanguage()
  const open = readiness.slots.filter((s) => !isSlotReady(s.state))
  if (open.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        className="export-precheck"
        data-testid="export-precheck"
        title={t('export.allReady')}
      />
    )
  }
  return (
    <Alert
      type="warning"
      showIcon
      className="export-precheck"
      data-testid="export-precheck"
      title={t('export.missingBefore')}
      description={
        <ul className="plain-list">
          {open.map(({ slot, state, blocking }) => {
            const label = language === 'zh-CN' ? slot.label : t(`slot.${slot.key}`)
            return (
              <li key={slot.key} data-testid={`precheck-${slot.key}`}>
                {label}
                {state === 'blocked' && (
                  <span className="precheck-blocked">
                    {' — '}
                    {t('materials.status.blocked')}：
                    {blocking.map((code) => t(`materials.warning.${code}`, { slot: label })).join('、')}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      }
    />
  )
}
