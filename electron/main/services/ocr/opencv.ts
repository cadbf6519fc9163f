/**
 * Loads @techstark/opencv-js (a dependency of @gutenye/ocr-common) once per thread. The
 * loaded module has a `then` method, so it is never returned or resolved as such from an
 * async function (that would hang at 100 % CPU): callers get it wrapped, `{ cv }`.
 * It is required by a computed name so the builds leave the 12 MB file in node_modules.
 */
import { createRequire } from 'node:module'
import type * as OpenCvModule from '@techstark/opencv-js'

export type OpenCv = typeof OpenCvModule

let loading: Promise<{ cv: OpenCv }> | undefined

const OPENCV_PACKAGE = ['@techstark', 'opencv-js'].join('/')

export function loadOpenCv(): Promise<{ cv: OpenCv }> {
  loading ??= new Promise((resolve, reject) => {
    try {
      const cv = createRequire(import.meta.url)(OPENCV_PACKAGE) as OpenCv & {
        onRuntimeInitialized?: () => void
      }
      if (typeof cv.Mat === 'function') resolve({ cv })
      else cv.onRuntimeInitialized = () => resolve({ cv })
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
  return loading
}
