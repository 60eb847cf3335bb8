/**
 * Manuscript files → the typed book. unified + remark (GFM tables and
 * footnotes, directives, YAML front matter: syntax.ts) parse each file; handlers turn mdast into the model.
 * Every problem is a message on its file; nothing here reads the disk.
 */
import type { Heading, Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ConfigMemo, loadBook, readYaml } from '../config/index.ts';
import { report, type VFile, type VFileMessage } from '../diagnostics/index.ts';
import { type Block, type Book, type FrontSection, noteRefsIn, type Part, PART_KINDS, type PartKind } from '../model/index.ts';
import { SessionCache } from '../units/index.ts';
import { normalizeText } from '../cjk/index.ts';
import { asParagraphs, toBlocks } from './blocks.ts';
import { opensComment, printedText } from './inline.ts';
import { expandCommentedText } from './comments.ts';
import { expandHtml } from './html.ts';
import { setextAsText } from './setext.ts';
import { expandIndented } from './indented.ts';
import { checkBounds, checkHeadingLength, composeMarks, dropNulls } from './limits.ts';
import { createState, type AssetLookup, type ParseState } from './state.ts';
import { resolveImageReferences } from './image-references.ts';
import { collectFootnotes, numberNotes } from './notes.ts';
import { readPart } from './structure.ts';
import { mayHoldFootnote, mayHoldTable, yearbookGfm } from './syntax.ts';
import { addStats, countBook, type BookStats } from './stats.ts';

export type { AssetLookup, AssetStatus } from './state.ts';
export type { BookStats } from './stats.ts';
export { countBook } from './stats.ts';
export { type SpanCell, type SpannedTable, spannedTable } from './span-grid.ts';

/** remark with the yearbook's syntax (syntax.ts), less GFM tables or footnotes where a text cannot hold one: the same tree, parsed sooner. */
const processorWith = (tables: boolean, footnotes: boolean) =>
  unified().use(remarkParse).use(remarkCjkFriendly).use(yearbookGfm, { tables, footnotes }).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
const processors = {
  plain: processorWith(false, false), tables: processorWith(true, false), notes: processorWith(false, true), 'tables+notes': processorWith(true, true),
};
/**
 * The syntax a text is parsed with: GFM tables and footnotes only where it
 * may hold one (a tree kept between builds is named by it). Without tables
 * the sample parsed in 30 ms less (0.43 → 0.40 s of CPU); without footnotes,
 * which it has none of, micromark takes 0.95 of its time again.
 */
const syntaxOf = (text: string): keyof typeof processors => {
  const tables = mayHoldTable(text);
  if (!mayHoldFootnote(text)) return tables ? 'tables' : 'plain';
  return tables ? 'tables+notes' : 'notes';
};
const processorFor = (text: string) => processors[syntaxOf(text)];

/** A file's tree as the parser gives it: from the trees of earlier builds when its text is the same. */
function markdownTree(file: VFile, trees: TreeStore | undefined): Root {
  const text = String(file.value);
  const syntax = syntaxOf(text);
  const kept = trees?.get(file.path, text, syntax);
  if (kept) return kept;
  const tree = processorFor(text).parse(file) as Root;
  trees?.set(file.path, text, syntax, tree);
  return tree;
}

export interface ManuscriptFiles {
  /** book.yaml, or undefined when it is missing (io reports that). */
  book: VFile | undefined;
  /** front/*.md, in file-name order. */
  front: VFile[];
  /** The part files (*.md at the top), in file-name order. */
  parts: VFile[];
  assets: AssetLookup;
  /** Trees parsed by earlier builds (io/tree-cache.ts). */
  trees?: TreeStore;
}

/** Markdown trees kept between builds: the tree of a file's text as parsed with a syntax ('tables' or 'plain'), or undefined. */
export interface TreeStore {
  get(path: string, text: string, syntax: string): Root | undefined;
  set(path: string, text: string, syntax: string, tree: Root): void;
}

