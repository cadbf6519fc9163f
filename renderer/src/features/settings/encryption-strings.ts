/**
 * UI strings of settings → 数据加密 (zh-CN defines the keys, en must define all of them),
 * switched with the app's language.
 */
import { useDictionary, type Language, type Vars } from '../../i18n'

const zh = {
  'enc.open': '数据加密',
  'enc.title': '数据加密',
  'enc.state': '状态',
  'enc.state.on': '已加密',
  'enc.state.off': '未加密',
  'enc.state.locked': '已加密，尚未解锁',
  'enc.protection': '密钥保护方式',
  'enc.protection.keychain': '系统钥匙串（{backend}）',
  'enc.protection.passphrase': '口令',
  'enc.protection.none': '—',
  'enc.what':
    '主体和网站的资料（姓名、证件号码、电话、地址等，连同数据文件的备份）以及身份证照片、营业执照等材料文件（原图和压缩图）都用 AES-256-GCM 加密保存在本机；只有您要求导出的备案材料包是明文。',
  'enc.migrating': '正在加密以前保存的材料文件…',
  'enc.noKeychain':
    '这台电脑没有可用的系统钥匙串（{backend}），资料和材料文件还没有加密。请设置一个口令来加密；以后每次打开应用时需要输入它。',
  'enc.unlock.title': '解锁',
  'enc.unlock.hint': '输入口令，或打印的恢复密钥（XXXX-XXXX-…）。',
  'enc.unlock.placeholder': '口令或恢复密钥',
  'enc.unlock.button': '解锁',
  'enc.unlock.done': '已解锁。',
  'enc.pass.title.set': '设置口令',
  'enc.pass.title.change': '修改口令',
  'enc.pass.hint.keychain':
    '设置口令后，密钥改由口令保护（不再用系统钥匙串），每次打开应用都需要输入；命令行 beian-desk 也可以用这个口令打开数据。',
  'enc.pass.hint.new': '至少 8 个字符，建议用一句只有您知道的话。忘记口令时只能用恢复密钥打开。',
  'enc.pass.first': '新口令',
  'enc.pass.second': '再输入一次',
  'enc.pass.button': '保存口令',
  'enc.pass.short': '口令至少需要 8 个字符。',
  'enc.pass.mismatch': '两次输入的口令不一样，请重新输入。',
  'enc.pass.done': '口令已保存。',
  'enc.recovery.title': '恢复密钥',
  'enc.recovery.pending':
    '恢复密钥还没有保存。钥匙串丢失（例如重装系统、换电脑）或忘记口令时，只有它能打开加密的材料。它只显示一次。',
  'enc.recovery.show': '显示恢复密钥（只显示一次）',
  'enc.recovery.code': '请抄写或打印下面的恢复密钥，保存在电脑以外的安全地方：',
  'enc.recovery.print': '打印',
  'enc.recovery.renew': '生成新的恢复密钥',
  'enc.recovery.renew.confirm': '生成新的恢复密钥后，旧的恢复密钥将失效。继续吗？',
  'enc.recovery.saved': '恢复密钥已经显示过。如果找不到了，可以生成一个新的（旧的随即失效）。',
  'enc.close': '关闭',
  'enc.startup.title': '打开加密的工作区',
  'enc.startup.body':
    '这个工作区的资料（主体、网站、证件号码、电话等）和材料文件都已加密，输入口令（或恢复密钥）解锁后才能打开。也可以稍后在“数据加密”里解锁。',
  'enc.startup.later': '稍后解锁',
  'enc.locked.body': '工作区已加密，尚未解锁。解锁后才能查看和修改资料。',
  'enc.locked.unlock': '解锁…',
  'enc.autolock.title': '自动锁定',
  'enc.autolock.hint': '离开电脑一段时间没有操作时自动锁定，再次查看材料需要输入口令。正在导出时不会锁定。',
  'enc.autolock.never': '从不',
  'enc.autolock.minutes': '闲置 {n} 分钟后',
  'enc.autolock.now': '立即锁定',
}
export type EncryptionKey = keyof typeof zh

