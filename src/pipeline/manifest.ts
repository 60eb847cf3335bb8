/**
 * A build's manifest (issue 23): a small JSON file next to its PDF with the
 * manuscript's paragraphs in reading order (file, text hash, the hash of
 * each printed line) and each page's signature, so that a later proof can
 * say what changed without git and without reading PDFs. Its bytes depend
 * on the book alone (no dates, no absolute paths).
 *
 * The comparison works from the paragraphs: those of each manuscript file
 * are aligned old to new by their text (a longest common subsequence), so an
 * edit above a paragraph does not make it "changed". A changed paragraph is
 * paired with the one it replaced; its lines whose text differs are the
 * changed lines. A page with no changed line whose signature differs from
 * the old page of the same place only moved.
 */
import crypto from 'node:crypto';
import { relative, resolve } from 'node:path';
import type { Page, PagedDocument, PageChange } from '../layout/index.ts';

export const MANIFEST_FORMAT = 'nianjian-manifest/1';

export interface ManifestParagraph {
  /** The manuscript file, relative to the manuscript folder. */
  file: string;
  hash: string;
  /** The hash of each printed line, in order, separated by spaces. */
  lines: string;
  /** Page numbers (as printed) of its first and last line. */
  pages: [string, string];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  book: string;
  round?: string;
  paragraphs: ManifestParagraph[];
  pages: Array<{ number: string; hash: string }>;
}

