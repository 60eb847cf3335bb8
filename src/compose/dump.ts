/**
 * A text dump of composed lines for golden tests (code-style §9.2, SILE
 * style): numbers at 4 decimals, one line per glyph run of one font.
 */
import type { Line } from './types.ts';

const n4 = (x: number) => x.toFixed(4);

export function dumpLines(lines: readonly Line[]): string {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const flags = [line.isFirst ? 'first' : '', line.isLast ? 'last' : ''].filter(Boolean).join(',');
    out.push(`line ${i + 1}${flags ? ` ${flags}` : ''} width=${n4(line.widthPt)} measure=${n4(line.measurePt)} spread=${n4(line.spreadEm)}em "${line.text}"`);
    let run: { font: string; size: number; x: number; text: string } | null = null;
    const flush = () => run && out.push(`  run x=${n4(run.x)} font=${run.font} size=${n4(run.size)} "${run.text}"`);
    for (const g of line.glyphs) {
      if (!run || run.font !== g.fontKey || run.size !== g.sizePt) {
        flush();
        run = { font: g.fontKey, size: g.sizePt, x: g.xPt, text: '' };
      }
      run.text += g.text;
    }
    flush();
    out.push(`  x ${line.glyphs.toArray().map((g) => n4(g.xPt)).join(' ')}`);
    for (const a of line.anchors) out.push(`  anchor ${a.id} x=${n4(a.xPt)}`);
  });
  return `${out.join('\n')}\n`;
}