const en: Record<EncryptionKey, string> = {
  'enc.open': 'Encryption',
  'enc.title': 'Data encryption',
  'enc.state': 'State',
  'enc.state.on': 'Encrypted',
  'enc.state.off': 'Not encrypted',
  'enc.state.locked': 'Encrypted, locked',
  'enc.protection': 'Key protected by',
  'enc.protection.keychain': 'System keychain ({backend})',
  'enc.protection.passphrase': 'Passphrase',
  'enc.protection.none': '—',
  'enc.what':
    'The data of subjects and sites (names, ID numbers, phones, addresses, with the data file’s backups) and the material files (ID photos, licences; originals and compressed copies) are stored encrypted with AES-256-GCM on this computer; only the packets you export are plaintext.',
  'enc.migrating': 'Encrypting the material files saved earlier…',
  'enc.noKeychain':
    'This computer has no usable system keychain ({backend}), so the data and material files are not encrypted yet. Set a passphrase to encrypt them; you will type it each time the app opens.',
  'enc.unlock.title': 'Unlock',
  'enc.unlock.hint': 'Type the passphrase, or the printed recovery key (XXXX-XXXX-…).',
  'enc.unlock.placeholder': 'Passphrase or recovery key',
  'enc.unlock.button': 'Unlock',
  'enc.unlock.done': 'Unlocked.',
  'enc.pass.title.set': 'Set a passphrase',
  'enc.pass.title.change': 'Change the passphrase',
  'enc.pass.hint.keychain':
    'With a passphrase, the key is protected by it instead of the system keychain, and you type it each time the app opens; the beian-desk command line can open the data with it too.',
  'enc.pass.hint.new':
    'At least 8 characters; a sentence only you know is best. If you forget it, only the recovery key opens the data.',
  'enc.pass.first': 'New passphrase',
  'enc.pass.second': 'Type it again',
  'enc.pass.button': 'Save passphrase',
  'enc.pass.short': 'The passphrase needs at least 8 characters.',
  'enc.pass.mismatch': 'The two passphrases differ; type them again.',
  'enc.pass.done': 'Passphrase saved.',
  'enc.recovery.title': 'Recovery key',
  'enc.recovery.pending':
    'The recovery key has not been saved yet. If the keychain is lost (a reinstalled system, a new computer) or the passphrase forgotten, only it opens the encrypted materials. It is shown once.',
  'enc.recovery.show': 'Show the recovery key (once)',
  'enc.recovery.code':
    'Write down or print this recovery key and keep it somewhere safe, away from this computer:',
  'enc.recovery.print': 'Print',
  'enc.recovery.renew': 'Make a new recovery key',
  'enc.recovery.renew.confirm': 'A new recovery key makes the old one stop working. Go on?',
  'enc.recovery.saved':
    'The recovery key has been shown. If you cannot find it, make a new one (the old one stops working).',
  'enc.close': 'Close',
  'enc.startup.title': 'Open the encrypted workspace',
  'enc.startup.body':
    'The data of this workspace (subjects, sites, ID numbers, phones…) and its material files are encrypted: type the passphrase (or the recovery key) to open them. You can also unlock later under Encryption.',
  'enc.startup.later': 'Unlock later',
  'enc.locked.body': 'The workspace is encrypted and locked. Unlock it to see and change its data.',
  'enc.locked.unlock': 'Unlock…',
  'enc.autolock.title': 'Auto-lock',
  'enc.autolock.hint':
    'Locks after a while without any activity; viewing materials then needs the passphrase again. Never during an export.',
  'enc.autolock.never': 'Never',
  'enc.autolock.minutes': 'After {n} idle minutes',
  'enc.autolock.now': 'Lock now',
}

const DICT: Record<Language, Record<EncryptionKey, string>> = { 'zh-CN': zh, en }

export type EncryptionT = (key: EncryptionKey, vars?: Vars) => string

export function useEncryptionT(): EncryptionT {
  return useDictionary(DICT)
}