/** SHA-256 in hex; one-shot where Node has it (20.12+): a Hash object for each of the book's 30 000 lines was half the manifest's time. */
const sha256 = typeof crypto.hash === 'function' ? (text: string) => crypto.hash('sha256', text) : (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const hashOf = (text: string, length: number) => sha256(text).slice(0, length);

/** Keys of the paragraphs in reading order, with their lines (by index) and pages. */
function paragraphsOf(paged: PagedDocument): Map<string, { lines: string[]; pages: string[] }> {
  const found = new Map<string, { lines: string[]; pages: string[] }>();
  for (const page of paged.pages) {
    for (const l of page.textLines ?? []) {
      const p = found.get(l.key) ?? { lines: [], pages: [] };
      found.set(l.key, p);
      p.lines[l.index] = l.text;
      if (!p.pages.includes(page.number)) p.pages.push(page.number);
    }
  }
  return found;
}

/** What a page shows, for telling a page that moved: its kind, number, running head, lines and images. */
function pageHash(page: Page): string {
  const lines = (page.textLines ?? []).map((l) => `${l.column}|${l.y.toFixed(1)}|${l.text}`);
  const images = page.items.flatMap((i) => (i.kind === 'image' ? [`${i.src}|${i.y.toFixed(1)}`] : []));
  return hashOf([page.kind, page.number, page.runningHead, ...lines, ...images].join('\n'), 12);
}

/** The file a paragraph key (`path:line:column`) names, relative to the manuscript folder; worked out once a file (path.resolve asks for the working folder each time). */
function filesOfKeys(dir: string): (key: string) => string {
  const root = resolve(dir);
  const files = new Map<string, string>();
  return (key) => {
    const path = key.replace(/:\d+:\d+$/, '');
    let file = files.get(path);
    if (file === undefined) files.set(path, (file = relative(root, resolve(path)).split('\\').join('/')));
    return file;
  };
}

export function makeManifest(paged: PagedDocument, dir: string, book: string, round?: string): Manifest {
  const fileOfKey = filesOfKeys(dir);
  const paragraphs = [...paragraphsOf(paged)].map(([key, p]): ManifestParagraph => {
    const lines = Array.from(p.lines, (l) => l ?? '');
    return { file: fileOfKey(key), hash: hashOf(lines.join(''), 12), lines: lines.map((l) => hashOf(l, 8)).join(' '), pages: [p.pages[0]!, p.pages.at(-1)!] };
  });
  return { format: MANIFEST_FORMAT, book, ...(round ? { round } : {}), paragraphs, pages: paged.pages.map((p) => ({ number: p.number, hash: pageHash(p) })) };
}

/** One paragraph and one page a line: small, and a text diff of two manifests reads well. */
export function manifestBytes(m: Manifest): string {
  const { paragraphs, pages, ...head } = m;
  const list = (items: readonly unknown[]) => items.map((i) => JSON.stringify(i)).join(',\n');
  return `${JSON.stringify(head).slice(0, -1)},\n"paragraphs":[\n${list(paragraphs)}\n],\n"pages":[\n${list(pages)}\n]}\n`;
}

/** A manifest read back, or why it is not one. */
export function parseManifest(text: string): Manifest | string {
  try {
    const m = JSON.parse(text) as Manifest;
    if (m?.format !== MANIFEST_FORMAT || !Array.isArray(m.paragraphs) || !Array.isArray(m.pages)) return `不是 nianjian 的清单（${MANIFEST_FORMAT}）`;
    return m;
  } catch (error) {
    return `不是 JSON：${(error as Error).message.slice(0, 80)}`;
  }
}

/** Pairs of indexes (old, new) of equal items, in order: the longest common subsequence, after the common ends. */
function alignment(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= 4_000_000) {
    // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB).
    const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = a[start + i] === b[start + j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (a[start + i] === b[start + j]) pairs.push([start + i++, start + j++]);
      else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
      else j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** For each new paragraph, the old one it is (same text) or replaced (unmatched, at the same place among the unmatched), if any. */
function pairUp(old: readonly ManifestParagraph[], now: readonly ManifestParagraph[]): Array<{ old?: ManifestParagraph; same: boolean }> {
  const out: Array<{ old?: ManifestParagraph; same: boolean }> = now.map(() => ({ same: false }));
  const pairs = [...alignment(old.map((p) => p.hash), now.map((p) => p.hash)), [old.length, now.length] as [number, number]];
  let [lastOld, lastNew] = [-1, -1];
  for (const [i, j] of pairs) {
    // The unmatched between two matches replaced each other, in order.
    for (let k = 1; lastNew + k < j; k++) if (lastOld + k < i) out[lastNew + k] = { old: old[lastOld + k]!, same: false };
    if (j < now.length) out[j] = { old: old[i]!, same: true };
    [lastOld, lastNew] = [i, j];
  }
  return out;
}

export interface Changes {
  /** By page index: its changed lines (indexes into its textLines) and whether it only moved. */
  pages: Map<number, PageChange>;
  changedPages: string[];
  movedPages: string[];
  changedParagraphs: number;
}

/** What changed in `now` (this build's pages and manifest) since the `old` manifest. */
export function compareManifests(old: Manifest, now: Manifest, paged: PagedDocument): Changes {
  const byFile = (m: Manifest) => {
    const files = new Map<string, ManifestParagraph[]>();
    for (const p of m.paragraphs) files.set(p.file, [...(files.get(p.file) ?? []), p]);
    return files;
  };
  const oldFiles = byFile(old);
  const changedLines = new Map<ManifestParagraph, Set<number>>();
  for (const [file, paragraphs] of byFile(now)) {
    pairUp(oldFiles.get(file) ?? [], paragraphs).forEach((pair, k) => {
      if (pair.same) return;
      const p = paragraphs[k]!;
      const old = pair.old?.lines.split(' ') ?? [];
      changedLines.set(p, new Set(p.lines.split(' ').flatMap((h, i) => (old[i] === h ? [] : [i]))));
    });
  }
  const byKey = new Map([...paragraphsOf(paged).keys()].map((key, i) => [key, now.paragraphs[i]!]));
  const pages = new Map<number, PageChange>();
  const changedPages: string[] = [];
  const movedPages: string[] = [];
  paged.pages.forEach((page, index) => {
    const lines = (page.textLines ?? []).flatMap((l, i) => (changedLines.get(byKey.get(l.key)!)?.has(l.index) ? [i] : []));
    const moved = lines.length === 0 && old.pages[index]?.hash !== now.pages[index]!.hash;
    if (lines.length > 0) changedPages.push(page.number);
    if (moved) movedPages.push(page.number);
    if (lines.length > 0 || moved) pages.set(index, { changedLines: lines, moved });
  });
  return { pages, changedPages, movedPages, changedParagraphs: changedLines.size };
}
