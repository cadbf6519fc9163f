/** The filing desk: record a dated event of a subject's or a site's filing, or undo the last one. */
import type { Services } from '../services/container'
import type { Handlers } from './types'

type FilingHandlers = Pick<Handlers, 'filing:record' | 'filing:undo'>

export function filingHandlers({ filing }: Services): FilingHandlers {
  return {
    'filing:record': (input) => filing.record(input),
    'filing:undo': (owner) => filing.undo(owner),
  }
}
