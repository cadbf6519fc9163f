/** 保留期限: what is due, and deleting what the user confirmed. */
import type { Services } from '../services/container'
import type { Handlers } from './types'

type RetentionHandlers = Pick<Handlers, 'retention:due' | 'retention:apply'>

export function retentionHandlers({ retention }: Services): RetentionHandlers {
  return {
    'retention:due': () => retention.due(),
    'retention:apply': ({ materialIds }) => retention.apply(materialIds),
  }
}
