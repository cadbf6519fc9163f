import type { FormInstance } from 'antd'
import { useEffect } from 'react'
import { clearFocus, useWorkspaceStore, type FocusRequest } from '../workspace/store'

type NamePath = (string | number)[]

/** Scrolls to (and focuses) the field a data-check link asked for, once the form is mounted. */
export function useFocusRequest(
  form: FormInstance,
  where: FocusRequest['where'],
  toPath: (field: string) => NamePath,
): void {
  const focus = useWorkspaceStore((s) => s.focus)
  useEffect(() => {
    if (!focus || focus.where !== where) return
    const path = toPath(focus.field)
    // Wait for a tab switch to lay the form out; clear the request only once it is served.
    const timer = window.setTimeout(() => {
      clearFocus()
      form.scrollToField(path, { block: 'center', focus: true })
    }, 120)
    return () => window.clearTimeout(timer)
  }, [focus, where, toPath, form])
}
