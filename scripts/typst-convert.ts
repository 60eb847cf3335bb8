/**
 * The sample manuscript as Typst markup, for `npm run bench` to time Typst
 * on the same text (issue 24). Same page, body grid and fonts as
 * templates/yearbook-16k.yaml and fonts/fonts.yaml: 210 × 285 mm, two
 * columns of 23 em with a 2 em gutter, 10.5 pt Noto Serif SC on a 16 pt
 * pitch, Noto Sans SC headings, each 篇 on a recto, figures with captions,
 * tables at 9 pt, running heads and folios, a TOC. Captions are set in the
 * body font: the Kai is published only as woff2 subsets, which Typst does
 * not read. Not a second typesetter: only what makes the work comparable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent, PhrasingContent, Table } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { yearbookGfm } from '../src/parse/syntax.ts';

const ROOT = join(import.meta.dirname, '..');

/** The template's numbers the Typst document is set with. */
interface Design {
  widthMm: number; heightMm: number; topMm: number; insideMm: number;
  sizePt: number; pitchPt: number; lines: number; columns: number; columnEm: number; gutterEm: number;
  tableSizePt: number; captionSizePt: number; headSizePt: number;
}

function design(templateFile: string): Design {
  const t = parseYaml(readFileSync(templateFile, 'utf8'));
  return {
    widthMm: t.page.width_mm, heightMm: t.page.height_mm, topMm: t.page.top_mm, insideMm: t.page.inside_mm,
    sizePt: t.body.size_pt, pitchPt: t.body.line_pitch_pt, lines: t.body.lines, columns: t.body.columns,
    columnEm: t.body.column_em, gutterEm: t.body.gutter_em, tableSizePt: t.table.size_pt, captionSizePt: t.caption.size_pt,
    headSizePt: t.running_head.size_pt,
  };
}

/** The font files of fonts/fonts.yaml's body and heading roles and its fallback (npm: paths), for Typst. */
export function typstFonts(): string[] {
  const config = parseYaml(readFileSync(join(ROOT, 'fonts/fonts.yaml'), 'utf8'));
  const files = [config.roles.body.regular, config.roles.body.bold, config.roles.heading.regular, config.roles.heading.bold, ...config.fallback] as string[];
  return files.filter((f) => f.endsWith('.ttf') || f.endsWith('.otf')).map((f) => join(ROOT, 'node_modules', f.replace(/^npm:/, '')));
}

