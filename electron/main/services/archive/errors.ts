/**
 * Every refusal of the workspace archive (工作区迁移包): a stable code and a Chinese sentence that
 * says what is wrong and what to do. Nothing here is raw exception text.
 */
import { AppFailure } from '../app-error'

export class ArchiveFailure extends AppFailure {}

/** A file-system error (no space, no permission…) as a refusal; our own failures pass through. */
export function asWriteFailure(error: unknown, where: string): unknown {
  if (error instanceof AppFailure) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  return archiveErrors.writeFailed(where, typeof code === 'string' ? code : 'error')
}

const fail = (code: string, message: string) => new ArchiveFailure(`archive/${code}`, message)

export const archiveErrors = {
  wrongPassphrase: () =>
    fail(
      'wrong-passphrase',
      '迁移包口令不正确，无法打开。请检查大小写和输入法，输入导出时设置的迁移包口令后重试。',
    ),
  weakPassphrase: (min: number) =>
    fail(
      'weak-passphrase',
      `迁移包口令太短：至少需要 ${String(min)} 个字符。建议用一句只有您知道的话，并把它与迁移包分开保存。`,
    ),
  notArchive: () =>
    fail(
      'not-archive',
      '这个文件不是 Beian Desk 工作区迁移包。请选择在“数据加密”中或用 archive export 导出的 .bdxa 文件。',
    ),
  newerVersion: (version: number) =>
    fail(
      'newer-version',
      `这个迁移包来自更新版本的 Beian Desk（格式 ${String(version)}），请先升级应用再导入。`,
    ),
  damaged: (why: string) =>
    fail(
      'damaged',
      `迁移包已损坏、不完整或被改动（${why}），无法导入，什么也没有写入。请在原电脑上重新导出，或换一份完整的副本（例如重新复制一次）。`,
    ),
  unsafeEntry: (name: string, why: string) =>
    fail(
      'unsafe-entry',
      `迁移包中有不安全的条目“${name.slice(0, 120)}”（${why}），已拒绝导入，什么也没有写入。请只导入由 Beian Desk 导出的迁移包。`,
    ),
  tooLarge: (why: string) =>
    fail(
      'too-large',
      `迁移包声明的内容超出限制（${why}），已拒绝导入，什么也没有写入。请只导入由 Beian Desk 导出的迁移包。`,
    ),
  targetNotEmpty: (dir: string) =>
    fail(
      'target-not-empty',
      `目标数据文件夹 ${dir} 不是空的：导入只写入空的（或尚不存在的）文件夹，不会覆盖现有工作区。请换一个新的文件夹，或先把现有的数据文件夹移走后重试。`,
    ),
  noWorkspace: (dir: string) =>
    fail('no-workspace', `${dir} 中没有工作区（缺少 config.json），无法导出。请确认数据文件夹的位置。`),
  locked: () =>
    fail(
      'locked',
      '工作区已加密且尚未解锁：导出迁移包需要数据密钥。请先输入口令（或恢复密钥）解锁，再导出。',
    ),
  changed: () =>
    fail('changed', '导出期间工作区被修改了，迁移包没有写成（不会留下不完整的文件）。请稍候再导出一次。'),
  outExists: (path: string) =>
    fail('out-exists', `${path} 已存在，迁移包不会覆盖它。请换一个文件名，或先移走那个文件。`),
  writeFailed: (where: string, code: string) =>
    fail(
      'write-failed',
      `无法写入 ${where}（${code}），没有留下不完整的文件。请检查磁盘空间和写入权限，或换一个位置后重试。`,
    ),
  unreadable: (path: string) =>
    fail('unreadable', `读不到迁移包 ${path}：请检查文件是否存在、是否有读取权限。`),
  keyMismatch: () =>
    fail(
      'damaged',
      '迁移包中的数据密钥与其中的密钥文件不匹配（迁移包可能被改动），无法导入，什么也没有写入。请在原电脑上重新导出。',
    ),
}
