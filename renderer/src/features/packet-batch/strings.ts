/** UI strings of the many-sites packet export (zh-CN defines the keys, en must define all of them). */
import { useDictionary } from '../../i18n'

const zh = {
  'packets.open': '导出选中的 {n} 个网站的材料包',
  'packets.format': '格式',
  'packets.format.zip': '每个网站一个 zip',
  'packets.format.folder': '每个网站一个文件夹',
  'packets.force': '缺少材料的网站仍然导出草稿',
  'packets.run': '选择文件夹并导出',
  'packets.cancel': '取消',
  'packets.progress': '正在导出：{done} / {total}',
  'packets.outcome': '已导出 {ok} 个网站，{refused} 个没有导出',
  'packets.cancelled': '（已取消：未完成的材料包已丢弃）',
  'packets.draft': '草稿',
  'packets.show': '打开所在文件夹',
}
type Key = keyof typeof zh

const en: Record<Key, string> = {
  'packets.open': 'Export packets of the {n} selected sites',
  'packets.format': 'Format',
  'packets.format.zip': 'A zip per site',
  'packets.format.folder': 'A folder per site',
  'packets.force': 'Export drafts for sites with missing materials',
  'packets.run': 'Choose a folder and export',
  'packets.cancel': 'Cancel',
  'packets.progress': 'Exporting: {done} / {total}',
  'packets.outcome': '{ok} site(s) exported, {refused} not exported',
  'packets.cancelled': ' (cancelled: unfinished packets were discarded)',
  'packets.draft': 'draft',
  'packets.show': 'Show in folder',
}

const DICT = { 'zh-CN': zh, en } as const

export type PacketsT = (key: Key, vars?: Record<string, string | number>) => string

export function usePacketsT(): PacketsT {
  return useDictionary(DICT)
}
