/**
 * The text a reader gets from the built outputs: the PDF through poppler's
 * pdftotext, the EPUB's documents without their markup. For checks that no
 * character of the manuscript was lost on the way (issue 16).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const pdfText = (path: string): string => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });

export function epubText(path: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.entries(files).filter(([name]) => name.endsWith('.xhtml')).map(([, bytes]) => strFromU8(bytes).replace(/<[^>]*>/g, '')).join('\n');
}

/** The one file in `dir` whose name ends with `suffix`. */
export function outputIn(dir: string, suffix: string): string {
  const name = readdirSync(dir).find((n) => n.endsWith(suffix) && !n.includes('-校样'));
  if (!name) throw new Error(`no *${suffix} in ${dir}: ${readdirSync(dir).join(', ')}`);
  return join(dir, name);
}

const HAN = /\p{Script=Han}/gu;

/** How often each hanzi occurs in `text`. */
export function hanCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [c] of text.matchAll(HAN)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/**
 * The text a manuscript's Markdown asks to print: without YAML front matter,
 * HTML comments (editors' notes) and directive attributes ({…}).
 */
export function printedSource(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '')
    // Queries and editors' notes (issue 23) are never printed.
    .replace(/^:::(?:query|note)\b[^\n]*\n[\s\S]*?\n:::[ \t]*$/gm, '').replace(/:(?:q|note)\[[^\]\n]*\](?:\{[^}\n]*\})?/g, '')
    .replace(/\{[^}\n]*\}/g, '');
}

/**
 * The hanzi of `source` that `output` has fewer of: each character must come
 * out at least as often as it went in (the outputs add headings, running
 * heads and the TOC, never take away).
 */
export function missingHan(source: string, output: string): string[] {
  const have = hanCounts(output);
  return [...hanCounts(source)].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c, n]) => `${c}×${n - (have.get(c) ?? 0)}`);
}
