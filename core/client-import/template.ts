/** The import template: the header row every field understands, in the order agencies fill them. */
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS } from './fields'

export const TEMPLATE_HEADERS: readonly string[] = IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f])
export const TEMPLATE_FILE_NAME = '客户导入模板'
