/**
 * `nianjian queries`: the open queries (存疑) of the manuscript, grouped by
 * the unit that must answer them, for sending out (issue 23). Each with its
 * number (as the proofs print it), file:line and question.
 */
import { checkManuscript, numberedQueries } from '../build/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import { readManuscript } from '../io/index.ts';
import type { Query } from '../model/index.ts';

const byUnit = (list: ReturnType<typeof numberedQueries>) => {
  const units = new Map<string, Array<{ number: number; query: Query }>>();
  for (const q of list) units.set(q.query.to, [...(units.get(q.query.to) ?? []), q]);
  return units;
};

/** Prints the queries of the manuscript in `dir` by unit; returns the files for the caller's report. */
export async function listQueries(dir: string, out: (s: string) => void): Promise<VFile[]> {
  const read = await readManuscript(dir);
  const result = checkManuscript(read.files, read.all);
  if (!result.book) return result.files;
  const queries = numberedQueries(result.book);
  const units = byUnit(queries);
  for (const [unit, list] of units) {
    out(`\n${unit}（${list.length} 条）`);
    for (const { number, query } of list) {
      const text = query.kind === 'unreadable' ? `〔？〕${query.text}` : query.text;
      out(`  存疑${number}\t${query.source.path}:${query.source.position?.start.line ?? 1}\t${text}`);
    }
  }
  out(`\n未答存疑 ${queries.length} 条，涉及 ${units.size} 个单位。付印前须逐条答复、改正书稿并删去存疑标记。`);
  return result.files;
}
