/**
 * A part of the sample yearbook goes out to Word and comes back: the part is
 * written as HTML the way a unit's Word file looks (heading styles, bold
 * run-in entry titles for half the entries, 【】 for the rest), LibreOffice
 * turns it into a .docx, and `nianjian import` must give back the same
 * headings, entry titles and text.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { yearbookGfm } from '../../src/parse/syntax.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { escapeXml, soffice } from '../helpers/office.ts';

const PART = resolve(import.meta.dirname, '../../manuscript/09-纪委监委.md');
const parseMd = (md: string) => unified().use(remarkParse).use(remarkFrontmatter).use(yearbookGfm).use(remarkDirective).parse(md) as Root;

/** Headings and paragraphs as text, in order: what the round trip must keep. */
function outline(tree: Root): string[] {
  return tree.children.flatMap((n): string[] => {
    if (n.type === 'heading') return [`${'#'.repeat(n.depth)} ${toString(n)}`];
    if (n.type === 'paragraph') return [toString(n)];
    return [];
  });
}

/** The part as a unit's Word file would have it, in HTML. */
function toHtml(tree: Root): string {
  let entries = 0;
  const block = (n: RootContent): string => {
    const text = escapeXml(toString(n));
    if (n.type === 'heading') return `<h${n.depth}>${text}</h${n.depth}>`;
    if (n.type !== 'paragraph') return '';
    const entry = /^【([^】]+)】(.*)$/s.exec(toString(n));
    if (entry && entries++ % 2 === 0) return `<p><b>${escapeXml(entry[1]!)}</b>\u3000${escapeXml(entry[2]!)}</p>`;
    return `<p>${text}</p>`;
  };
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>供稿</title></head><body>${tree.children.map(block).join('\n')}</body></html>`;
}

describe('round trip of a sample part through Word', () => {
  test('09-纪委监委 exported to .docx by LibreOffice (via HTML) imports back with the same headings, entry titles and text', async () => {
    const original = parseMd(readFileSync(PART, 'utf8'));
    const work = mkdtempSync(join(tmpdir(), 'nianjian-roundtrip-'));
    writeFileSync(join(work, '纪委监委.html'), toHtml(original));
    const [docx] = soffice([join(work, '纪委监委.html')], 'docx:MS Word 2007 XML', work, 'HTML (StarWriter)');
    const book = join(work, 'book');
    expect(await main(['init', book], () => {})).toBe(0);
    expect(await main(['import', docx!, '--into', book], () => {})).toBe(0);
    const name = readdirSync(book).find((n) => n.startsWith('02-'))!;
    const imported = parseMd(readFileSync(join(book, name), 'utf8'));
    const want = outline(original);
    expect(want.filter((l) => l.startsWith('【'))).toHaveLength(13);
    expect(outline(imported)).toEqual(want);
    const checked = await checkDir(book);
    expect(checked.messages.filter((m) => m.startsWith('02-') && !/ info$/.test(m))).toEqual([]);
  }, 120_000);
});