export interface ParseResult {
  /** Undefined when book.yaml is unusable: the messages say why. */
  book: Book | undefined;
  stats: BookStats;
}

function frontMatterKind(file: VFile, tree: Root, allowed: readonly string[], fallback: string): string {
  const yaml = tree.children.find((n) => n.type === 'yaml');
  if (!yaml || yaml.type !== 'yaml') return fallback;
  // The YAML starts on the line after the opening ---: its messages are placed from there.
  const data = readYaml(file, yaml.value, { line: (yaml.position?.start.line ?? 1) + 1, label: `${file.basename} 的文件头（front matter）` });
  if (data === undefined) return fallback;
  const kind = (data.value as { kind?: unknown } | null)?.kind;
  if (kind === undefined) return fallback;
  if (typeof kind === 'string' && allowed.includes(kind)) return kind;
  report(file, data.placeOf(['kind']), 'part-kind-unknown', { kind: String(kind), expected: allowed.join('、') });
  return fallback;
}

/** The `# title` heading and the content after it. */
function splitTitle(file: VFile, tree: Root): { title: Heading | undefined; rest: RootContent[] } {
  const content = tree.children.filter((n) => n.type !== 'yaml');
  const first = content.find((n) => !(n.type === 'html' && opensComment(n.value)));
  if (first?.type === 'heading' && first.depth === 1) return { title: first, rest: content.slice(content.indexOf(first) + 1) };
  report(file, first ?? tree, 'part-heading-missing');
  return { title: undefined, rest: content };
}

const reparse = (text: string) => processorFor(text).parse(text) as Root;

/**
 * The file's tree, text indented as Word pastes it read again in place; or
 * undefined when it nests too deep or holds too big a table to parse (reported).
 */
function parseTree(file: VFile, trees: TreeStore | undefined): Root | undefined {
  dropNulls(file);
  composeMarks(file);
  if (!checkBounds(file)) return undefined;
  const tree = markdownTree(file, trees);
  return { ...tree, children: resolveImageReferences(expandHtml(file, expandCommentedText(setextAsText(file, expandIndented(file, tree.children, reparse)), reparse))) };
}

function parsePart(file: VFile, assets: AssetLookup, index: number, trees?: TreeStore): Part | undefined {
  const tree = parseTree(file, trees);
  if (!tree) return undefined;
  const kind = frontMatterKind(file, tree, PART_KINDS, 'general') as PartKind;
  const { title, rest } = splitTitle(file, tree);
  if (!title) return undefined;
  const state = createState(file, assets, `p${index + 1}`);
  collectFootnotes(state, tree, kind);
  const part = readPart(state, kind, title, rest);
  // A note reference is made only for a footnote used (inline.ts): a file that uses none has none to number or find.
  return state.usedNotes.size > 0 ? numberNotes(part) : part;
}

function parseFront(file: VFile, assets: AssetLookup, index: number, trees?: TreeStore): FrontSection | undefined {
  const tree = parseTree(file, trees);
  if (!tree) return undefined;
  const kind = frontMatterKind(file, tree, ['text', 'galleries'], 'text') as FrontSection['kind'];
  const { title, rest } = splitTitle(file, tree);
  if (!title) return undefined;
  const state = createState(file, assets, `f${index + 1}`);
  collectFootnotes(state, tree);
  // As a part's title: its words in emphasis too, an editor's comment not, and an empty one an error (it stopped the layout).
  const titleText = normalizeText(printedText(state, title.children)).text.trim();
  checkHeadingLength(file, title, titleText);
  if (titleText === '') report(file, title, 'heading-empty', { level: '#' });
  const blocks = frontBlocks(state, kind, toBlocks(state, rest));
  // Notes are set at the foot of body columns only: one in 编辑说明 would print neither its mark nor its text.
  if (state.usedNotes.size > 0) for (const ref of noteRefsIn(blocks)) report(file, ref.source.position, 'footnote-in-front', {});
  return { type: 'front', id: state.nextId('front'), title: titleText, kind, blocks, source: state.source(title) };
}

