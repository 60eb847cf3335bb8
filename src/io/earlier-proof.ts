/**
 * The earlier proof a draft is compared with (build --since, issue 23): the
 * manifest written beside its PDF, read as any text nianjian reads (a
 * regular file, bounded in size).
 */
import { readFile } from 'node:fs/promises';
import { refusalOf } from './safe-read.ts';

/** The manifest's text, or why it cannot be read. */
export async function readEarlierManifest(since: string, _dir: string): Promise<{ text: string } | string> {
  try {
    const refused = await refusalOf(since, undefined);
    if (refused) return `${refused[0]}`;
    return { text: await readFile(since, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? '找不到此文件' : `读取出错（${code ?? String(error).slice(0, 60)}）`;
  }
}
