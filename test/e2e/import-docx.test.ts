/**
 * `nianjian import` on Word files made by real software: a submission written
 * as flat ODF (Word heading styles, 一、/（一） lines, bold run-in titles,
 * 【】 titles, a soft line break, a photo with its caption paragraph, a table
 * with merged header cells, a footnote, tracked changes, a comment, red
 * text, a manual page break) converted to .docx by LibreOffice; it imports
 * into a manuscript that passes check and builds with all its text in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Heading, Image, Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { yearbookGfm } from '../../src/parse/syntax.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { escapeXml, fodt, photoBase64, soffice } from '../helpers/office.ts';

/** The submission's paragraphs as the unit typed them; each becomes one Word paragraph, numbered from 1. */
const P = {
  title: '区委组织部',
  overview: '综述',
  entry1: '【概况】区委组织部内设科室8个，下属事业单位1个。',
  numbered1: '一、组织建设',
  runInTitle: '干部培训',
  runInBodyA: '全年举办培训班',
  inserted: '十二',
  runInBodyB: '期，',
  runInBodyC: '培训干部3000人次。',
  footnote: '含线上培训。',
  numbered2: '（一）党员管理',
  entry2A: '【党员发展】全年发展党员',
  red: '120',
  entry2B: '名，其中35岁以下青年党员占六成。',
  deleted: '约',
  comment: '请核对人数',
  caption: '3月5日，干部培训班开班',
  credit: '区委组织部提供',
  tableTitle: '表1　培训情况表',
  chapterCredit: '（区委组织部提供）',
  supervision: '干部监督',
  plainA: '全年开展干部监督谈话',
  plainB: '200余人次，受理信访举报15件。',
  boxBefore: '【谈话提醒】全年谈话提醒',
  boxInside: '文本框里的补充说明。',
  boxAfter: '86人次。',
  fieldBefore: '本页页码',
};

function submissionFodt(photo: string): string {
  const p = (text: string, style = '') => `<text:p${style ? ` text:style-name="${style}"` : ''}>${text}</text:p>`;
  const cell = (text: string, attrs = '') => `<table:table-cell office:value-type="string"${attrs}><text:p>${escapeXml(text)}</text:p></table:table-cell>`;
  const body = [
    `<text:h text:style-name="Heading_20_1" text:outline-level="1">${P.title}</text:h>`, // 1
    `<text:h text:style-name="Heading_20_2" text:outline-level="2">${P.overview}</text:h>`, // 2
    p(P.entry1), // 3
    p(P.numbered1), // 4
    // 5: a bold run-in title, an insertion, a soft line break, a footnote
    p(`<text:span text:style-name="B">${P.runInTitle}</text:span>\u3000${P.runInBodyA}<text:change-start text:change-id="ins1"/>${P.inserted}<text:change-end text:change-id="ins1"/>${P.runInBodyB}<text:line-break/>${P.runInBodyC}<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>${P.footnote}</text:p></text:note-body></text:note>`),
    p(P.numbered2), // 6
    // 7: a comment, red text, a deletion
    p(`${P.entry2A}<office:annotation><dc:creator>李审</dc:creator><text:p>${P.comment}</text:p></office:annotation><text:change text:change-id="del1"/><text:span text:style-name="Red">${P.red}</text:span>${P.entry2B}`),
    p(`<draw:frame draw:name="图1" svg:width="14cm" svg:height="9cm" text:anchor-type="as-char"><draw:image><office:binary-data>${photo}</office:binary-data></draw:image></draw:frame>`), // 8
    p(`${P.caption}（${P.credit}）`), // 9
    p(P.tableTitle), // 10
    // 11–20: a table whose header has a cell merged down and one merged across (the cell it covers below has no paragraph of its own in Word)
    `<table:table table:name="T1"><table:table-column table:number-columns-repeated="3"/>
<table:table-row>${cell('类别', ' table:number-rows-spanned="2"')}${cell('2023年', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row>
<table:table-row><table:covered-table-cell/>${cell('期数')}${cell('人次')}</table:table-row>
<table:table-row>${cell('党务')}${cell('5')}${cell('1,200')}</table:table-row>
<table:table-row>${cell('业务')}${cell('7')}${cell('1,800')}</table:table-row>
</table:table>`,
    p(P.chapterCredit), // 21
    `<text:h text:style-name="Heading_20_2" text:outline-level="2">${P.supervision}</text:h>`, // 22
    p(`\u3000\u3000${P.plainA}<text:line-break/>${P.plainB}`, 'PB'), // 23: indented, a soft break, after a page break (LibreOffice writes the break at the end of 22)
    // 24, with a text box (25) inside it
    p(`${P.boxBefore}<draw:frame draw:name="文本框1" text:anchor-type="as-char" svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>${P.boxInside}</text:p></draw:text-box></draw:frame>${P.boxAfter}`),
    p(`${P.fieldBefore}<text:page-number text:select-page="current">1</text:page-number>`), // 26: a PAGE field
  ].join('\n');
  const changes = `<text:changed-region text:id="ins1"><text:insertion><office:change-info><dc:creator>王编辑</dc:creator><dc:date>2024-01-02T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
<text:changed-region text:id="del1"><text:deletion><office:change-info><dc:creator>王编辑</dc:creator><dc:date>2024-01-02T10:00:00</dc:date></office:change-info><text:p>${P.deleted}</text:p></text:deletion></text:changed-region>`;
  return fodt(body, changes);
}