const FRONT_BLOCK_NAMES: Partial<Record<Block['type'], string>> = { figure: '单张图片（图片请放入 :::gallery 图片组，置于彩页）', gallery: '图片组（图片组请放在 kind: galleries 的彩页文件中）', table: '表格' };

/**
 * The front matter's pages set paragraphs (text pages) or galleries (彩页):
 * lists, credits and name lists on a text page are set as paragraphs, and
 * whatever the page cannot set is an error at its line, not a block that is
 * in the EPUB but missing from the PDF.
 */
function frontBlocks(state: ParseState, kind: FrontSection['kind'], blocks: Block[]): Block[] {
  if (kind === 'galleries') {
    for (const b of blocks) if (b.type !== 'gallery') report(state.file, b.source.position, 'front-block-unsupported', { what: '文字（彩页只排图片组 :::gallery）' });
    return blocks.filter((b) => b.type === 'gallery');
  }
  return asParagraphs(blocks, (b) => report(state.file, b.source.position, 'front-block-unsupported', { what: FRONT_BLOCK_NAMES[b.type] ?? b.type }));
}

interface ParsedFile {
  node: Part | FrontSection | undefined;
  /** Its counts: a watch counts only the file it parses again (the whole book took 15 ms of a rebuild). */
  stats: BookStats;
  messages: VFileMessage[];
  /** The images the file looked up, with what it found: a changed image parses the file again. */
  lookups: Array<[string, string]>;
}

/**
 * Parsed files kept by a watch session: a file whose place in the book, text
 * and images are what they were is not parsed again, and its messages are
 * given to this build's file as they were found.
 */
export class ParseCache {
  readonly files = new SessionCache<ParsedFile>();
  /** book.yaml, and the template the pipeline reads. */
  readonly config = new ConfigMemo();
}

function parseCached<T extends Part | FrontSection>(
  cache: ParseCache | undefined, kind: 'part' | 'front', file: VFile, { assets, trees }: ManuscriptFiles, index: number,
  parse: (f: VFile, a: AssetLookup, i: number, t?: TreeStore) => T | undefined,
): { node: T | undefined; stats: BookStats } {
  const counted = (node: T | undefined) => ({ node, stats: statsOf(node) });
  if (!cache) return counted(parse(file, assets, index, trees));
  let parsedNow = false;
  const entry = cache.files.get(JSON.stringify([kind, index, file.path, String(file.value)]), () => {
    parsedNow = true;
    const lookups: Array<[string, string]> = [];
    const recording: AssetLookup = (src) => {
      const found = assets(src);
      lookups.push([src, JSON.stringify(found)]);
      return found;
    };
    const before = file.messages.length;
    const node = parse(file, recording, index, trees);
    return { ...counted(node), messages: file.messages.slice(before), lookups };
  }, (kept) => kept.lookups.every(([src, found]) => JSON.stringify(assets(src)) === found));
  if (!parsedNow) file.messages.push(...entry.messages);
  return { node: entry.node as T | undefined, stats: entry.stats };
}

const statsOf = (node: Part | FrontSection | undefined): BookStats =>
  countBook({ front: node?.type === 'front' ? [node] : [], parts: node?.type === 'part' ? [node] : [] });

const present = <T>(n: T | undefined): n is T => n !== undefined;

/** Parses the whole manuscript; a watch session passes its cache. */
export function parseManuscript(files: ManuscriptFiles, cache?: ParseCache): ParseResult {
  cache?.files.startBuild();
  const settings = files.book ? (cache ? cache.config.load('book', files.book, loadBook) : loadBook(files.book)) : undefined;
  const front = files.front.map((f, i) => parseCached(cache, 'front', f, files, i, parseFront));
  const parts = files.parts.map((f, i) => parseCached(cache, 'part', f, files, i, parsePart));
  const book = settings ? { settings, front: front.map((f) => f.node).filter(present), parts: parts.map((p) => p.node).filter(present) } : undefined;
  return { book, stats: addStats([...front, ...parts].map((f) => f.stats)) };
}
