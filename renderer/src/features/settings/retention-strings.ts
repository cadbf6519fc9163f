/**
 * UI strings of 保留期限 (retention of ID photos after the badge): the setting, the desk's notice
 * and the note in an emptied slot (zh-CN defines the keys, en must define all of them).
 */
import { useDictionary, type Language, type Vars } from '../../i18n'

const zh = {
  'ret.title': '身份证照片保留期限',
  'ret.hint':
    '网站挂标后，身份证正反面和手持照片在所选天数后提示删除（多个网站共用的照片，要所有网站都已挂标满期限）。不会自动删除：每次都要您确认。营业执照和域名证书不会删除。',
  'ret.off': '不删除（默认）',
  'ret.days': '挂标后 {n} 天',
  'ret.notice.title': '{n} 张身份证照片已到保留期限',
  'ret.notice.hint': '确认后，这些照片的原件、压缩件和备份记录都会删除，无法恢复。需要时可以重新上传。',
  'ret.notice.item': '{sites} · {person} · {photo} · 挂标 {badged}（{due} 到期）',
  'ret.notice.delete': '删除',
  'ret.notice.later': '暂不',
  'ret.notice.confirm': '确定删除这 {n} 张照片吗？删除后无法恢复。',
  'ret.notice.ok': '确认删除',
  'ret.notice.cancel': '取消',
  'ret.notice.done': '已按保留期限删除 {n} 张身份证照片。',
  'ret.preview.none': '目前没有到期的身份证照片。',
  'ret.slot.removed': '已按保留期限删除（{date}）',
  /** Between site names. */
  'ret.sep': '、',
}
export type RetentionKey = keyof typeof zh

const en: Record<RetentionKey, string> = {
  'ret.title': 'Keeping ID photos',
  'ret.hint':
    'After a site’s badge is placed, its ID-card photos (front, back, hand-held) are offered for deletion after the chosen number of days (a photo several sites use only once every one of them has been badged that long). Nothing is deleted without your confirmation. Business licences and domain certificates are never deleted.',
  'ret.off': 'Keep (default)',
  'ret.days': '{n} days after the badge',
  'ret.notice.title': '{n} ID photos have reached their retention period',
  'ret.notice.hint':
    'Once you confirm, the originals, compressed copies and backup records of these photos are deleted for good. You can upload them again when needed.',
  'ret.notice.item': '{sites} · {person} · {photo} · badge placed {badged} (due {due})',
  'ret.notice.delete': 'Delete',
  'ret.notice.later': 'Not now',
  'ret.notice.confirm': 'Delete these {n} photos? This cannot be undone.',
  'ret.notice.ok': 'Delete them',
  'ret.notice.cancel': 'Cancel',
  'ret.notice.done': '{n} ID photos deleted by the retention setting.',
  'ret.preview.none': 'No ID photo is due now.',
  'ret.slot.removed': 'Deleted by the retention setting ({date})',
  'ret.sep': ', ',
}

const DICT: Record<Language, Record<RetentionKey, string>> = { 'zh-CN': zh, en }

export type RetentionT = (key: RetentionKey, vars?: Vars) => string

export function useRetentionT(): RetentionT {
  return useDictionary(DICT)
}
