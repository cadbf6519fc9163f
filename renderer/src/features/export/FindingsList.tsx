import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Button } from 'antd'
import type { Finding } from '../../../../core/validation'
import { useT } from '../../i18n'

export type Located = Finding & { where: 'subject' | 'site' }

type Props = { findings: readonly Located[]; onOpen: (finding: Located) => void }

/** Every blocking error and warning of the subject and the site, each with a way to the form. */
export function FindingsList({ findings, onOpen }: Props) {
  const t = useT()
  if (findings.length === 0) return null
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
  return (
    <ul className="findings-list" data-testid="export-findings">
      {sorted.map((f, i) => (
        <li key={`${f.where}-${f.field ?? ''}-${f.code}-${i}`} className={`finding finding-${f.severity}`}>
          {f.severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />}
          <span className="finding-where">
            {t(f.where === 'subject' ? 'export.where.subject' : 'export.where.site')}
          </span>
          <span className="finding-message">{f.message}</span>
          <Button type="link" size="small" className="inline-link" onClick={() => onOpen(f)}>
            {t('export.fix')}
          </Button>
        </li>
      ))}
    </ul>
  )
}
