/**
 * English for the coded errors the services report in Chinese, where the CLI prints them
 * (--lang en). A code without an entry is printed as the service wrote it.
 */
import { CAP_CHOICES, MAX_INPUT_LABEL, WATERMARK_MAX_CHARS } from '../../../core/limits'
import { PDF_MAX_PAGES } from '../../../core/model'
import type { Lang } from './index'

const EN: Record<string, string> = {
  'image/empty': 'The file is empty (0 bytes). Export or take it again, then retry.',
  'image/too-large-file': `The file is larger than ${MAX_INPUT_LABEL}. Shrink it (or export only the page you need) first.`,
  'image/not-image':
    'This is not a picture or PDF (perhaps a text file with a picture extension). Choose the original JPG, PNG, HEIC or PDF.',
  'image/svg': 'SVG drawings are not supported (they may load other files). Export it as PNG or JPG first.',
  'image/unsupported': 'This picture format is not supported. Save it as JPG or PNG first.',
  'image/too-many-pixels':
    'The picture has too many pixels and may be damaged. Shrink it (e.g. to 8000×6000) first.',
  'image/damaged':
    'The picture is damaged or incomplete (perhaps an interrupted download). Get the original file again.',
  'image/heic-failed':
    'The HEIC photo cannot be decoded. Set the phone camera to "Most Compatible" and take it again, or convert it to JPG first.',
  'image/bad-crop': 'The crop lies outside the picture. Choose the crop again.',
  'image/cap-unreachable': `The size cap is too small for a usable picture. Raise the cap (the portal takes ${CAP_CHOICES.join(' or ')} bytes).`,
  'image/timeout':
    'Processing the picture took too long; the file may be damaged. Try another file or shrink it first.',
  'image/decoder-crashed':
    'The HEIC or PDF decoder stopped unexpectedly (damaged file, or too little memory). Retry; if it fails again, save the file as JPG first.',
  'image/cancelled': 'Cancelled.',
  'image/bad-watermark': `The watermark is too long (at most ${WATERMARK_MAX_CHARS} characters). Shorten it.`,
  'pdf/encrypted': 'The PDF is password- or permission-protected. Save it as a PDF without a password first.',
  'pdf/too-many-pages': `The PDF has more than ${PDF_MAX_PAGES} pages. Export only the page you need first.`,
  'pdf/page-out-of-range': 'The PDF does not have that page. Give another --page.',
  'pdf/damaged': 'The PDF is damaged or incomplete. Download or export it again.',
  'pdf/blank-page':
    'This PDF page is blank, or its picture is too large to read. Check the page number, or scan again at 300 dpi.',
  'import/folder': 'This is a folder, not a picture: give the pictures inside it.',
  'import/not-found': 'File not found: it may have been moved or deleted.',
  'output/is-input':
    'Not replacing an original: the output file is one of the input files. Choose another output, or leave out --overwrite to get a free name.',
  'packet/no-site': 'No such site: it may have been deleted.',
  'packet/file-missing': "A material's picture file is missing. Import that material again, then export.",
  'packet/over-cap':
    "A material's picture is larger than its size cap. Compress that material again, then export.",
  'packet/file-changed':
    "A material's picture file is damaged or was changed. Import that material again, then export.",
  'store/locked':
    'Another program (the Beian Desk app, or another beian-desk) is changing this data folder; only one may change it at a time. Close it and try again; read-only commands (list, validate, status, export) can run meanwhile.',
  internal: 'Processing this file failed; the other files are not affected.',
  'archive/wrong-passphrase':
    'The archive passphrase is wrong; the archive cannot be opened. Check letter case and the input method, then try again.',
  'archive/weak-passphrase': 'The archive passphrase is too short: use at least 8 characters.',
  'archive/not-archive': 'This file is not a Beian Desk workspace archive. Choose the exported .bdxa file.',
  'archive/newer-version': 'This archive comes from a newer Beian Desk. Update the app, then import it.',
  'archive/damaged':
    'The archive is damaged, incomplete or was changed; nothing was written. Export it again on the old computer, or copy it again.',
  'archive/unsafe-entry':
    'The archive holds an unsafe entry (a path outside the data folder, a link or a device); it was refused and nothing was written. Import only archives exported by Beian Desk.',
  'archive/too-large':
    'The archive declares more content than allowed or than it holds; it was refused and nothing was written.',
  'archive/target-not-empty':
    'The target data folder is not empty: an import writes only into an empty or new folder and never over a workspace. Choose a new folder, or move the existing one away first.',
  'archive/no-workspace': 'There is no workspace in this data folder (no config.json). Check the folder.',
  'archive/locked':
    'The workspace is encrypted and locked: unlock it with its passphrase or recovery key, then export.',
  'archive/changed': 'The workspace changed during the export; no archive was written. Export again.',
  'archive/write-failed':
    'Writing failed (no space or no permission?); nothing half-written was left. Check the disk and permissions, or choose another place.',
  'archive/unreadable': 'The archive cannot be read: check that the file exists and can be read.',
  'archive/out-exists':
    'The output file exists and is not replaced. Choose another name, or move that file away.',
}

/** Messages the CLI words itself in Chinese too (the services' text suits the app window). */
const ZH: Record<string, string> = {
  'packet/no-site': '找不到这个网站：它可能已被删除。',
}

/** The message of a coded service error in the CLI's language. */
export function serviceMessage(lang: Lang, code: string, message: string): string {
  if (lang === 'en') {
    if (code === 'packet/incomplete')
      return message.replace(/^.*?(\d+).*$/, 'Cannot export yet: $1 item(s) to add or fix first.')
    return EN[code] ?? message
  }
  return ZH[code] ?? message
}
