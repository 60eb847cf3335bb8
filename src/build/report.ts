/**
 * The preflight report: every finding of a build, grouped by kind, with its
 * manuscript place, as one HTML page a proofreader can keep open.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { CATALOGUE, severityOf, type VFile } from '../diagnostics/index.ts';

export interface ReportFacts {
  title: string;
  pages?: number;
  seconds: number;
  counts: Record<string, number>;
  /** Why this build wrote no PDF or EPUB (errors in the manuscript, a fault); the last good ones are kept. */
  failed?: string;
  /** A proof compared with an earlier one (build --since): the pages to read again (issue 23). */
  changes?: { since: string; changed: readonly string[]; moved: readonly string[]; deleted?: ReadonlyArray<{ page: string; text: string; count: number }> };
}

function changesSection(c: NonNullable<ReportFacts['changes']>) {
  const list = (pages: readonly string[]) => (pages.length ? pages.join('、') : '无');
  return h('section', { id: 'changes' }, [
    h('h2', `自 ${c.since} 以来的改动`),
    h('p', [h('strong', `改动的页（${c.changed.length}）：`), list(c.changed), '。页边有改动线的行，文字有改动，须重校。']),
    h('p', [h('strong', `仅版面移动的页（${c.moved.length}）：`), list(c.moved), '。文字未改，只是排版位置变了（页边有灰色虚线），可略看。']),
    ...(c.deleted?.length ? [
      h('p', [h('strong', `删除（${c.deleted.length}）：`), '页边红色短横所指处，上次校样的这些文字已删去。']),
      h('ul', c.deleted.map((d) => h('li', `${d.page ? `第 ${d.page} 页` : '（整篇已删）'}：删除“${d.text}……”${d.count > 1 ? `等 ${d.count} 处（段、标题、表格）` : ''}`))),
    ] : []),
  ]);
}

/** Kinds of finding, in the order a proofreader wants them. */
const GROUPS: Array<[string, RegExp]> = [
  ['存疑（未答）', /^query-/],
  ['书稿问题', /^(yaml|config|isbn|cip|file|manuscript|book|heading-level|part|entry|directive|gallery|index-term-empty|index-reading-invalid)/],
  ['图片', /^(figure|image)/],
  ['缺字', /^glyph/],
  ['排版：过松、超宽的行', /^line-/],
  ['排版：栏末落单的标题', /^heading-stranded/],
  ['排版：未排满的栏', /^column-short/],
  ['索引：没有页码的索引词', /^index-term-unplaced/],
  ['索引：按单字猜读的多音字（请核对读音）', /^index-reading-guess/],
  ['表格', /^table/],
  ['目录与页码', /^layout/],
  ['字数', /^word-count/],
  ['文字规范化', /^(normalize|control|paragraph)/],
];

function groupOf(ruleId: string): string {
  return GROUPS.find(([, re]) => re.test(ruleId))?.[0] ?? '其他';
}

export function preflightReport(files: readonly VFile[], facts: ReportFacts): string {
  const rows = files.flatMap((f) => f.messages.map((m) => ({
    group: groupOf(String(m.ruleId)), place: `${f.path}:${m.line ?? 1}:${m.column ?? 1}`, severity: severityOf(m), rule: String(m.ruleId), reason: m.reason,
  })));
  const order = [...GROUPS.map(([g]) => g), '其他'];
  const sections = order.filter((g) => rows.some((r) => r.group === g)).map((g) => {
    const mine = rows.filter((r) => r.group === g);
    return h('section', [
      h('h2', `${g}（${mine.length}）`),
      h('table', [
        h('thead', [h('tr', ['位置', '级别', '规则', '说明'].map((c) => h('th', c)))]),
        h('tbody', mine.map((r) => h('tr', { className: [r.severity] }, [h('td', h('code', r.place)), h('td', r.severity), h('td', h('code', r.rule)), h('td', r.reason)]))),
      ]),
    ]);
  });
  const summary = `${facts.pages !== undefined ? `${facts.pages} 页，` : ''}用时 ${facts.seconds.toFixed(1)} 秒；错误 ${facts.counts.error ?? 0}，警告 ${facts.counts.warning ?? 0}，提示 ${facts.counts.info ?? 0}`;
  const known = Object.keys(CATALOGUE).length;
  const tree = h('html', { lang: 'zh-Hans' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', `${facts.title} 排版检查报告`), h('style', '@font-face{font-family:nianjian-ui;src:url(/fonts/ui)}body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",nianjian-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}tr.error td{background:#fde8e8}tr.warning td{background:#fff6e0}p.failed{background:#fde8e8;padding:.5em}code{font-size:.9em;font-family:ui-monospace,monospace,nianjian-ui}')]),
    h('body', [h('h1', `${facts.title} 排版检查报告`), ...(facts.failed ? [h('p', { className: ['failed'] }, h('strong', `本次生成失败：${facts.failed}`))] : []), h('p', summary), ...(facts.changes ? [changesSection(facts.changes)] : []), ...(sections.length ? sections : [h('p', '没有发现问题。')]), h('p', { className: ['note'] }, `共 ${known} 种检查。`)]),
  ]);
  return `<!DOCTYPE html>\n${toHtml(tree)}\n`;
}
