/** Says briefly why the file system refused, without the stack. */
export function describeFsError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const { code } = error;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder';
    if (code === 'ENOTDIR') return 'a part of the path is not a folder';
    if (code === 'ENOSPC') return 'no space left on the device';
    if (code === 'EDQUOT') return 'disk quota exceeded';
    if (code === 'EROFS') return 'read-only file system';
    if (code === 'EIO') return 'input/output error';
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
