/**
 * The subject index (索引) as data: the headings book.yaml's `index:` rules
 * and the manuscript's {index} flags choose, every marked index term, one
 * entry per heading with its locators merged, sorted by R-IDX and grouped
 * under letters (R-IDX-1..8). A title that recurs under several units
 * (概况, 参政议政) is named with its unit, as printed yearbooks do.
 */
import { compareIndexKeys, type IndexKey, indexKey, indexKeys, type ReadingDictionary, singleCharacterGuesses, withReadings } from '../cjk/index.ts';
import type { IndexRules } from '../config/index.ts';
import type { Block, Book, Chapter, Entry, Inline, Part, Section, Source } from '../model/index.ts';
import { walkBook } from '../model/index.ts';
import type { HeadingReading, IndexKeyMemo } from './index-keys-memo.ts';

/** One printed page number of an entry and the anchor its link goes to. */
export interface Locator {
  page: number;
  anchor: string;
}

export interface IndexEntry {
  heading: string;
  key: IndexKey;
  /** Page numbers in ascending order. */
  pages: number[];
  /** One per page number: where its link goes. */
  locators: Locator[];
  /** The anchors this entry points at. */
  anchors: string[];
  /** A recurring title named with its unit: the parts, for the two-level style. */
  generic?: { title: string; unit: string };
  /** Where the heading first stands in the manuscript. */
  source?: Source;
  /** Two-level style: the units under a recurring title (概况 → 区人大常委会 94, 区政协 106). */
  subentries?: IndexEntry[];
  /** Polyphonic characters pinyin-pro read on their own (no word, no editor's reading): for the editor to check. */
  guesses?: Array<{ char: string; reading: string }>;
}

export interface IndexGroup {
  /** 'A'…'Z', or '' for the headings that start with a digit (before A, no letter, R-IDX-4). */
  letter: string;
  entries: IndexEntry[];
}

/** Where an anchor is printed: the body pages its text stands on, each with the anchor that marks it. */
export type PagesOf = (anchorId: string) => Locator[];

export interface Occurrence {
  heading: string;
  reading?: string;
  anchor: string;
  /** The unit (chapter, section or part title) the heading stands under; none for unit headings and terms. */
  unit?: string;
  source?: Source;
  generic?: { title: string; unit: string };
}

/** The defaults of book.yaml's `index:`, for books parsed without them. */
const NO_RULES: IndexRules = {
  levels: ['part', 'chapter', 'section', 'entry'], part_kinds: ['general', 'people'], exclude: [], exclude_patterns: [],
  generic: { from_units: 3, form: '{unit}{title}', titles: [], unit_names: {} },
};

function termsIn(inlines: readonly Inline[], out: Occurrence[]): void {
  for (const n of inlines) {
    if (n.type === 'indexTerm') out.push({ heading: n.term, anchor: n.id, source: n.source, ...(n.reading ? { reading: n.reading } : {}) });
    else if (n.type === 'emphasis' || n.type === 'strong') termsIn(n.children, out);
  }
}

/** Reads the rules once: which titles are left out, which levels count. */
function ruleBook(rules: IndexRules) {
  const exclude = new Set(rules.exclude);
  const patterns = rules.exclude_patterns.map((p) => new RegExp(p, 'u'));
  const excluded = (title: string) => exclude.has(title) || patterns.some((p) => p.test(title));
  return {
    excluded,
    /** A heading stands for a unit (and names the entries under it) unless it is a generic sub-head. */
    isUnit: (title: string) => !excluded(title),
    heading: (node: Part | Chapter | Section, level: 'part' | 'chapter' | 'section', kind: Part['kind']) =>
      node.index ?? (rules.levels.includes(level) && rules.part_kinds.includes(kind) && !excluded(node.title)),
    entry: (node: Entry) => node.index ?? (rules.levels.includes('entry') && !excluded(node.title)),
  };
}

/** Every heading the index lists, with its anchor and unit, in reading order (titles not yet qualified). */
export function indexOccurrences(book: Book, rules: IndexRules = book.settings.index ?? NO_RULES): Occurrence[] {
  const r = ruleBook(rules);
  const out: Occurrence[] = [];
  const place = (node: Part | Chapter | Section | Entry, unit?: string) =>
    out.push({ heading: node.title, anchor: node.id, source: node.source, ...(unit ? { unit } : {}) });
  const children = (items: ReadonlyArray<Section | Entry | Block>, unit: string, kind: Part['kind']): void => {
    for (const item of items) {
      if (item.type === 'section') {
        if (r.heading(item, 'section', kind)) place(item);
        children(item.children, r.isUnit(item.title) ? item.title : unit, kind);
      } else if (item.type === 'entry') {
        if (r.entry(item)) place(item, unit);
        termsIn(item.lead, out);
        blockTerms(item.blocks, out);
      } else blockTerms([item], out);
    }
  };
  for (const p of book.parts) {
    if (r.heading(p, 'part', p.kind)) place(p);
    blockTerms(p.intro, out);
    for (const c of p.chapters) {
      if (r.heading(c, 'chapter', p.kind)) place(c);
      children(c.children, r.isUnit(c.title) ? c.title : p.title, p.kind);
    }
  }
  return out;
}

