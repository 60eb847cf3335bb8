/**
 * What mammoth reads past without a word: tracked changes, comments, text
 * boxes, fields, manual page breaks, charts and embedded objects, and
 * coloured text. The OOXML parts are read with jszip and @xmldom/xmldom and
 * walked in document order, numbering paragraphs as docx.ts numbers
 * mammoth's (pre-order, every w:p, table cells included, mc:Choice skipped
 * because mammoth reads mc:Fallback).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { NoteList, paragraphPlace } from './notes.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DIAGRAM = 'http://schemas.openxmlformats.org/drawingml/2006/diagram';

/** Paragraph numbers where an object that cannot be imported stood: a placeholder figure goes after each. */
export interface ScanResult {
  placeholders: { paragraph: number; what: string }[];
}

const ELEMENT_NODE = 1;
const isW = (n: Element, name: string): boolean => n.namespaceURI === W && n.localName === name;

function* children(n: Node): Generator<Element> {
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) yield c as Element;
}

/** The text of the w:t, w:delText and w:instrText under `n`. */
function textOf(n: Node): string {
  let s = '';
  for (const c of children(n)) {
    if (c.namespaceURI === W && (c.localName === 't' || c.localName === 'delText')) s += c.textContent ?? '';
    else if (c.namespaceURI === W && c.localName === 'tab') s += ' ';
    else s += textOf(c);
  }
  return s;
}

const attr = (e: Element, name: string) => e.getAttributeNS(W, name) ?? e.getAttribute(`w:${name}`) ?? '';
const quote = (s: string, max = 40) => `“${s.length > max ? `${s.slice(0, max)}……` : s}”`;

/** A colour that reads as a mark, not as black: red first, any other colour named by its hex. */
function colourName(hex: string): string | undefined {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  if (Math.max(r, g, b) < 0x50) return undefined; // black or near black
  if (r >= 0xb0 && g < 0x70 && b < 0x70) return '红色';
  if (Math.abs(r - g) < 24 && Math.abs(g - b) < 24) return undefined; // grey
  return `彩色（#${hex.toUpperCase()}）`;
}

interface Walk {
  notes: NoteList;
  comments: Map<string, { author: string; text: string }>;
  paragraph: number;
  /** The paragraph that holds the walk's current node, and the outermost one (for text boxes). */
  current: number;
  outer: number | undefined;
  inTextBox: boolean;
  field: { instr: string; at: number } | undefined;
  result: ScanResult;
}

function onParagraph(w: Walk, p: Element): void {
  w.paragraph++;
  w.current = w.paragraph;
  const outer = w.outer;
  if (outer === undefined) w.outer = w.paragraph;
  else if (w.inTextBox) {
    const text = textOf(p).trim();
    if (text) w.notes.warn('text-box', paragraphPlace(outer), `文本框中的文字${quote(text)}已作为正文段落接在此段之后（第 ${w.paragraph} 段）。请核对它应放在哪里。`);
  }
  const pageBreakBefore = [...children(p)].some((c) => isW(c, 'pPr') && [...children(c)].some((d) => isW(d, 'pageBreakBefore')));
  if (pageBreakBefore) w.notes.info('page-break', paragraphPlace(w.paragraph), '段前分页已略去：书中分页由排版决定。');
  visit(w, p);
  if (outer === undefined) w.outer = undefined;
}

function onRun(w: Walk, r: Element): void {
  for (const c of children(r)) {
    if (isW(c, 'rPr')) {
      const colour = [...children(c)].find((d) => isW(d, 'color'));
      const name = colour ? colourName(attr(colour, 'val')) : undefined;
      const text = textOf(r).trim();
      if (name && text) w.notes.warn('colour', paragraphPlace(w.current), `${name}文字${quote(text)}：颜色不导入。若颜色有含义（如待核实、待删），请处理。`);
      const highlight = [...children(c)].find((d) => isW(d, 'highlight'));
      if (highlight && attr(highlight, 'val') !== 'none' && text) w.notes.warn('colour', paragraphPlace(w.current), `突出显示的文字${quote(text)}：底色不导入。若有含义，请处理。`);
    } else if (isW(c, 'br') && attr(c, 'type') === 'page') {
      w.notes.info('page-break', paragraphPlace(w.current), '手动分页符已略去：书中分页由排版决定。');
    } else if (isW(c, 'fldChar')) onFieldChar(w, attr(c, 'fldCharType'));
    else if (isW(c, 'instrText') && w.field) w.field.instr += c.textContent ?? '';
    else if (isW(c, 'commentReference')) onComment(w, attr(c, 'id'));
    else if (isW(c, 'object')) onObject(w, '嵌入对象（OLE）');
    else visit(w, c);
  }
}

