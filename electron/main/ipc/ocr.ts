/** OCR of stored materials and the deskew proposal; the edit itself is stored through materials:edit. */
import type { Services } from '../services/container'
import { createMaterialOcr } from '../services/ocr/material-ocr'
import type { Handlers } from './types'

type OcrHandlers = Pick<Handlers, 'ocr:read' | 'ocr:deskew'>

export function ocrHandlers({ files, materials }: Pick<Services, 'files' | 'materials'>): OcrHandlers {
  const ocr = createMaterialOcr(files)
  return {
    'ocr:read': ({ id }) => ocr.read(materials.find(id)),
    'ocr:deskew': ({ id }) => ocr.deskew(materials.find(id)),
  }
}