/** Index terms marked in body blocks (tables and photo pages have no place in the index, R-IDX). */
function blockTerms(blocks: readonly Block[], out: Occurrence[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'chronicleItem') termsIn(b.children, out);
    else if (b.type === 'list') for (const item of b.items) for (const p of item) termsIn(p.children, out);
  }
}

/**
 * Names a recurring title with its unit: one that stands under `from_units`
 * units or more, or that book.yaml lists as generic, in book.yaml's form.
 */
export function qualifyGeneric(occurrences: readonly Occurrence[], rules: IndexRules = NO_RULES): Occurrence[] {
  const units = new Map<string, Set<string>>();
  for (const o of occurrences) if (o.unit) (units.get(o.heading) ?? units.set(o.heading, new Set()).get(o.heading)!).add(o.unit);
  const always = new Set(rules.generic.titles);
  return occurrences.map((o) => {
    if (!o.unit || (!always.has(o.heading) && (units.get(o.heading)?.size ?? 0) < rules.generic.from_units)) return o;
    const unit = rules.generic.unit_names[o.unit] ?? o.unit;
    const heading = rules.generic.form.replace('{unit}', unit).replace('{title}', o.heading);
    return { ...o, heading, generic: { title: o.heading, unit } };
  });
}

/** Every index term marked anywhere in the book (front matter, tables and photo pages too), with its place. */
function allMarkedTerms(book: Book): Array<{ term: string; id: string; source: Source }> {
  const out: Array<{ term: string; id: string; source: Source }> = [];
  const visit = (inlines: readonly Inline[] | undefined) => {
    for (const n of inlines ?? []) {
      if (n.type === 'indexTerm') out.push({ term: n.term, id: n.id, source: n.source });
      else if (n.type === 'emphasis' || n.type === 'strong') visit(n.children);
    }
  };
  walkBook(book, (node) => {
    switch (node.type) {
      case 'entry': visit(node.lead); break;
      case 'paragraph': case 'chronicleItem': visit(node.children); break;
      case 'list': for (const item of node.items) for (const p of item) visit(p.children); break;
      case 'table': visit(node.caption); for (const cell of [...node.head.map((c) => c.content), ...node.rows.flat()]) visit(cell); break;
    }
  });
  return out;
}

/**
 * Marked terms the index cannot give a page: marked in the front matter, on
 * photo pages or in a table, or never printed. The report lists them; the
 * index leaves them out rather than print a heading without a locator.
 */
export function unplacedIndexTerms(book: Book, pagesOf: PagesOf): Array<{ term: string; source: Source }> {
  return allMarkedTerms(book).filter((t) => pagesOf(t.id).length === 0).map(({ term, source }) => ({ term, source }));
}

export interface IndexOptions {
  /** The editor's readings (book.yaml index_readings) over the project dictionary. */
  readings?: ReadingDictionary;
  rules?: IndexRules;
  /** A watch session's headings already read (index-keys-memo.ts). */
  memo?: IndexKeyMemo;
}

/** Builds the index from the book's own rules (book.yaml `index:`), or those given: headings with no page are left out. */
export function buildIndex(book: Book, pagesOf: PagesOf, options: IndexOptions = {}): IndexGroup[] {
  return grouped(indexEntries(book, pagesOf, options).filter((e) => e.locators.length > 0));
}

/**
 * Every heading the index would list, sorted, with its key (reading and
 * letter): what `nianjian index` shows an editor before any page exists.
 */
export function indexHeadings(book: Book, options: IndexOptions = {}): IndexEntry[] {
  return indexEntries(book, () => [], options);
}

