/**
 * UI strings of the workspace archive (工作区迁移包) in settings → 数据加密 (zh-CN defines the
 * keys, en must define all of them).
 */
import { useDictionary, type Language, type Vars } from '../../i18n'

const zh = {
  'arc.title': '工作区迁移包（换电脑）',
  'arc.what':
    '把整个工作区（数据文件、备份和全部材料文件）导出为一个加密文件，在新电脑上导入。材料文件保持加密，数据密钥由迁移包口令保护：导入时只需要这个口令。请把口令与迁移包分开保存。',
  'arc.export.title': '导出迁移包',
  'arc.export.locked': '工作区已加密且尚未解锁：请先解锁，再导出迁移包。',
  'arc.pass.first': '迁移包口令',
  'arc.pass.second': '再输入一次',
  'arc.pass.short': '迁移包口令至少需要 8 个字符。',
  'arc.pass.mismatch': '两次输入的口令不一样，请重新输入。',
  'arc.export.button': '导出迁移包…',
  'arc.export.done': '已导出：{path}（{files} 个文件，{mb} MB）。',
  'arc.export.plain': '这个工作区没有加密；迁移包本身仍由口令加密。',
  'arc.import.title': '从迁移包导入',
  'arc.import.hint':
    '只能导入到空的工作区（刚安装、还没有主体和网站时），不会覆盖现有数据。导入后应用会重新启动。',
  'arc.import.placeholder': '导出时设置的迁移包口令',
  'arc.import.button': '选择迁移包并导入…',
  'arc.import.done': '迁移包已校验并导入（{files} 个文件，{mb} MB）。',
  'arc.import.restart.automatic': 'Beian Desk 即将重新启动，以打开导入的工作区。',
  'arc.import.restart.manual': '请关闭并重新启动 Beian Desk，以打开导入的工作区。',
  'arc.unlock.keychain': '数据密钥已由这台电脑的系统钥匙串保护，启动时会自动解锁。',
  'arc.unlock.passphrase': '启动后请输入原来的工作区口令（或恢复密钥）解锁。',
  'arc.unlock.archive-passphrase':
    '这台电脑没有可用的系统钥匙串：工作区口令现在就是迁移包口令，启动后用它解锁。',
  'arc.unlock.none': '这个工作区没有加密。',
  'arc.progress.key': '正在由口令生成密钥…',
  'arc.progress.checking': '正在校验迁移包：{done} / {total} MB',
  'arc.progress.writing.export': '正在写入迁移包：{done} / {total} MB',
  'arc.progress.writing.import': '正在写入导入的工作区：{done} / {total} MB',
  /** Between sentences: none in Chinese. */
  'arc.sep': '',
}
export type ArchiveKey = keyof typeof zh

const en: Record<ArchiveKey, string> = {
  'arc.title': 'Workspace archive (a new computer)',
  'arc.what':
    'Exports the whole workspace (the data file, its backups and every material file) as one encrypted file to import on the new computer. Material files stay encrypted and the data key is protected by the archive passphrase: importing needs only that passphrase. Keep the passphrase apart from the archive.',
  'arc.export.title': 'Export an archive',
  'arc.export.locked': 'The workspace is encrypted and locked: unlock it first, then export.',
  'arc.pass.first': 'Archive passphrase',
  'arc.pass.second': 'Type it again',
  'arc.pass.short': 'The archive passphrase needs at least 8 characters.',
  'arc.pass.mismatch': 'The two passphrases differ; type them again.',
  'arc.export.button': 'Export archive…',
  'arc.export.done': 'Exported: {path} ({files} files, {mb} MB).',
  'arc.export.plain': 'This workspace is not encrypted; the archive itself is encrypted by the passphrase.',
  'arc.import.title': 'Import from an archive',
  'arc.import.hint':
    'Only into an empty workspace (just installed, no subjects or sites yet); existing data is never overwritten. The app restarts after the import.',
  'arc.import.placeholder': 'The archive passphrase set at export',
  'arc.import.button': 'Choose an archive and import…',
  'arc.import.done': 'The archive was checked and imported ({files} files, {mb} MB).',
  'arc.import.restart.automatic': 'Beian Desk restarts now to open the imported workspace.',
  'arc.import.restart.manual': 'Close and start Beian Desk again to open the imported workspace.',
  'arc.unlock.keychain':
    "The data key is now protected by this computer's keychain; the app unlocks by itself.",
  'arc.unlock.passphrase':
    'After the restart, unlock with the workspace passphrase you had (or the recovery key).',
  'arc.unlock.archive-passphrase':
    'This computer has no usable keychain: the workspace passphrase is now the archive passphrase; unlock with it after the restart.',
  'arc.unlock.none': 'This workspace is not encrypted.',
  'arc.progress.key': 'Deriving the key from the passphrase…',
  'arc.progress.checking': 'Checking the archive: {done} / {total} MB',
  'arc.progress.writing.export': 'Writing the archive: {done} / {total} MB',
  'arc.progress.writing.import': 'Writing the imported workspace: {done} / {total} MB',
  'arc.sep': ' ',
}

const DICT: Record<Language, Record<ArchiveKey, string>> = { 'zh-CN': zh, en }

export type ArchiveT = (key: ArchiveKey, vars?: Vars) => string

export function useArchiveT(): ArchiveT {
  return useDictionary(DICT)
}
