/**
 * A build's manifest (issue 23): a small JSON file next to its PDF with the
 * manuscript's text blocks (paragraphs, headings, captions, table cells and
 * titles, footnotes) in manuscript order (file, text hash, the hash of each
 * printed line, its first characters) and each page's signature, so that a
 * later proof can say what changed without git and without reading PDFs.
 * Its bytes depend on the book alone (no dates, no absolute paths).
 *
 * The comparison works from the blocks: those of each manuscript file are
 * aligned old to new by their text (a longest common subsequence), so an
 * edit above a block does not make it "changed". A changed block is paired
 * with the one it replaced; its lines whose text differs are the changed
 * lines. An old block left without a partner was deleted: it is marked
 * where it stood, under the block before it that remains. A page with no
 * changed line whose signature differs from the old page of the same place
 * only moved.
 */
import crypto from 'node:crypto';
import { relative, resolve } from 'node:path';
import type { Page, PagedDocument, PageChange, TextLine } from '../layout/index.ts';
import type { ManifestMemo } from './manifest-memo.ts';

export const MANIFEST_FORMAT = 'nianjian-manifest/2';
/** The first format (paragraphs only, in print order, no first characters): still read. */
const FORMATS_READ: readonly string[] = [MANIFEST_FORMAT, 'nianjian-manifest/1'];
/** How many characters of a block's text the manifest keeps, for the report to name a deleted one. */
const HEAD_CHARS = 16;

export interface ManifestParagraph {
  /** The manuscript file, relative to the manuscript folder. */
  file: string;
  hash: string;
  /** The hash of each printed line, in order, separated by spaces. */
  lines: string;
  /** Page numbers (as printed) of its first and last line. */
  pages: [string, string];
  /** Its first characters (the report names a deleted block by them). */
  head?: string;
}

export interface Manifest {
  format: string;
  book: string;
  round?: string;
  paragraphs: ManifestParagraph[];
  pages: Array<{ number: string; hash: string }>;
}

