/**
 * A proof's marks and text read back from its PDF with pdf.js (issue 23):
 * change bars (vertical rules 1.5 pt wide), deletion marks (horizontal rules
 * 2 pt wide), pages with the moved mark (rules 0.4 pt wide), and the text
 * rows of each page, all in page coordinates (pt, y down).
 */
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { main } from '../../src/cli/index.ts';

export interface Bar { page: number; x: number; top: number; bottom: number }
export interface DeletionMark { page: number; x1: number; x2: number; y: number }
/** One column's line: the text at one baseline on one side of the page's middle. */
export interface TextRow { page: number; column: number; y: number; text: string }

export interface Proof {
  bars: Bar[];
  deletions: DeletionMark[];
  /** Pages (1-based) with the moved mark. */
  moved: number[];
  rows: TextRow[];
  pages: number;
}

export async function readProof(path: string): Promise<Proof> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const proof: Proof = { bars: [], deletions: [], moved: [], rows: [], pages: doc.numPages };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    let width = 1;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.setLineWidth) width = args[0] as number;
      if (fn !== OPS.constructPath) return;
      const [minX, minY, maxX, maxY] = Array.from(args[2] as ArrayLike<number>) as [number, number, number, number];
      const vertical = maxX - minX < 0.01 && maxY - minY > 1;
      if (vertical && Math.abs(width - 1.5) < 0.01) proof.bars.push({ page: n, x: minX, top: minY, bottom: maxY });
      if (vertical && Math.abs(width - 0.4) < 0.01 && !proof.moved.includes(n)) proof.moved.push(n);
      if (maxY - minY < 0.01 && maxX - minX > 1 && Math.abs(width - 2) < 0.01) proof.deletions.push({ page: n, x1: minX, x2: maxX, y: minY });
    });
    const height = page.view[3]!;
    const rows = new Map<string, TextRow>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round((height - item.transform[5]) * 10) / 10;
      const column = item.transform[4] < page.view[2]! / 2 ? 0 : 1;
      const row = rows.get(`${column}|${y}`) ?? { page: n, column, y, text: '' };
      row.text += item.str;
      rows.set(`${column}|${y}`, row);
    }
    proof.rows.push(...rows.values());
  }
  return proof;
}

/** The text rows a bar stands beside: on its side of the page, the baseline inside its span. */
export const besideBar = (rows: readonly TextRow[], bar: Bar): TextRow[] =>
  rows.filter((r) => r.page === bar.page && r.column === (bar.x < 297 ? 0 : 1) && r.y > bar.top && r.y < bar.bottom);

/** `nianjian …args` in this process: its exit code and what it printed. */
export async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}
