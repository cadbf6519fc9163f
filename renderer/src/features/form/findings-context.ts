import { createContext, useContext } from 'react'
import type { FieldMessages, FindingMap } from './findings'

export type FindingsState = {
  map: FindingMap
  /** Show findings of untouched fields too (after a save attempt, or for stored records). */
  showAll: boolean
}

export const FindingsContext = createContext<FindingsState>({ map: new Map(), showAll: false })

export function useFieldMessages(path: string | undefined): { messages?: FieldMessages; showAll: boolean } {
  const state = useContext(FindingsContext)
  return { messages: path ? state.map.get(path) : undefined, showAll: state.showAll }
}
