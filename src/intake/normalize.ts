/**
 * The text normalisation `check` applies (chinese-layout-spec §2, R-NORM-1..4),
 * applied to imported text so that the manuscript is clean at once, and each
 * paragraph's changes told in the import report as check --verbose tells them.
 */
import type { PhrasingContent } from 'mdast';
import { normalizeText, type TextChange } from '../cjk/index.ts';
import { type NoteList, paragraphPlace } from './notes.ts';

const WHAT: Record<TextChange['rule'], string> = {
  'R-NORM-1': 'ASCII 标点改为全角', 'R-NORM-2': '直引号改为“”', 'R-NORM-3': '省略号、破折号规范', 'R-NORM-4': '汉字与字母数字间空格调整', 'R-NORM-5': '汉字间的英文句点（请确认原意）', 'R-MIX-5': '全角字母、数字改为半角', control: '删去不可见字符',
};

function tell(changes: TextChange[], unbalanced: boolean, para: number, notes: NoteList): void {
  const byRule = new Map<string, string[]>();
  for (const c of changes) {
    if (c.rule === 'R-NORM-4' && c.from.includes('\n')) continue;
    const list = byRule.get(c.rule) ?? [];
    list.push(`“${c.from}”→“${c.to}”`);
    byRule.set(c.rule, list);
  }
  for (const [rule, list] of byRule) {
    const severity = rule === 'control' ? 'warn' : 'info';
    notes[severity]('normalize', paragraphPlace(para), `${WHAT[rule as TextChange['rule']]}（${rule}）${list.length} 处：${list.slice(0, 5).join('，')}${list.length > 5 ? '……' : ''}`);
  }
  if (unbalanced) notes.warn('normalize', paragraphPlace(para), '本段引号不成对。请检查是否漏了前引号或后引号（R-NORM-2）。');
}

/** One string normalised, its changes told. */
export function normalizeInto(text: string, para: number, notes: NoteList): string {
  const r = normalizeText(text);
  tell(r.changes, !r.quotesBalanced, para, notes);
  return r.text;
}

/** Every text node of a paragraph normalised; the changes told once for the paragraph. */
export function normalizePhrasing(children: PhrasingContent[], para: number, notes: NoteList): PhrasingContent[] {
  const changes: TextChange[] = [];
  let unbalanced = false;
  const walk = (list: PhrasingContent[]): PhrasingContent[] => list.map((c) => {
    if (c.type === 'text') {
      const r = normalizeText(c.value);
      changes.push(...r.changes);
      unbalanced ||= !r.quotesBalanced;
      return { ...c, value: r.text };
    }
    return 'children' in c ? ({ ...c, children: walk(c.children as PhrasingContent[]) } as PhrasingContent) : c;
  });
  const out = walk(children);
  tell(changes, unbalanced, para, notes);
  return out;
}
