/**
 * Reads the lines of one part of the seed into blocks, by the part's kind.
 */
import { fixOcr, stripMarkup } from './clean-text.ts';
import {
  type Block, BlockBuilder, CREDIT_LINE, isPhotoCredit, readCaption, splitEntries, splitTrailingCredit,
} from './blocks.ts';
import { ARTICLES, HEADING_FIXES, type PartSpec, MOVED_FRAGMENTS } from './parts.ts';
import { readTables } from './read-tables.ts';

export interface SeedLine {
  /** 1-based line number in the seed. */
  n: number;
  text: string;
}

const noSpace = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Drops the part title (it may be split over lines, 专 / 文) from the top. */
function skipPartTitle(lines: SeedLine[], title: string): SeedLine[] {
  const want = noSpace(fixOcr(title));
  let acc = '';
  let i = 0;
  while (i < lines.length && want.startsWith(acc + noSpace(fixOcr(lines[i]!.text))) && acc !== want) {
    acc += noSpace(fixOcr(lines[i]!.text));
    i++;
  }
  if (acc !== want) throw new Error(`part title not found: ${title} (got "${acc}")`);
  return lines.slice(i);
}

function isChapterHeading(text: string, spec: PartSpec): boolean {
  if (spec.notHeadings?.includes(text)) return false;
  if (text.length > 30 || /[,，。；;:：\d]/.test(text)) return false;
  if (/^[【(（]/.test(text) || /提供|摄/.test(text)) return false;
  return /[\u4e00-\u9fff]/.test(text);
}

const ARTICLE_SUBHEAD = /^\d{4}\s*年.*(工作回顾|主要工作|工作任务|工作安排)$|^主要名词解释$/;
const NUMBERED_HEAD = /^[一二三四五六七八九十]+、[^。]{2,60}$/;
const DATE_RUN_IN = /^(\d{1,2}\s*日(?:\s*[—至-]\s*\d{1,2}\s*日)?|同日|是月|月内|[上中下]旬)\s*/;
const MONTH_HEADING = /^(1[0-2]|[1-9])\s*月$/;

/** Shared handling of one text line: photo, credit or body text. */
function readTextLine(b: BlockBuilder, line: SeedLine, next: SeedLine | undefined, state: { awaiting?: string; skipNext?: boolean }): void {
  const text = line.text;
  const credit = CREDIT_LINE.exec(text);
  if (credit) {
    b.credit(credit[1]!.trim());
    return;
  }
  const caption = readCaption(text, next?.text);
  if (caption === 'needs-credit') {
    const c = CREDIT_LINE.exec(next!.text.trim())!;
    b.figure(text, c[1]!.trim(), line.n);
    state.skipNext = true;
    return;
  }
  if (caption) {
    b.figure(caption.caption, caption.credit, line.n);
    return;
  }
  const continues = MOVED_FRAGMENTS[text];
  if (continues !== undefined) {
    b.appendToParagraphEndingWith(continues, text);
    return;
  }
  const trailing = splitTrailingCredit(text);
  const body = trailing ? trailing[0] : text;
  splitEntries(body).forEach((seg, i) => b.text(seg, i > 0 || seg.startsWith('【')));
  if (trailing) b.credit(trailing[1]);
}

function walk(lines: SeedLine[], b: BlockBuilder, onLine: (line: SeedLine, next: SeedLine | undefined) => boolean): void {
  const state: { skipNext?: boolean } = {};
  for (let i = 0; i < lines.length; i++) {
    if (state.skipNext) {
      state.skipNext = false;
      continue;
    }
    const line = lines[i]!;
    const next = lines[i + 1];
    if (onLine(line, next)) continue;
    readTextLine(b, line, next, state);
  }
  b.closeParagraph();
}

/**
 * A chapter heading is followed by a run-in entry or by another heading; a
 * short line followed by body text is a paragraph cut at a break, and one
 * followed by a photo credit is a caption.
 */
function opensChapter(t: string, next: SeedLine | undefined, spec: PartSpec): boolean {
  if (spec.sections?.includes(t) || spec.subsections?.includes(t)) return true;
  if (!isChapterHeading(t, spec) || next === undefined) return false;
  return next.text.startsWith('【') || isChapterHeading(next.text, spec);
}

function readGeneral(lines: SeedLine[], spec: PartSpec, b: BlockBuilder): void {
  if (spec.openingChapter) b.heading(2, spec.openingChapter);
  walk(lines, b, (line, next) => {
    const t = line.text;
    if (!opensChapter(t, next, spec)) return false;
    const level = spec.subsections?.includes(t) ? 3 : 2;
    b.heading(level, HEADING_FIXES[t] ?? t);
    return true;
  });
}

function readArticles(lines: SeedLine[], b: BlockBuilder): void {
  let hasSubheads = false;
  const headerLines = new Set(ARTICLES.flatMap((a) => a.headerLines.map(noSpace)));
  walk(lines, b, (line) => {
    const flat = noSpace(line.text);
    const article = ARTICLES.find((a) => noSpace(a.seedTitle) === flat);
    if (article) {
      hasSubheads = false;
      b.heading(2, article.title);
      if (article.subtitle) b.push({ t: 'subtitle', text: article.subtitle });
      if (article.dateline) b.push({ t: 'dateline', text: article.dateline });
      b.push({ t: 'byline', office: article.office, name: article.name });
      return true;
    }
    if (headerLines.has(flat)) return true;
    if (ARTICLE_SUBHEAD.test(line.text)) {
      hasSubheads = true;
      b.heading(3, line.text);
      return true;
    }
    if (NUMBERED_HEAD.test(line.text) && !/[；;]/.test(line.text)) {
      b.heading(hasSubheads ? 4 : 3, line.text);
      return true;
    }
    return false;
  });
}

function readChronicle(lines: SeedLine[], b: BlockBuilder): void {
  walk(lines, b, (line) => {
    if (MONTH_HEADING.test(line.text)) {
      b.heading(2, line.text.replace(/\s/g, ''));
      return true;
    }
    const date = DATE_RUN_IN.exec(line.text);
    if (!date) return false;
    const token = date[1]!.replace(/\s/g, '');
    b.text(`${token}\u3000${line.text.slice(date[0].length)}`, true);
    return true;
  });
}

const PEOPLE_HEADINGS = [
  '现役荣获个人二等功以上奖励现役军人名录', '现岗政府特贴专家', '区属现岗正高级职称名单', '博士后人员名单',
  '荣获二等功以上奖励的退役军人和获得省部级、战区级或者二级以上表彰的退役军人事迹补遗',
];
const NAME_LIST_HEADINGS = new Set(['现岗政府特贴专家', '区属现岗正高级职称名单', '博士后人员名单']);

/** Two-character names are printed spaced to three (丁　倩); single characters pair up again. */
export function splitNames(line: string): string[] {
  // A note in parentheses closes a name (李奇(女)王树青(女) has no separator in the seed)
  // and belongs to the name before it (季学欣 (女)).
  const tokens = line
    .replace(/([)）])(?=[\u4e00-\u9fff])/g, '$1 ')
    .replace(/\s+(?=[(（])/g, '')
    .split(/[、\s]+/)
    .filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    const isSingle = (x: string | undefined) => x !== undefined && ([...x].length === 1 || /^[\u4e00-\u9fff][(（][^)）]*[)）]$/.test(x));
    if ([...t].length === 1 && isSingle(n)) {
      names.push(t + n);
      i++;
    } else names.push(t);
  }
  return names.map((n) => n.replace(/\(/g, '（').replace(/\)/g, '）'));
}

