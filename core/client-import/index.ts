/** Public API of the client import (pure; the file reading is main's). */
export * from './fields'
export { natureOf, orgKindOf, parseSheetDate, readRow, type RowValues } from './values'
export { certKey, domainKey } from './drafts'
export * from './plan'
export * from './table'
export * from './csv'
export * from './template'
