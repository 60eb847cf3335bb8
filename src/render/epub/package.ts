/**
 * The EPUB package document (OPF), the container file and the stylesheet.
 */
import type { BookSettings } from '../../config/index.ts';
import { xmlChars } from './xml.ts';

export interface ManifestItem {
  id: string;
  href: string;
  type: string;
  properties?: string;
}

const esc = (s: string) => xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** content.opf: metadata from book.yaml, the ebook's own identifier (the print book's ISBN as its source), dcterms:modified from the build date, then the accessibility metadata. */
export function packageDocument(s: BookSettings, identifier: string, date: Date, manifest: ManifestItem[], spine: string[], access: readonly string[] = []): string {
  const modified = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const items = manifest.map((m) => `    <item id="${m.id}" href="${esc(m.href)}" media-type="${m.type}"${m.properties ? ` properties="${m.properties}"` : ''}/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="zh-CN">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="bookid">${esc(identifier)}</dc:identifier>
    <dc:source>urn:isbn:${s.isbn.replace(/[^\dX]/g, '')}</dc:source>
    <dc:title>${esc(`${s.title}（${s.year}）`)}</dc:title>
    <dc:creator id="compiler">${esc(s.compiler)}</dc:creator>
    <meta refines="#compiler" property="role" scheme="marc:relators">edt</meta>
    <dc:publisher>${esc(s.publisher.name)}</dc:publisher>
    <dc:language>${esc(s.language)}</dc:language>
    <dc:date>${s.edition.date}</dc:date>
    <meta property="dcterms:modified">${modified}</meta>
${access.map((m) => `    ${m}`).join('\n')}
  </metadata>
  <manifest>
${items.join('\n')}
  </manifest>
  <spine>
${spine.map((id) => `    <itemref idref="${id}"/>`).join('\n')}
  </spine>
</package>
`;
}

/**
 * CSS for Chinese reading: justified, 2-em indent, strict line breaking,
 * headings by generic family, captions and bylines in 楷体 (as in print,
 * issue 18). For reading systems (issue 22): headings stay with the text
 * after them, nav lists carry no numbers, and no table or image is wider
 * than the screen: a table scrolls in its wrapper, and a wide one reflows on
 * a narrow screen, one row a block with each cell labelled by its column.
 * The narrow test is a container query on the wrapper, not a media query:
 * a paginating reader (epub.js) widens the document's viewport to all its
 * columns, but the wrapper is one column wide. Seen page by page (session
 * 37's reading in Chromium): a photo keeps its caption and a 大事记 date its
 * text on one page, headings of every level are at least the body's size,
 * table cells and the copyright page are set flush left, not spread (张 家
 * 琪), and a column head does not turn over (序|号).
 */
export const STYLE_CSS = `@charset "UTF-8";
html { line-break: strict; -epub-line-break: strict; }
body { font-family: serif; text-align: justify; line-height: 1.7; margin: 0 1em; overflow-wrap: break-word; }
p { text-indent: 2em; margin: 0; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; font-weight: bold; text-indent: 0; break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
h1 { text-align: center; font-size: 1.6em; margin: 2em 0 1em; }
h2 { text-align: center; font-size: 1.25em; margin: 1.5em 0 0.75em; }
h3 { text-align: center; font-size: 1.1em; margin: 1em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 0.8em 0 0.3em; }
.subtitle, .dateline, .byline, caption { break-after: avoid; page-break-after: avoid; }
.entry-title { font-size: 1em; text-align: left; margin: 0.8em 0 0; }
.lead { text-indent: 2em; }
.credit { text-align: right; text-indent: 0; }
figure { margin: 1em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; text-align: justify; }
figcaption .credit { display: inline; }
.table-wrap { margin: 1em 0; container-type: inline-size; }
.table-scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.8em; }
th, td { border: 1px solid #555; padding: 0.2em 0.3em; vertical-align: middle; text-align: start; }
th { white-space: nowrap; }
td { font-variant-numeric: tabular-nums; }
.align-right { text-align: right; }
.align-center { text-align: center; }
caption { font-family: sans-serif; font-weight: bold; }
@container (max-width: 36em) {
  .table-scroll.wide { overflow: visible; }
  table.wide, table.wide caption, table.wide tbody, table.wide tr, table.wide td { display: block; width: auto; }
  table.wide thead { display: none; }
  table.wide tr { border-top: 1px solid #555; padding: 0.3em 0; break-inside: avoid; page-break-inside: avoid; }
  table.wide td { border: none; padding: 0 0 0 5em; text-indent: -5em; text-align: left; }
  table.wide td:empty { display: none; }
  table.wide td[data-label]::before { content: attr(data-label) "："; display: inline-block; width: 5em; text-indent: 0; font-family: sans-serif; color: #444; }
}
dl.chronicle dt { font-family: sans-serif; font-weight: bold; float: left; margin-right: 1em; break-after: avoid; page-break-after: avoid; }
dl.chronicle dd { margin: 0 0 0.3em 3em; break-before: avoid; page-break-before: avoid; }
ul.names { list-style: none; padding: 0; }
ul.names li { display: inline-block; min-width: 4em; margin-right: 1em; }
nav ol { list-style: none; list-style-type: none; padding-left: 1.5em; margin: 0; }
nav#toc > ol { padding-left: 0; }
nav li { margin: 0.2em 0; }
.subtitle, .dateline, .byline { text-align: center; text-indent: 0; }
figcaption, .subtitle, .dateline, .byline, em { font-family: "LXGW WenKai", "霞鹜文楷", "Kaiti SC", STKaiti, KaiTi, "楷体", "AR PL UKai CN", serif; font-style: normal; }
.titlepage { text-align: center; }
.titlepage p { text-indent: 0; }
.copyright p, .cip p { text-indent: 0; text-align: start; }
ul.index { list-style: none; padding: 0; }
ul.index li { text-indent: -1em; padding-left: 1em; }
`;

/** With embedded subsets (book.yaml epub.embed_fonts): the body in the Song, headings in the Hei. */
export const FONT_FACES = `@font-face { font-family: "nianjian-body"; src: url(fonts/body.ttf); }
@font-face { font-family: "nianjian-heading"; src: url(fonts/heading.ttf); }
body { font-family: "nianjian-body", serif; }
h1, h2, h3, h4, h5, h6, .entry-title, dl.chronicle dt, caption { font-family: "nianjian-heading", sans-serif; }
`;
