/**
 * Permissions of everything written out of the app (packets, batch outputs, tables): readable
 * by the user only on POSIX, since they hold ID photos and personal data and may land in a
 * shared folder of a multi-user computer. Windows ignores these modes (the folder's ACL applies).
 */
export const EXPORT_FILE_MODE = 0o600
export const EXPORT_DIR_MODE = 0o700
/** A file entry of an exported zip, unpacked with the same rule (S_IFREG | 0600). */
export const EXPORT_ZIP_ENTRY_MODE = 0o100600