const PERSON = /^[\u4e00-\u9fff]{2,4}(\([^)]*\))?$/;

/**
 * An award list line: its spaces separate honourees. A list of people pairs
 * each name with its unit (王保文(融媒) 天津光电……负责人); a list of units has
 * one unit per item. Each honouree gets a line of its own, as printed.
 */
export function splitHonourees(line: string): string[] {
  const tokens = line.split(/(?<=[^\sA-Za-z0-9]) +(?=[^\sA-Za-z0-9])/).filter(Boolean);
  if (!PERSON.test(tokens[0] ?? '')) return tokens;
  const items: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) items.push(tokens.slice(i, i + 2).join('\u3000'));
  return items;
}

function readPeople(lines: SeedLine[], b: BlockBuilder): void {
  let inNameList = false;
  walk(lines, b, (line) => {
    const flat = noSpace(fixOcr(line.text));
    if (PEOPLE_HEADINGS.includes(flat) || (/^\d{4}\s*年/.test(line.text) && line.text.length <= 40 && !/[。，,]/.test(line.text))) {
      b.heading(2, flat);
      inNameList = NAME_LIST_HEADINGS.has(flat);
      return true;
    }
    if (inNameList) {
      b.push({ t: 'names', names: splitNames(fixOcr(line.text)) });
      return true;
    }
    if (!/[。，,]/.test(line.text)) {
      for (const item of splitHonourees(line.text)) b.push({ t: 'p', raw: item });
      return true;
    }
    return false;
  });
}

function readStatistics(lines: SeedLine[], spec: PartSpec, b: BlockBuilder): void {
  let label = '';
  walk(lines, b, (line) => {
    const t = line.text;
    if (/^\d{4}\s*年.*统计公报$/.test(t)) b.heading(2, t);
    else if (/^[一二三四五六七八九十]+、\S{2,10}$/.test(t)) b.heading(3, t);
    else if (isChapterHeading(t, spec)) b.heading(4, t);
    else if (/^(注|资料来源)\s*[:：]$/.test(t)) label = t;
    else if (label) {
      b.text(label + t, true);
      label = '';
    } else return false;
    return true;
  });
}

/** Reads one part's lines (after the running-head marker) into blocks. */
export function readPart(lines: SeedLine[], spec: PartSpec): Block[] {
  const body = skipPartTitle(lines, spec.title).map((l) => ({
    n: l.n,
    // Spaces only: a leading tab is an empty first table cell.
    text: fixOcr(stripMarkup(l.text)).replace(/^[-•]\s+/, '').replace(/^ +| +$/g, ''),
  }));
  const b = new BlockBuilder();
  switch (spec.kind) {
    case 'articles': readArticles(body, b); break;
    case 'chronicle': readChronicle(body, b); break;
    case 'people': readPeople(body, b); break;
    case 'statistics': readStatistics(body, spec, b); break;
    case 'appendix': return readTables(body);
    default: readGeneral(body, spec, b);
  }
  return b.blocks;
}

export { isPhotoCredit };