/** SHA-256 in hex; one-shot where Node has it (20.12+): a Hash object for each of the book's 30 000 lines was half the manifest's time. */
const sha256 = typeof crypto.hash === 'function' ? (text: string) => crypto.hash('sha256', text) : (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const hashOf = (text: string, length: number) => sha256(text).slice(0, length);

interface PrintedBlock {
  lines: string[];
  pages: string[];
  floats: boolean;
  /** A body paragraph's (its lines are composed body lines): the first format's manifests held only these. */
  paragraph: boolean;
}

/** `path:line:column` → [path, line, column], for putting keys in manuscript order. */
function placeOfKey(key: string): [string, number, number] {
  const m = /^(.*):(\d+):(\d+)$/.exec(key);
  return m ? [m[1]!, Number(m[2]), Number(m[3])] : [key, 0, 0];
}

const byPlace = ([pa, la, ca]: [string, number, number], [pb, lb, cb]: [string, number, number]) => (pa < pb ? -1 : pa > pb ? 1 : la - lb || ca - cb);

/**
 * The printed blocks by key, in manuscript order (a float printed a page on
 * stays in its place), with their lines (by index) and pages. A block printed
 * twice (a table's head repeated under 续表) is one block.
 */
function blocksOf(paged: PagedDocument): Map<string, PrintedBlock> {
  const found = new Map<string, PrintedBlock>();
  for (const page of paged.pages) {
    for (const l of page.textLines ?? []) {
      const b = found.get(l.key) ?? { lines: [], pages: [], floats: l.floats === true, paragraph: false };
      found.set(l.key, b);
      if (l.composed) b.paragraph = true;
      b.lines[l.index] = l.text;
      if (!b.pages.includes(page.number)) b.pages.push(page.number);
    }
  }
  // Each key's place read once, not in every comparison (a regular expression twice a comparison was a fifth of the manifest).
  const places = new Map([...found.keys()].map((key) => [key, placeOfKey(key)]));
  return new Map([...found].sort(([a], [b]) => byPlace(places.get(a)!, places.get(b)!)));
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

/**
 * A block's first characters, white space left out: read from its start, not spread whole into an array (a seventh of a watch rebuild's garbage).
 * Most blocks have neither white space nor a surrogate pair there: their head is a slice, found by one test of it instead of one for each character.
 */
function headOf(text: string): string {
  const start = text.slice(0, 2 * HEAD_CHARS);
  if (!/[\s\ud800-\udfff]/.test(start)) return start.slice(0, HEAD_CHARS);
  let head = '';
  let count = 0;
  for (const c of text) {
    if (/\s/u.test(c)) continue;
    head += c;
    if (++count === HEAD_CHARS) break;
  }
  return head;
}

/** A block's entry in the manifest. */
function paragraphOf(file: string, p: PrintedBlock): ManifestParagraph {
  const lines = Array.from(p.lines, (l) => l ?? '');
  const text = lines.join('');
  return { file, hash: hashOf(text, 12), lines: lines.map((l) => hashOf(l, 8)).join(' '), pages: [p.pages[0]!, p.pages.at(-1)!], head: headOf(text) };
}

export function makeManifest(paged: PagedDocument, dir: string, book: string, round?: string, memo?: ManifestMemo): Manifest {
  const fileOfKey = filesOfKeys(dir);
  memo?.startBuild();
  const paragraphs = [...blocksOf(paged)].map(([key, p]) => (memo ? memo.paragraph(key, p.lines, p.pages, () => paragraphOf(fileOfKey(key), p)) : paragraphOf(fileOfKey(key), p)));
  const signature = memo ? (p: Page) => memo.page(p, pageHash) : pageHash;
  return { format: MANIFEST_FORMAT, book, ...(round ? { round } : {}), paragraphs, pages: paged.pages.map((p) => ({ number: p.number, hash: signature(p) })) };
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
    if (!FORMATS_READ.includes(m?.format) || !Array.isArray(m.paragraphs) || !Array.isArray(m.pages)) return `不是 nianjian 的清单（${MANIFEST_FORMAT}）`;
    return m;
  } catch {
    // Not the engine's words (Unexpected token 'r', "root:x:0:0"... is not valid JSON): the editor gave a wrong file.
    return `不是 JSON 文件，因而不是 nianjian 的清单（${MANIFEST_FORMAT}）`;
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

/** What became of each new block (the old one it is, or replaced) and which old blocks were deleted, each with the new block it stood after. */
interface Pairing {
  news: Array<{ old?: ManifestParagraph; same: boolean }>;
  deleted: Array<{ old: ManifestParagraph; after: number }>;
}

/**
 * The blocks between two matched ones: as many old as new replaced each
 * other, in order; otherwise an old and a new block are the same block
 * edited only when they share a printed line (an edit leaves the lines
 * before it), and the old ones left over were deleted.
 */
function pairGap(old: readonly ManifestParagraph[], now: readonly ManifestParagraph[]): Array<number | undefined> {
  if (old.length === now.length) return now.map((_, k) => k);
  // The old blocks each line hash is printed in, in order, and how far each list has been passed (`next` only grows).
  const holders = new Map<string, number[]>();
  old.forEach((o, i) => {
    for (const h of new Set(o.lines.split(' '))) {
      const list = holders.get(h) ?? [];
      holders.set(h, list);
      list.push(i);
    }
  });
  const passed = new Map<string, number>();
  let next = 0;
  return now.map((p) => {
    let best = Infinity;
    for (const h of new Set(p.lines.split(' '))) {
      const list = holders.get(h);
      if (!list) continue;
      let c = passed.get(h) ?? 0;
      while (c < list.length && list[c]! < next) c++;
      passed.set(h, c);
      if (c < list.length) best = Math.min(best, list[c]!);
    }
    if (best === Infinity) return undefined;
    next = best + 1;
    return best;
  });
}

function pairUp(old: readonly ManifestParagraph[], now: readonly ManifestParagraph[]): Pairing {
  const out: Pairing = { news: now.map(() => ({ same: false })), deleted: [] };
  const pairs = [...alignment(old.map((p) => p.hash), now.map((p) => p.hash)), [old.length, now.length] as [number, number]];
  let [lastOld, lastNew] = [-1, -1];
  for (const [i, j] of pairs) {
    const olds = old.slice(lastOld + 1, i);
    const partners = pairGap(olds, now.slice(lastNew + 1, j));
    partners.forEach((k, n) => {
      if (k !== undefined) out.news[lastNew + 1 + n] = { old: olds[k]!, same: false };
    });
    const taken = new Set(partners);
    // A deleted block stood after the last new block before it (its partner, or the match before the gap).
    olds.forEach((o, k) => {
      if (taken.has(k)) return;
      const before = partners.reduce((at: number, p, n) => (p !== undefined && p < k ? lastNew + 1 + n : at), lastNew);
      out.deleted.push({ old: o, after: before });
    });
    if (j < now.length) out.news[j] = { old: old[i]!, same: true };
    [lastOld, lastNew] = [i, j];
  }
  return out;
}

/**
 * Text of the earlier proof deleted in this one: the page (as printed) it
 * stood on, the first characters of the first block deleted there, and how
 * many blocks were (a table's cells, paragraphs in a row).
 */
export interface Deletion {
  page: string;
  text: string;
  count: number;
}

export interface Changes {
  /** By page index: its changed lines (indexes into its textLines), where text was deleted, and whether it only moved. */
  pages: Map<number, PageChange>;
  /** Pages with changed lines or deletions. */
  changedPages: string[];
  movedPages: string[];
  deletions: Deletion[];
  changedParagraphs: number;
}

/** Where a deleted block is marked: under the last line of a block that remains before it, or above the first of the one after. */
interface DeletionPlace {
  key: string;
  side: 'after' | 'before';
  text: string;
}

/**
 * The block a deletion is marked at: the nearest that remains before it in
 * its file, not a float (a caption or a footnote may be printed elsewhere);
 * the nearest after it when none is before.
 */
function deletionPlace(keys: readonly string[], floats: readonly boolean[], after: number, text: string): DeletionPlace | undefined {
  for (let k = after; k >= 0; k--) if (!floats[k]) return { key: keys[k]!, side: 'after', text };
  for (let k = after + 1; k < keys.length; k++) if (!floats[k]) return { key: keys[k]!, side: 'before', text };
  return undefined;
}

/** A deletion's line on the page map: the last printed line of the block before it, or the first of the block after. */
function findLine(paged: PagedDocument, place: DeletionPlace): { page: number; line: number } | undefined {
  let found: { page: number; line: number; index: number } | undefined;
  paged.pages.forEach((page, p) => (page.textLines ?? []).forEach((l: TextLine, i) => {
    if (l.key !== place.key) return;
    const better = !found || (place.side === 'after' ? l.index >= found.index : l.index < found.index);
    if (better) found = { page: p, line: i, index: l.index };
  }));
  return found && { page: found.page, line: found.line };
}

/** What changed in `now` (this build's pages and manifest) since the `old` manifest. */
export function compareManifests(old: Manifest, now: Manifest, paged: PagedDocument): Changes {
  const printed = [...blocksOf(paged)];
  const byFile = (m: Manifest) => {
    const files = new Map<string, number[]>();
    m.paragraphs.forEach((p, i) => files.set(p.file, [...(files.get(p.file) ?? []), i]));
    return files;
  };
  const oldFiles = byFile(old);
  // Against the first format (paragraphs only), headings, captions and cells are compared with nothing: they are left out.
  const paragraphsOnly = old.format !== MANIFEST_FORMAT;
  const changedLines = new Map<string, Set<number>>();
  const places: DeletionPlace[] = [];
  const unplaced: Deletion[] = [];
  const files = byFile(now);
  for (const [file, all] of files) {
    const indexes = paragraphsOnly ? all.filter((i) => printed[i]![1].paragraph) : all;
    const blocks = indexes.map((i) => now.paragraphs[i]!);
    const pairing = pairUp((oldFiles.get(file) ?? []).map((i) => old.paragraphs[i]!), blocks);
    pairing.news.forEach((pair, k) => {
      if (pair.same) return;
      const p = blocks[k]!;
      const was = pair.old?.lines.split(' ') ?? [];
      changedLines.set(printed[indexes[k]!]![0], new Set(p.lines.split(' ').flatMap((h, i) => (was[i] === h ? [] : [i]))));
    });
    const keys = indexes.map((i) => printed[i]![0]);
    const floats = indexes.map((i) => printed[i]![1].floats);
    for (const d of pairing.deleted) {
      const place = deletionPlace(keys, floats, d.after, d.old.head ?? '');
      if (place) places.push(place);
      else unplaced.push({ page: '', text: d.old.head ?? '', count: 1 });
    }
  }
  // A file none of whose text is printed any more: each of its blocks was deleted.
  for (const [file, indexes] of oldFiles) if (!files.has(file)) unplaced.push({ page: '', text: old.paragraphs[indexes[0]!]!.head ?? '', count: indexes.length });
  const marks = new Map<number, { after: number[]; before: number[] }>();
  const deletions = new Map<string, Deletion>();
  for (const place of places) {
    const at = findLine(paged, place);
    if (!at) continue;
    const m = marks.get(at.page) ?? { after: [], before: [] };
    marks.set(at.page, m);
    const list = place.side === 'after' ? m.after : m.before;
    if (!list.includes(at.line)) list.push(at.line);
    // Blocks deleted at one place are one deletion, named by the first.
    const same = `${at.page}|${at.line}|${place.side}`;
    const d = deletions.get(same);
    if (d) d.count++;
    else deletions.set(same, { page: paged.pages[at.page]!.number, text: place.text, count: 1 });
  }
  const pages = new Map<number, PageChange>();
  const changedPages: string[] = [];
  const movedPages: string[] = [];
  paged.pages.forEach((page, index) => {
    const lines = (page.textLines ?? []).flatMap((l, i) => (changedLines.get(l.key)?.has(l.index) ? [i] : []));
    const deleted = marks.get(index);
    const changed = lines.length > 0 || deleted !== undefined;
    const moved = !changed && old.pages[index]?.hash !== now.pages[index]!.hash;
    if (changed) changedPages.push(page.number);
    if (moved) movedPages.push(page.number);
    if (changed || moved) pages.set(index, { changedLines: lines, moved, ...(deleted?.after.length ? { deletedAfter: deleted.after } : {}), ...(deleted?.before.length ? { deletedBefore: deleted.before } : {}) });
  });
  return { pages, changedPages, movedPages, deletions: [...deletions.values(), ...unplaced], changedParagraphs: changedLines.size };
}
