/**
 * `nianjian index`: every heading the index will list, in index order, with
 * the reading it sorts by and its letter, for an editor to review before
 * proofs. A polyphonic character read on its own (a guess) is marked ？.
 */
import { checkManuscript } from '../build/index.ts';
import { keyReading } from '../cjk/index.ts';
import { indexHeadings } from '../derive/index.ts';
import { readManuscript } from '../io/index.ts';
import type { VFile } from '../diagnostics/index.ts';

/** Lists the index headings of the manuscript in `dir`; returns the files for the caller's report. */
export async function listIndexHeadings(dir: string, out: (s: string) => void): Promise<VFile[]> {
  const read = await readManuscript(dir);
  const result = checkManuscript(read.files, read.all);
  if (!result.book) return result.files;
  const entries = indexHeadings(result.book);
  let letter: string | undefined;
  for (const e of entries) {
    if (e.key.group !== letter) out(`\n${(letter = e.key.group) || '数字开头'}`);
    const guess = e.guesses ? `\t？${e.guesses.map((g) => `${g.char} 按单字读作 ${g.reading}`).join('，')}` : '';
    const place = e.source?.path ? `\t${e.source.path}:${e.source.position?.start.line ?? 1}` : '';
    out(`  ${e.heading}\t${keyReading(e.key)}${place}${guess}`);
  }
  const guessed = entries.filter((e) => e.guesses).length;
  out(`\n索引标题 ${entries.length} 条；其中 ${guessed} 条有按单字猜读的多音字（？），请核对，读错的在 book.yaml 的 index_readings 中写明。`);
  return result.files;
}
