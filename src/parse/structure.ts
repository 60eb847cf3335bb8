/**
 * The outline of one part file: # part, ## chapter, ###/#### section, and
 * the entries (paragraphs that open with 【标题】) with the blocks that
 * follow them.
 */
import type { Heading, Paragraph as MdParagraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { normalizeText } from '../cjk/index.ts';
import { report } from '../diagnostics/index.ts';
import type { Block, Chapter, ChronicleItem, Entry, Part, PartKind, Section } from '../model/index.ts';
import { checkParagraph, toBlocks } from './blocks.ts';
import { checkAttributes } from './attributes.ts';
import { printedText, toInlines } from './inline.ts';
import { checkHeadingLength } from './limits.ts';
import { withoutRunInMarkup } from './run-in-markup.ts';
import type { ParseState } from './state.ts';

type Container = Chapter | Section;

interface Outline {
  part: Part;
  chapter?: Chapter;
  sections: Section[];
  entry?: Entry;
  entryTitles: Map<Container | Part, Map<string, number>>;
}

/** 【标题】, optionally followed by the editor's index flag {index} or {index=false}. */
const RUN_IN = /^【([^】]*)】(?:\{index(?:=(true|false))?\})?[ \u3000]*/;
/** `{index}` or `{index=false}` ending a heading: whether the index lists it, whatever book.yaml's rules say. */
/** Found from its brace, so a heading of many spaces is scanned once (test/regex-safety.test.ts); the spaces before it are trimmed. */
const INDEX_FLAG = /\{index(?:=(true|false))?\}[ \u3000]*$/;

/** The index flag of a run-in or heading match: true for {index}, false for {index=false}. */
function flagOf(match: RegExpExecArray | null, group: number): { index?: boolean } {
  if (!match || !match[0].includes('{index')) return {};
  return { index: match[group] !== 'false' };
}

function title(state: ParseState, node: Heading): { title: string; index?: boolean } {
  const found = titleAndFlag(printedText(state, node.children));
  checkHeadingLength(state.file, node, found.title);
  // A title with nothing to print (a bare #, a comment, invisible characters) has no line in the TOC or the running head.
  if (found.title === '') report(state.file, node, 'heading-empty', { level: '#'.repeat(node.depth) });
  return found;
}

function titleAndFlag(typed: string): { title: string; index?: boolean } {
  const raw = normalizeText(typed).text.trim();
  const m = INDEX_FLAG.exec(raw);
  return { title: m ? raw.slice(0, m.index).trimEnd() : raw, ...flagOf(m, 1) };
}
const DATE_RUN_IN = /^((?:\d{1,2}日(?:[—至-]\d{1,2}日)?)|同日|是月|月内|[上中下]旬)[ \u3000]+/;

function container(o: Outline): Container | undefined {
  return o.sections.at(-1) ?? o.chapter;
}

function addBlock(o: Outline, block: Block): void {
  if (block.type === 'credit') o.entry = undefined; // a credit line closes the entries above it
  if (o.entry) o.entry.blocks.push(block);
  else if (container(o)) container(o)!.children.push(block);
  else o.part.intro.push(block);
}

function heading(state: ParseState, o: Outline, node: Heading): void {
  o.entry = undefined;
  const { title: text, ...flag } = title(state, node);
  if (node.depth === 1) {
    report(state.file, node, 'part-heading-extra', { title: text });
    return;
  }
  let depth: number = node.depth;
  if (depth >= 3 && !o.chapter) depth = reportSkip(state, node, 2);
  if (depth === 4 && o.sections.length === 0 && o.chapter) depth = reportSkip(state, node, 3);
  if (depth > 4) {
    // Not a level skipped (##### after #### said there was no level-4 heading): a level the book does not have.
    report(state.file, node, 'heading-too-deep', { found: node.depth });
    depth = 4;
  }
  if (depth === 2) {
    o.chapter = { type: 'chapter', id: state.nextId('chapter'), title: text, ...flag, children: [], source: state.source(node) };
    o.sections = [];
    o.part.chapters.push(o.chapter);
    return;
  }
  const section: Section = { type: 'section', id: state.nextId('section'), level: depth as 3 | 4, title: text, ...flag, children: [], source: state.source(node) };
  while (o.sections.length > 0 && o.sections.at(-1)!.level >= section.level) o.sections.pop();
  (o.sections.at(-1) ?? o.chapter)!.children.push(section);
  o.sections.push(section);
}

function reportSkip(state: ParseState, node: Heading, expected: number): number {
  // The heading is read at the nearest level that fits, so the rest of the file still parses.
  report(state.file, node, 'heading-level-skipped', { found: node.depth, expected });
  return expected;
}

/** A paragraph that opens with 【标题】 starts an entry. */
function entry(state: ParseState, o: Outline, node: MdParagraph, first: Text, match: RegExpExecArray): void {
  const entryTitle = normalizeText(match[1]!).text.trim();
  if (entryTitle === '') report(state.file, node, 'entry-title-empty');
  const rest: PhrasingContent[] = [{ ...first, value: first.value.slice(match[0].length) }, ...node.children.slice(1)];
  const e: Entry = {
    type: 'entry', id: state.nextId('entry'), title: entryTitle, ...flagOf(match, 2), lead: toInlines(state, rest), blocks: [], source: state.source(node),
  };
  checkParagraph(state, node, e.lead);
  const owner: Container | Part = container(o) ?? o.part;
  if (!container(o) && o.part.kind === 'general') report(state.file, node, 'entry-outside-chapter', { title: entryTitle });
  checkDuplicate(state, o, owner, e);
  if (container(o)) container(o)!.children.push(e);
  else o.part.intro.push({ type: 'paragraph', children: [{ type: 'text', value: `【${entryTitle}】`, source: e.source }, ...e.lead], source: e.source });
  // Before the first chapter the entry is a paragraph of the intro, and what follows it goes there too: into
  // the entry, which is in no chapter, it was lost (a 大事记's 【概述】 and the paragraphs after it, no message).
  o.entry = container(o) ? e : undefined;
}

function checkDuplicate(state: ParseState, o: Outline, owner: Container | Part, e: Entry): void {
  const seen = o.entryTitles.get(owner) ?? new Map<string, number>();
  o.entryTitles.set(owner, seen);
  const line = e.source.position?.start.line ?? 0;
  const first = seen.get(e.title);
  if (first !== undefined) report(state.file, e.source.position, 'entry-title-duplicate', { title: e.title, line: first });
  else seen.set(e.title, line);
}

function chronicleItem(state: ParseState, node: MdParagraph, first: Text, match: RegExpExecArray): ChronicleItem {
  const rest: PhrasingContent[] = [{ ...first, value: first.value.slice(match[0].length) }, ...node.children.slice(1)];
  const children = toInlines(state, rest);
  checkParagraph(state, node, children);
  return { type: 'chronicleItem', date: match[1]!, children, source: state.source(node) };
}

/** Does `node` start an entry (【标题】) or, in a 大事记, a dated item (which goes into the entry before it, if any)? */
export function itemStart(node: MdParagraph, kind: PartKind): 'entry' | 'dated' | undefined {
  const first = (unmarked(node, kind) ?? node).children[0];
  if (first?.type !== 'text') return undefined;
  if (RUN_IN.test(first.value)) return 'entry';
  return kind === 'chronicle' && DATE_RUN_IN.test(first.value) ? 'dated' : undefined;
}

/** The paragraph with the bold or italics taken off its run-in (run-in-markup.ts), when it has one. */
const unmarked = (node: MdParagraph, kind: PartKind) =>
  withoutRunInMarkup(node, (text) => RUN_IN.test(text) || (kind === 'chronicle' && DATE_RUN_IN.test(text)));

function paragraph(state: ParseState, o: Outline, typed: MdParagraph): void {
  const plain = unmarked(typed, o.part.kind);
  if (plain) report(state.file, typed, 'run-in-markup');
  const node = plain ?? typed;
  const first = node.children[0];
  if (first?.type === 'text') {
    const run = RUN_IN.exec(first.value);
    if (run) return entry(state, o, node, first, run);
    const date = o.part.kind === 'chronicle' ? DATE_RUN_IN.exec(first.value) : null;
    if (date) return addBlock(o, chronicleItem(state, node, first, date));
  }
  for (const block of toBlocks(state, [node])) addBlock(o, block);
}

/** ::byline[姓名]{office="职务"}, ::subtitle[…], ::dateline[…] describe the article of the chapter. */
function articleInfo(state: ParseState, o: Outline, node: LeafDirective): void {
  if (!o.chapter) {
    report(state.file, node, 'directive-misplaced', { name: `::${node.name}`, where: '须放在文章标题（## 标题）之下' });
    return;
  }
  checkAttributes(state, node);
  const text = normalizeText(printedText(state, node.children as PhrasingContent[])).text.trim();
  const info = (o.chapter.article ??= {});
  if (node.name === 'byline') {
    info.author = text;
    if (node.attributes?.office) info.office = normalizeText(node.attributes.office).text;
  } else if (node.name === 'subtitle') info.subtitle = text;
  else info.dateline = text;
}

const ARTICLE_DIRECTIVES = new Set(['byline', 'subtitle', 'dateline']);

/** Builds the part of one file from its root children (after the `# title`). */
export function readPart(state: ParseState, kind: PartKind, titleNode: Heading, nodes: readonly RootContent[]): Part {
  const part: Part = {
    type: 'part', id: state.nextId('part'), ...title(state, titleNode), kind, intro: [], chapters: [], source: state.source(titleNode),
  };
  const o: Outline = { part, sections: [], entryTitles: new Map() };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') heading(state, o, node);
    else if (node.type === 'paragraph') paragraph(state, o, node);
    else if (node.type === 'leafDirective' && ARTICLE_DIRECTIVES.has(node.name)) articleInfo(state, o, node);
    else if (node.type === 'leafDirective' && node.name === 'caption' && nodes[i + 1]?.type === 'table') {
      for (const block of toBlocks(state, [node, nodes[i + 1]!])) addBlock(o, block);
      i++;
    } else for (const block of toBlocks(state, [node])) addBlock(o, block);
  }
  if (part.chapters.length === 0 && part.intro.length === 0) report(state.file, titleNode, 'part-empty', { title: part.title });
  return part;
}
