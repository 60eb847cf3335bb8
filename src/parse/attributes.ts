/**
 * Directive attributes are checked against the ones each directive reads:
 * a misspelt `piyin=` or `widht=` would otherwise be ignored without a word,
 * and the reading or the width the editor asked for silently lost.
 */
import type { Directives } from 'mdast-util-directive';
import { suggestKey } from '../config/index.ts';
import { report } from '../diagnostics/index.ts';
import type { ParseState } from './state.ts';

/** What each directive reads, by its name as typed (`:index`, `::figure`, `:::gallery`). */
export const DIRECTIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  ':index': ['pinyin', 'term'],
  ':q': ['to'],
  ':note': [],
  ':::query': ['to'],
  ':::note': [],
  '::figure': ['src', 'credit', 'width', 'place'],
  '::caption': ['header'],
  '::byline': ['office'],
  '::subtitle': [],
  '::dateline': [],
  ':::gallery': ['title'],
  ':::names': ['title'],
};

export function directiveName(node: Directives): string {
  const colons = node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
  return `${colons}${node.name}`;
}

/** Reports each attribute of a known directive that it does not read. */
export function checkAttributes(state: ParseState, node: Directives): void {
  const name = directiveName(node);
  const known = DIRECTIVE_ATTRIBUTES[name];
  if (!known) return;
  for (const attribute of Object.keys(node.attributes ?? {})) {
    if (known.includes(attribute)) continue;
    const suggest = suggestKey(attribute, known);
    report(state.file, node, 'directive-attribute-unknown', {
      name, attribute, expected: known.length ? known.join('、') : '（无）', ...(suggest ? { suggest } : {}),
    });
  }
}