function indexEntries(book: Book, pagesOf: PagesOf, options: IndexOptions): IndexEntry[] {
  const rules = options.rules ?? book.settings.index ?? NO_RULES;
  const readings = options.readings ?? { words: book.settings.index_readings ?? {} };
  const byHeading = new Map<string, IndexEntry & { reading?: string }>();
  for (const o of qualifyGeneric(indexOccurrences(book, rules), rules)) {
    const heading = o.heading.trim();
    let entry = byHeading.get(heading);
    if (!entry) {
      entry = {
        heading, key: NO_KEY, pages: [], locators: [], anchors: [], ...(o.reading ? { reading: o.reading } : {}),
        ...(o.generic ? { generic: o.generic } : {}), ...(o.source ? { source: o.source } : {}),
      };
      byHeading.set(heading, entry);
    }
    entry.anchors.push(o.anchor);
    entry.locators.push(...pagesOf(o.anchor));
  }
  const all = [...byHeading.values()];
  const explicit = (e: { heading: string; reading?: string }) => readings.words[e.heading] ?? e.reading;
  // Keys and guesses under one custom dictionary: pinyin-pro builds its matcher again each time one is set.
  const read = (items: ReadonlyArray<{ heading: string; reading?: string }>): HeadingReading[] =>
    withReadings(readings, () => items.map((e) => ({ key: indexKey(e.heading, e.reading), guesses: e.reading === undefined ? singleCharacterGuesses(e.heading) : [] })));
  const items = all.map((e) => ({ heading: e.heading, reading: explicit(e) }));
  const found = options.memo ? options.memo.read(items, readings, read) : read(items);
  return all
    .map(({ reading: _, ...e }, i): IndexEntry => withPages({ ...e, key: found[i]!.key, ...(found[i]!.guesses.length ? { guesses: found[i]!.guesses } : {}) }))
    .sort((a, b) => compareIndexKeys(a.key, b.key) || (a.heading < b.heading ? -1 : a.heading > b.heading ? 1 : 0));
}

/**
 * The two-level style (R-IDX-7): a recurring title named with its units
 * becomes one main heading, sorted as the bare title, with its units under
 * it in index order, each with its own page numbers.
 */
export function twoLevelIndex(groups: readonly IndexGroup[], readings: ReadingDictionary = { words: {} }): IndexGroup[] {
  const entries = groups.flatMap((g) => g.entries);
  const byTitle = new Map<string, IndexEntry[]>();
  for (const e of entries) if (e.generic) (byTitle.get(e.generic.title) ?? byTitle.set(e.generic.title, []).get(e.generic.title)!).push(e);
  const titles = [...byTitle.keys()];
  const titleKeys = indexKeys(titles.map((heading) => ({ heading })), readings);
  const mains = titles.map((title, i): IndexEntry => {
    const units = byTitle.get(title)!;
    const unitKeys = indexKeys(units.map((u) => ({ heading: u.generic!.unit })), readings);
    const subentries = units.map((u, j) => ({ ...u, heading: u.generic!.unit, key: unitKeys[j]! }))
      .sort((a, b) => compareIndexKeys(a.key, b.key));
    return { heading: title, key: titleKeys[i]!, pages: [], locators: [], anchors: units.flatMap((u) => u.anchors), subentries };
  });
  const merged = [...entries.filter((e) => !e.generic), ...mains]
    .sort((a, b) => compareIndexKeys(a.key, b.key) || (a.heading < b.heading ? -1 : a.heading > b.heading ? 1 : 0));
  return grouped(merged);
}

function grouped(entries: readonly IndexEntry[]): IndexGroup[] {
  const groups: IndexGroup[] = [];
  for (const e of entries) {
    if (groups.at(-1)?.letter !== e.key.group) groups.push({ letter: e.key.group, entries: [] });
    groups.at(-1)!.entries.push(e);
  }
  return groups;
}

const NO_KEY: IndexKey = { leadingNumber: -1, units: [], group: '' };

/** One locator per page, the first anchor on it, in page order. */
function withPages(e: IndexEntry): IndexEntry {
  const first = new Map<number, Locator>();
  for (const l of e.locators) if (!first.has(l.page)) first.set(l.page, l);
  const locators = [...first.values()].sort((a, b) => a.page - b.page);
  return { ...e, locators, pages: locators.map((l) => l.page) };
}

/** One printed piece of a locator list: a page number (with its page) or a separator. */
export interface LocatorPart {
  text: string;
  page?: number;
}

/** R-IDX-5/6: "94、173"; three or more consecutive pages as a range "45—48"; each number a part of its own, to link. */
export function locatorParts(pages: readonly number[]): LocatorPart[] {
  const parts: LocatorPart[] = [];
  const sep = (text: string) => parts.length > 0 && parts.push({ text });
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    if (j - i >= 2) {
      sep('、');
      parts.push({ text: String(pages[i]), page: pages[i]! }, { text: '—' }, { text: String(pages[j]), page: pages[j]! });
    } else for (let k = i; k <= j; k++) {
      sep('、');
      parts.push({ text: String(pages[k]), page: pages[k]! });
    }
    i = j + 1;
  }
  return parts;
}

/** R-IDX-5/6: the locators as one string, "3、4、9—11、20". */
export function formatLocators(pages: readonly number[]): string {
  return locatorParts(pages).map((p) => p.text).join('');
}
