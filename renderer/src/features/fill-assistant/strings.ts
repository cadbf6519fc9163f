/** UI strings of the 填报助手 view (zh-CN defines the keys, en must define all of them). */
import { useDictionary } from '../../i18n'

const zh = {
  'fill.open': '填报助手',
  'fill.openHint': '对着门户网站逐项复制粘贴',
  'fill.title': '填报助手：{site}',
  'fill.intro':
    '按公安备案门户网站（beian.mps.gov.cn）的页面顺序列出每一项。点“复制”后到门户对应的输入框里粘贴；上传材料时按每一步列出的文件选择。',
  'fill.step': '第 {n} 页：{step}',
  'fill.copy': '复制',
  'fill.copied': '已复制',
  'fill.copyFailed': '无法写入剪贴板，请手动选中文字复制。',
  'fill.empty': '（未填写）',
  'fill.emptyHint': '这一项还没有填写，请先在网站或主体信息里补上。',
  'fill.materials': '这一步要上传的材料',
  'fill.noMaterials': '这一步不需要上传材料。',
  'fill.notExported': '还没有导出：导出材料包后，这里会列出每个文件的位置。',
  'fill.reveal': '打开所在文件夹',
  'fill.revealFailed': '无法打开文件夹，请到这里找：{path}',
  'fill.inZip': '（在压缩包中）',
  'fill.state.ready': '已就绪',
  'fill.state.advisory': '已就绪（有提醒）',
  'fill.state.blocked': '不能使用',
  'fill.state.missing': '缺少',
  'fill.close': '关闭',
}
type Key = keyof typeof zh

const en: Record<Key, string> = {
  'fill.open': 'Filing assistant',
  'fill.openHint': 'Copy each field into the portal, in order',
  'fill.title': 'Filing assistant: {site}',
  'fill.intro':
    'Every field in the order of the filing portal (beian.mps.gov.cn). Click Copy, then paste into the matching portal field; upload the files listed under each step.',
  'fill.step': 'Page {n}: {step}',
  'fill.copy': 'Copy',
  'fill.copied': 'Copied',
  'fill.copyFailed': 'Could not write to the clipboard; select the text and copy it by hand.',
  'fill.empty': '(not filled in)',
  'fill.emptyHint': 'Not filled in yet: add it to the site or subject first.',
  'fill.materials': 'Materials to upload on this page',
  'fill.noMaterials': 'Nothing to upload on this page.',
  'fill.notExported': 'Not exported yet: after exporting the packet, each file’s location is listed here.',
  'fill.reveal': 'Show in folder',
  'fill.revealFailed': 'Could not open the folder; the files are here: {path}',
  'fill.inZip': '(inside the zip)',
  'fill.state.ready': 'Ready',
  'fill.state.advisory': 'Ready (with a note)',
  'fill.state.blocked': 'Unusable',
  'fill.state.missing': 'Missing',
  'fill.close': 'Close',
}

const DICT = { 'zh-CN': zh, en } as const

export type FillT = (key: Key, vars?: Record<string, string | number>) => string

export function useFillT(): FillT {
  return useDictionary(DICT)
}