/** Text as Typst markup: every ASCII sign that could start markup is escaped. */
const escape = (s: string) => s.replace(/[\\#*_`$<>@[\]~/=+\-'".:]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
const str = (s: string) => JSON.stringify(s);

function inline(nodes: PhrasingContent[]): string {
  return nodes.map((n) => {
    if (n.type === 'text') return escape(n.value);
    if (n.type === 'strong') return `#strong[${inline(n.children)}]`;
    if (n.type === 'emphasis') return `#emph[${inline(n.children)}]`;
    if ('children' in n) return inline(n.children as PhrasingContent[]);
    return 'value' in n ? escape(String(n.value)) : '';
  }).join('');
}

function table(t: Table): string {
  const columns = t.children[0]?.children.length ?? 1;
  const cells = t.children.flatMap((row) => row.children.map((c) => `[${inline(c.children)}]`));
  return `#text(size: TABLE)[#table(columns: ${columns}, align: center + horizon, ${cells.join(', ')})]\n\n`;
}

function figure(src: string, caption: string, credit: string | null | undefined): string {
  return `#figure(image(${str(src)}, width: 100%), caption: text(size: CAPTION)[${escape(caption)}${credit ? ` #h(1em) ${escape(credit)}` : ''}])\n\n`;
}

function block(n: RootContent): string {
  switch (n.type) {
    case 'heading': {
      const text = inline(n.children);
      if (n.depth === 1) return `#part-page[${text}]\n\n`;
      return `${'='.repeat(n.depth - 1)} ${text}\n\n`;
    }
    case 'paragraph': {
      const only = n.children.length === 1 ? n.children[0]! : undefined;
      if (only?.type === 'image') return figure(only.url, only.alt ?? '', only.title);
      const head = n.children[0]?.type === 'text' ? /^【[^】]+】/.exec(n.children[0].value)?.[0] : undefined;
      if (head) return `#entry[${escape(head)}]${inline([{ ...n.children[0]!, value: (n.children[0] as { value: string }).value.slice(head.length) } as PhrasingContent, ...n.children.slice(1)])}\n\n`;
      return `${inline(n.children)}\n\n`;
    }
    case 'table':
      return table(n);
    case 'leafDirective':
      return `#align(center)[${inline(n.children)}]\n\n`;
    case 'containerDirective':
      return `#grid(columns: 2, gutter: 1em, ${n.children.map((c) => `[${block(c)}]`).join(', ')})\n\n`;
    case 'list':
      return n.children.map((item) => `- ${item.children.map(block).join('').trim()}\n`).join('') + '\n';
    case 'blockquote':
      return n.children.map(block).join('');
    default:
      return '';
  }
}

const PREAMBLE = (d: Design, title: string) => `
#let TABLE = ${d.tableSizePt}pt
#let CAPTION = ${d.captionSizePt}pt
#set document(title: ${str(title)})
#set page(width: ${d.widthMm}mm, height: ${d.heightMm}mm, columns: ${d.columns},
  margin: (top: ${d.topMm}mm, inside: ${d.insideMm}mm, outside: ${d.widthMm - d.insideMm}mm - ${d.columnEm * d.columns + d.gutterEm}em, bottom: ${d.heightMm - d.topMm}mm - ${d.pitchPt * d.lines}pt),
  numbering: "1",
  header: context { set text(size: ${d.headSizePt}pt); if calc.even(here().page()) [${escape(title)}] else { let parts = query(selector(heading.where(level: 1)).before(here())); if parts.len() > 0 { align(right, parts.last().body) } }; line(length: 100%, stroke: 0.5pt) })
#set columns(gutter: ${d.gutterEm}em)
#set text(font: ("Noto Serif SC", "Noto Sans SC"), size: ${d.sizePt}pt, lang: "zh", region: "cn")
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: ${d.pitchPt - d.sizePt}pt, spacing: ${d.pitchPt - d.sizePt}pt)
#show heading: set text(font: "Noto Sans SC", weight: "medium")
#show heading: set align(center)
#show heading.where(level: 1): set text(size: 14pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: ${d.sizePt}pt)
#let entry(body) = text(font: "Noto Sans SC", weight: "bold", body)
#let part-page(title) = {
  pagebreak(to: "odd", weak: true)
  place(top + center, scope: "parent", float: true, dy: 60mm, heading(level: 1, outlined: true, text(size: 26pt, title)))
  pagebreak(to: "odd")
}
`;

/** The whole manuscript folder as one Typst document (front matter, then the parts in file order). */
export function manuscriptAsTypst(dir: string): string {
  const book = parseYaml(readFileSync(join(dir, 'book.yaml'), 'utf8'));
  const parser = unified().use(remarkParse).use(yearbookGfm).use(remarkDirective).use(remarkFrontmatter);
  const files = [
    ...readdirSync(join(dir, 'front')).filter((n) => n.endsWith('.md')).sort().map((n) => join('front', n)),
    ...readdirSync(dir).filter((n) => n.endsWith('.md')).sort(),
  ];
  const body = files.map((f) => (parser.parse(readFileSync(join(dir, f), 'utf8')) as Root).children.map(block).join('')).join('');
  const templateFile = join(ROOT, 'templates', `${book.template ?? 'yearbook-16k'}.yaml`);
  return `${PREAMBLE(design(templateFile), `${book.title}（${book.year}）`)}
#align(center)[#v(60mm) #text(size: 26pt, font: "Noto Sans SC")[${escape(book.title)}] #v(1em) #text(size: 18pt)[${book.year}]]
#pagebreak(to: "odd")
#outline(depth: 3)
${body}`;
}