const parseMd = (md: string) => unified().use(remarkParse).use(yearbookGfm).use(remarkDirective).parse(md) as Root;
const hanAndDigits = (s: string) => [...s.replace(/[^\p{Script=Han}\d]/gu, '')];

let work: string;
let docx: string | undefined;
let manuscript: string;
let lines: string[];
let md: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianjian-import-'));
  writeFileSync(join(work, '区委组织部.fodt'), submissionFodt(await photoBase64()));
  [docx] = soffice([join(work, '区委组织部.fodt')], 'docx', work);
  manuscript = join(work, 'book');
  expect(await main(['init', manuscript], () => {})).toBe(0);
  lines = [];
  expect(await main(['import', docx!, '--into', manuscript], (s) => lines.push(s))).toBe(0);
  const made = readdirSync(manuscript).find((n) => n.startsWith('02-'))!;
  md = readFileSync(join(manuscript, made), 'utf8');
}, 240_000);

describe('import a Word submission written by LibreOffice', () => {
  test('one new part, named by the document\'s one top heading; chapters and sections from heading styles and 一、/（一） lines', () => {
    expect(readdirSync(manuscript).filter((n) => n.endsWith('.md')).sort()).toEqual(['01-概况.md', '02-区委组织部.md']);
    const headings = parseMd(md).children.filter((n): n is Heading => n.type === 'heading').map((h) => `${h.depth} ${toString(h)}`);
    expect(headings).toEqual(['1 区委组织部', '2 综述', '3 一、组织建设', '4 （一）党员管理', '2 干部监督']);
  });

  test('entries from 【】 and bold run-in titles; soft line breaks joined; the insertion kept, the deletion gone', () => {
    const paras = parseMd(md).children.filter((n): n is Paragraph => n.type === 'paragraph').map((p) => toString(p));
    expect(paras).toContain(P.entry1);
    expect(paras).toContain(`【${P.runInTitle}】${P.runInBodyA}${P.inserted}${P.runInBodyB}${P.runInBodyC}①`);
    expect(paras).toContain(`${P.entry2A}${P.red}${P.entry2B}`);
    expect(paras).toContain(`${P.plainA}${P.plainB}`); // indentation dropped, break joined
    expect(paras).toContain(`${P.boxBefore}${P.boxAfter}`);
    expect(paras).toContain(P.boxInside); // the text box's text, after its paragraph
    expect(paras).toContainEqual(expect.stringMatching(new RegExp(`^${P.fieldBefore}\\d$`))); // the page number as last shown
    expect(md).not.toContain(P.comment);
    expect(md).not.toContain(`党员${P.deleted}`);
  });

  test('the footnote is kept as a 注 paragraph after its paragraph, marked ①', () => {
    const paras = parseMd(md).children.map((n) => toString(n));
    const at = paras.findIndex((t) => t.startsWith(`【${P.runInTitle}】`));
    expect(paras[at + 1]).toBe(`注：①${P.footnote}`);
  });

  test('the photo is extracted to photos/ under a stable name, its caption and credit from the next paragraph', () => {
    const images: Image[] = [];
    for (const n of parseMd(md).children) if (n.type === 'paragraph' && n.children[0]?.type === 'image') images.push(n.children[0]);
    expect(images.map((i) => [i.url, i.alt, i.title])).toEqual([['photos/区委组织部-01.jpg', P.caption, P.credit]]);
    expect(readFileSync(join(manuscript, 'photos/区委组织部-01.jpg')).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  test('the table gets its ::caption, and its merged header cells become a two-row head (header=2, < and ^)', () => {
    const tree = parseMd(md);
    const at = tree.children.findIndex((n) => n.type === 'table');
    const caption = tree.children[at - 1]!;
    expect(caption.type === 'leafDirective' && caption.name === 'caption' && toString(caption)).toBe('表1　培训情况表');
    expect(caption.type === 'leafDirective' && caption.attributes?.header).toBe('2');
    const table = tree.children[at] as Table;
    expect(table.children.map((r) => r.children.map((c) => toString(c)))).toEqual([
      ['类别', '2023年', '<'], ['^', '期数', '人次'], ['党务', '5', '1,200'], ['业务', '7', '1,800'],
    ]);
    expect(table.align).toEqual([null, 'right', 'right']);
    expect(md).toContain(`\n${P.chapterCredit}\n`);
  });

  test('every character of the source text is in the manuscript (deleted text and the comment aside)', () => {
    const source = Object.entries(P).filter(([k]) => k !== 'deleted' && k !== 'comment').map(([, v]) => v).join('') + '类别2023年期数人次党务51,200业务71,800';
    const imported = hanAndDigits(md);
    const left = [...imported];
    const missing = hanAndDigits(source).filter((ch) => {
      const i = left.indexOf(ch);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
    expect(missing).toEqual([]);
  });

  test('the report lists the tracked changes, the comment, red text, the footnote, the page break, the merged header, the text box and the field, by paragraph', () => {
    const report = readFileSync(join(manuscript, '导入报告.txt'), 'utf8');
    const line = (kind: string) => report.split('\n').filter((l) => l.endsWith(`[${kind}]`));
    expect(line('tracked-change')).toEqual([
      expect.stringMatching(/第 5 段：请核对：修订（插入，王编辑）“十二”/),
      expect.stringMatching(/第 7 段：请核对：修订（删除，王编辑）“约”/),
    ]);
    expect(line('comment')).toEqual([expect.stringMatching(/第 7 段：请核对：批注（李审）：“请核对人数”/)]);
    expect(line('colour')).toEqual([expect.stringMatching(/第 7 段：请核对：红色文字“120”/)]);
    expect(line('footnote')).toEqual([expect.stringMatching(/第 5 段/)]);
    expect(line('page-break')).toEqual([expect.stringMatching(/第 22 段/)]);
    expect(line('merged-header')).toEqual([expect.stringMatching(/第 11 段（表格第 1 行第 1 列）/)]);
    expect(line('text-box')).toEqual([expect.stringMatching(/第 24 段：请核对：文本框中的文字“文本框里的补充说明。”已作为正文段落接在此段之后（第 25 段）/)]);
    expect(line('field')).toEqual([expect.stringMatching(/第 26 段：请核对：域 PAGE 按它当时显示的文字导入/)]);
    expect(report.startsWith('# nianjian 导入报告')).toBe(true);
    // The terminal shows the same notes.
    expect(lines.filter((l) => l.includes('[comment]'))).toHaveLength(1);
  });

  test('the imported part passes check and builds; every character of it is in the PDF', async () => {
    const checked = await checkDir(manuscript);
    expect(checked.messages.filter((m) => / (error|fatal)$/.test(m))).toEqual([]);
    expect(checked.messages.filter((m) => m.startsWith('02-') && / warning$/.test(m))).toEqual([]);
    const out = join(work, 'out');
    expect(await main(['build', manuscript, '--out', out], () => {})).toBe(0);
    const pdf = readdirSync(out).find((n) => n.endsWith('.pdf'))!;
    const text = execFileSync('pdftotext', [join(out, pdf), '-'], { encoding: 'utf8' });
    const printed = hanAndDigits(text);
    const missing = hanAndDigits(md.replace(/<!--.*?-->/g, '')).filter((ch) => {
      const i = printed.indexOf(ch);
      if (i < 0) return true;
      printed.splice(i, 1);
      return false;
    });
    expect(missing).toEqual([]);
  }, 120_000);

  test('a second import writes nothing without --force, and replaces with it', async () => {
    const part = join(manuscript, '02-区委组织部.md');
    writeFileSync(part, `${md}\n编辑已改。\n`);
    const again: string[] = [];
    expect(await main(['import', docx!, '--into', manuscript], (s) => again.push(s))).toBe(1);
    expect(again.join('\n')).toMatch(/已存在，未写入任何文件（确需覆盖请加 --force）/);
    expect(readFileSync(part, 'utf8')).toContain('编辑已改。');
    expect(readdirSync(manuscript).filter((n) => n.endsWith('.md'))).toHaveLength(2);
    expect(await main(['import', docx!, '--into', manuscript, '--force'], () => {})).toBe(0);
    expect(readFileSync(part, 'utf8')).toBe(md);
    expect(readdirSync(manuscript).filter((n) => n.endsWith('.md'))).toHaveLength(2);
    expect(existsSync(join(manuscript, '导入报告-2.txt'))).toBe(false); // --force: the report is replaced too
  });
});
