/**
 * What a file-system error means to an editor: one Chinese line naming the
 * path and what to do, never a stack trace. Every fault the disk or the
 * system can raise while nianjian reads or writes ends up here.
 */

/** An error of the disk or the system, with the path it happened at. */
export interface SystemFault {
  path: string;
  code: string;
  /** What went wrong and what to do, in Chinese. */
  message: string;
}

const HINTS: Record<string, string> = {
  ENOSPC: '磁盘已满。请腾出磁盘空间后重新生成',
  EDQUOT: '磁盘配额已用完。请腾出空间后重新生成',
  EACCES: '没有权限。请检查该文件或目录的权限，或用 --out 另选一个可写的目录',
  EPERM: '操作不被允许。请检查该文件或目录的权限，或用 --out 另选一个目录',
  EROFS: '所在磁盘是只读的。请用 --out 另选一个可写的目录',
  ENOTDIR: '路径中有一段是文件而不是目录。请检查路径，或用 --out 另选一个目录',
  EISDIR: '这是一个目录，不是文件。请检查路径',
  EEXIST: '同名的文件或目录已存在且无法替换。请移走它后重新生成',
  ENAMETOOLONG: '文件名或路径太长。请缩短书名、年份或输出目录的路径',
  ENOENT: '找不到该文件或目录。请检查路径',
  EMFILE: '同时打开的文件太多。请关闭其他程序后重试',
  ENFILE: '系统同时打开的文件太多。请关闭其他程序后重试',
  EIO: '读写磁盘出错。请检查磁盘或换一个目录',
  EBUSY: '文件正被其他程序占用。请关闭占用它的程序（如 PDF 阅读器）后重试',
  ELOOP: '符号链接构成了循环。请检查书稿中的链接',
  EFBIG: '文件太大。请检查磁盘的文件大小限制',
};

export const errnoOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
};

/** The fault's message as a reason inside another sentence (its （…） or after a colon): without its closing 。. */
export const faultReason = (error: unknown, path: string, doing: string): string => systemFault(error, path, doing).message.replace(/。$/, '');

/** The fault for `error` at `path`: the errno's hint, or the error's own first line. */
export function systemFault(error: unknown, path: string, doing: string): SystemFault {
  const code = errnoOf(error) ?? 'EUNKNOWN';
  const hint = HINTS[code] ?? `${String((error as Error)?.message ?? error).split('\n')[0]}。请检查该路径`;
  return { path, code, message: `${doing}失败（${code}）：${hint}。` };
}
