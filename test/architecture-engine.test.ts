/**
 * Issue 17: one page make-up engine fills every page. Checked on the sources
 * of src/layout, so that a page-filling loop of its own cannot creep back:
 *
 * - a page draft (a PageDraft object literal, told by its `hasFurniture`
 *   and `draw` keys) is made only by draft.ts from the engine's flowed pages
 *   (flowPageDraft), or by a builder of one designed page;
 * - the TOC and index, the front matter and the galleries hand their items
 *   to the engine (they call flowAtoms and flowPageDraft).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const LAYOUT = resolve(import.meta.dirname, '../src/layout');

/** Where a draft may be made besides the engine's `flowPageDraft`, each with why. Shrink it; do not grow it. */
const ONE_PAGE_BUILDERS: Record<string, string> = {
  'draft.ts:flowPageDraft': "the engine's flowed page as a draft",
  'draft.ts:blankDraft': 'a blank page (a recto start, the last sheet)',
  'part.ts:openerDraft': 'a part opener (篇章页): one designed page',
  'part.ts:turnedTableDraft': "one page of a turned table (卧排表), cut by table.ts's tablePages: turned tables keep pages of their own (issue 17)",
  'front-matter.ts:titlePageDraft': 'the title page (书名页): one designed page',
  'front-matter.ts:copyrightPageDraft': 'the copyright page (版权页): one designed page',
};

/** The page kinds the issue names, each a use of the engine: the file that lays it out. */
const USES = ['leader-list.ts', 'front.ts', 'front-matter.ts', 'galleries.ts', 'part.ts'];

const sources = readdirSync(LAYOUT)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((file) => ({ file, text: readFileSync(join(LAYOUT, file), 'utf8') }));

/** The function each PageDraft literal (an object literal with `hasFurniture` and `draw`) stands in, as file:function, found with the TypeScript parser. */
function draftMakers(): string[] {
  return sources.flatMap(({ file, text }) => {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const keys = new Set(node.properties.flatMap((p) => (p.name && ts.isIdentifier(p.name) ? [p.name.text] : [])));
        if (keys.has('hasFurniture') && keys.has('draw')) {
          let up: ts.Node | undefined = node.parent;
          while (up && !(ts.isFunctionDeclaration(up) && up.name)) up = up.parent;
          found.push(`${file}:${up && ts.isFunctionDeclaration(up) ? up.name!.text : '(top level)'}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

describe('one page make-up engine (issue 17)', () => {
  test('page drafts are made only from the engine\'s flowed pages, or by a builder of one designed page', () => {
    const makers = draftMakers();
    expect(makers).toContain('draft.ts:flowPageDraft');
    const loops = [...new Set(makers)].filter((m) => !(m in ONE_PAGE_BUILDERS));
    expect(loops, 'these make page drafts of their own: hand their items to flowAtoms and make the drafts with flowPageDraft').toEqual([]);
  });

  test('the TOC, index, front matter, galleries and body are flowed by flowAtoms and drafted by flowPageDraft', () => {
    for (const file of USES) {
      const text = sources.find((s) => s.file === file)?.text ?? '';
      expect(text, `${file} calls flowAtoms`).toMatch(/\bflowAtoms\(/);
      expect(text, `${file} calls flowPageDraft`).toMatch(/\bflowPageDraft\(/);
    }
  });

  test('only flow.ts opens pages of columns: no other file makes a list of the page\'s columns (g.columns) to fill', () => {
    const builders = sources.filter(({ text }) => /Array\.from\(\{\s*length:\s*(?:this\.)?g(?:eometry)?\.columns\b/.test(text)).map((s) => s.file);
    expect(builders).toEqual(['flow.ts']);
  });
});
