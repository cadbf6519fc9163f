import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Button } from 'antd'
import type { SubjectNature } from '../../../../core/model'
import type { Finding } from '../../../../core/validation'
import { RuleText } from '../../components/RuleText'
import { useT } from '../../i18n'
import { fieldLabel } from './field-labels'

export type Located = Finding & { where: 'subject' | 'site' }

type Props = { findings: readonly Located[]; nature: SubjectNature; onOpen: (finding: Located) => void }

/**
 * Every blocking error and warning of the subject and the site, each naming its field (the same
 * rule can fire on two people's phone numbers) with a way to the form.
 */
export function FindingsList({ findings, nature, onOpen }: Props) {
  const t = useT()
  if (findings.length === 0) return null
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
  return (
    <ul className="findings-list" data-testid="export-findings">
      {sorted.map((f, i) => {
        const field = fieldLabel(f.where, f.field, nature, t)
        return (
          <li key={`${f.where}-${f.field ?? ''}-${f.code}-${i}`} className={`finding finding-${f.severity}`}>
            {f.severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />}
            <span className="finding-where">
              {t(f.where === 'subject' ? 'export.where.subject' : 'export.where.site')}
              {field && <span className="finding-field"> · {field}</span>}
            </span>
            <span className="finding-message">
              <RuleText message={f.message} />
            </span>
            <Button type="link" size="small" className="inline-link" onClick={() => onOpen(f)}>
              {t('export.fix')}
            </Button>
          </li>
        )
      })}
    </ul>
  )
}
