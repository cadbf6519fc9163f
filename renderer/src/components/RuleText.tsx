import { Tooltip } from 'antd'
import { RULE_SOURCE, RULE_TEXTS, splitRuleCitations } from '../../../core/validation/rule-texts'
import { useT } from '../i18n'

/**
 * A finding's message with each 规则④-style citation explained: hovering or focusing the
 * citation shows the rule's text from the portal's guide.
 */
export function RuleText({ message }: { message: string }) {
  const t = useT()
  return (
    <>
      {splitRuleCitations(message).map((part, i) =>
        part.rules ? (
          <Tooltip
            key={i}
            title={
              <div className="rule-tooltip" data-testid="rule-tooltip">
                {part.rules.map((n) => (
                  <p key={n}>
                    <strong>{t('rules.rule', { n })}</strong>
                    {RULE_TEXTS[n]}
                  </p>
                ))}
                <div className="rule-source">{t('rules.source', { source: RULE_SOURCE })}</div>
              </div>
            }
          >
            <span className="rule-ref" tabIndex={0} data-testid={`rule-${part.rules.join('')}`}>
              {part.text}
            </span>
          </Tooltip>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  )
}