function onFieldChar(w: Walk, type: string): void {
  if (type === 'begin') w.field = { instr: '', at: w.current };
  else if (type === 'end' && w.field) {
    reportField(w, w.field.instr, w.field.at);
    w.field = undefined;
  }
}

function reportField(w: Walk, instr: string, at: number): void {
  const name = instr.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  if (name === 'HYPERLINK' || name === '') return; // a link's text is the text
  w.notes.warn('field', paragraphPlace(at), `域 ${name} 按它当时显示的文字导入，不再更新。请核对这段文字。`);
}

function onComment(w: Walk, id: string): void {
  const c = w.comments.get(id);
  w.notes.warn('comment', paragraphPlace(w.current), `批注${c?.author ? `（${c.author}）` : ''}：${quote(c?.text ?? '', 80)}。批注不排入书中；请按批注处理此段。`);
}

function onObject(w: Walk, what: string): void {
  w.result.placeholders.push({ paragraph: w.current, what });
  w.notes.warn('object', paragraphPlace(w.current), `${what}无法导入，已在此处留一幅占位图。请向供稿单位索取图片（JPEG/PNG）或数据表。`);
}

function onChange(w: Walk, e: Element, kind: 'ins' | 'del'): void {
  const text = textOf(e).trim();
  const author = attr(e, 'author');
  const who = author ? `，${author}` : '';
  if (kind === 'ins') w.notes.warn('tracked-change', paragraphPlace(w.current), `修订（插入${who}）${quote(text)}：已按接受修订导入。请确认。`);
  else w.notes.warn('tracked-change', paragraphPlace(w.current), `修订（删除${who}）${quote(text)}：已按接受修订略去。请确认。`);
}

/** A table cell that continues a vertical merge (w:vMerge without "restart"). */
function continuesMerge(tc: Element): boolean {
  const pr = [...children(tc)].find((c) => isW(c, 'tcPr'));
  const merge = pr ? [...children(pr)].find((c) => isW(c, 'vMerge')) : undefined;
  return merge !== undefined && attr(merge, 'val') !== 'restart';
}

function visit(w: Walk, n: Node): void {
  for (const c of children(n)) {
    if (c.namespaceURI === MC && c.localName === 'Choice') continue;
    if (isW(c, 'tc') && continuesMerge(c)) continue; // mammoth drops a vertically merged cell's continuation
    if (isW(c, 'p')) onParagraph(w, c);
    else if (isW(c, 'r')) onRun(w, c);
    else if (isW(c, 'ins') || isW(c, 'del')) {
      if (textOf(c).trim()) onChange(w, c, c.localName as 'ins' | 'del');
      visit(w, c);
    } else if (isW(c, 'fldSimple')) {
      reportField(w, attr(c, 'instr'), w.current);
      visit(w, c);
    } else if (isW(c, 'txbxContent')) {
      const was = w.inTextBox;
      w.inTextBox = true;
      visit(w, c);
      w.inTextBox = was;
    } else if (c.namespaceURI === CHART && c.localName === 'chart') onObject(w, '嵌入的图表');
    else if (c.namespaceURI === DIAGRAM && c.localName === 'relIds') onObject(w, 'SmartArt 图形');
    else visit(w, c);
  }
}

async function xmlPart(zip: JSZip, name: string) {
  const text = await zip.file(name)?.async('string');
  return text === undefined ? undefined : new DOMParser().parseFromString(text, 'text/xml');
}

async function readComments(zip: JSZip): Promise<Map<string, { author: string; text: string }>> {
  const doc = await xmlPart(zip, 'word/comments.xml');
  const comments = new Map<string, { author: string; text: string }>();
  if (!doc?.documentElement) return comments;
  for (const c of children(doc.documentElement)) {
    if (isW(c, 'comment')) comments.set(attr(c, 'id'), { author: attr(c, 'author'), text: textOf(c).trim() });
  }
  return comments;
}

/** Scans an opened .docx for what needs an editor's eye; notes go to `notes`. */
export async function scanDocx(zip: JSZip, notes: NoteList): Promise<ScanResult> {
  const result: ScanResult = { placeholders: [] };
  const doc = await xmlPart(zip, 'word/document.xml');
  if (!doc?.documentElement) return result;
  const w: Walk = { notes, comments: await readComments(zip), paragraph: 0, current: 0, outer: undefined, inTextBox: false, field: undefined, result };
  visit(w, doc.documentElement);
  return result;
}
