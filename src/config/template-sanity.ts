/**
 * A template the schema accepts can still ask for a page no layout can
 * fill: `body.lines: 1` or `column_em: 1` sent the layout looking for a
 * place for every heading and line until it ran out of 4 GB. These checks
 * say which key makes the page impossible, at its line.
 */
import type { KeyPath } from './yaml-schema.ts';
import type { Template } from './template.ts';

export interface TemplateProblem {
  path: KeyPath;
  reason: string;
}

const MM_TO_PT = 72 / 25.4;

/** Bounds far outside any real book and inside what the layout can do. */
export const TEMPLATE_BOUNDS = {
  lines: [10, 200], columnEm: [8, 200], sizePt: [5, 30], pageMm: [50, 2000],
} as const;

function within(problems: TemplateProblem[], path: KeyPath, value: number, [min, max]: readonly [number, number], unit: string): void {
  if (value < min || value > max) problems.push({ path, reason: `${path.join('.')} 为 ${value}${unit}，应在 ${min}–${max}${unit} 之间` });
}

/** What makes the template's page impossible to fill; empty when it is usable. */
export function templateProblems(t: Template): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  within(problems, ['body', 'lines'], t.body.lines, TEMPLATE_BOUNDS.lines, ' 行');
  within(problems, ['body', 'column_em'], t.body.column_em, TEMPLATE_BOUNDS.columnEm, ' 字');
  within(problems, ['body', 'size_pt'], t.body.size_pt, TEMPLATE_BOUNDS.sizePt, ' pt');
  within(problems, ['page', 'width_mm'], t.page.width_mm, TEMPLATE_BOUNDS.pageMm, ' mm');
  within(problems, ['page', 'height_mm'], t.page.height_mm, TEMPLATE_BOUNDS.pageMm, ' mm');
  if (problems.length > 0) return problems;
  if (t.body.line_pitch_pt < t.body.size_pt) {
    problems.push({ path: ['body', 'line_pitch_pt'], reason: `行距 ${t.body.line_pitch_pt} pt 小于字号 ${t.body.size_pt} pt，行与行会重叠` });
  }
  const typeWidthMm = (t.body.columns * t.body.column_em + (t.body.columns - 1) * t.body.gutter_em) * t.body.size_pt / MM_TO_PT;
  if (t.page.inside_mm + typeWidthMm > t.page.width_mm) {
    problems.push({ path: ['body', 'column_em'], reason: `版心宽 ${typeWidthMm.toFixed(1)} mm 加订口 ${t.page.inside_mm} mm 超出页宽 ${t.page.width_mm} mm` });
  }
  const typeHeightMm = ((t.body.lines - 1) * t.body.line_pitch_pt + t.body.size_pt) / MM_TO_PT;
  if (t.page.top_mm + typeHeightMm > t.page.height_mm) {
    problems.push({ path: ['body', 'lines'], reason: `版心高 ${typeHeightMm.toFixed(1)} mm 加上边距 ${t.page.top_mm} mm 超出页高 ${t.page.height_mm} mm` });
  }
  if (problems.length > 0) return problems;
  problems.push(...placementProblems(t, typeHeightMm));
  const room = t.body.lines - t.headings.keep_lines_after - 1;
  for (const [path, lines] of [
    [['headings', 'chapter', 'lines'], t.headings.chapter.lines], [['headings', 'section', 'lines'], t.headings.section.lines],
    [['headings', 'subsection', 'lines'], t.headings.subsection.lines], [['article', 'title_lines'], t.article.title_lines],
    [['caption', 'gap_lines'], t.caption.gap_lines],
  ] as const) {
    if (lines > room) problems.push({ path, reason: `${path.join('.')} 为 ${lines} 行，一栏 ${t.body.lines} 行容不下它和其后的 ${t.headings.keep_lines_after} 行正文` });
  }
  return problems;
}

/** Text sizes (running head, folio, headings, captions, tables, contents) and display sizes (篇 titles, article and gallery titles). */
export const SIZE_BOUNDS = { text: [5, 30], display: [5, 72] } as const;

const mmOf = (pt: number) => pt / MM_TO_PT;
/** A bound in mm as a message gives it: one decimal, rounded inwards. */
const down = (mm: number) => Math.floor(mm * 10) / 10;
const up = (mm: number) => Math.ceil(mm * 10) / 10;

/**
 * Everything placed on the page by a distance (the running head and its
 * rule in the top margin, the folio in the bottom margin, the 篇 title from
 * the top edge) must stand on the page, and every size be one type can
 * have: a running head 500 mm above the type area was drawn off the paper,
 * with no message. Each problem says the value and the range it must be in.
 */
function placementProblems(t: Template, typeHeightMm: number): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const range = (path: KeyPath, value: number, [min, max]: readonly [number, number], what: string) => {
    if (max < min) problems.push({ path, reason: `${path.join('.')} 为 ${value} mm：${what}，但页边留不出它的位置（范围 ${min}–${max} mm 是空的），请先改小字号或加大页边` });
    else if (value < min || value > max) problems.push({ path, reason: `${path.join('.')} 为 ${value} mm，${what}应在 ${min}–${max} mm 之间，否则排到纸外或压住正文` });
  };
  for (const [path, size, bounds] of [
    [['running_head', 'size_pt'], t.running_head.size_pt, SIZE_BOUNDS.text], [['folio', 'size_pt'], t.folio.size_pt, SIZE_BOUNDS.text],
    [['headings', 'part', 'size_pt'], t.headings.part.size_pt, SIZE_BOUNDS.display], [['headings', 'chapter', 'size_pt'], t.headings.chapter.size_pt, SIZE_BOUNDS.text],
    [['headings', 'section', 'size_pt'], t.headings.section.size_pt, SIZE_BOUNDS.text], [['headings', 'subsection', 'size_pt'], t.headings.subsection.size_pt, SIZE_BOUNDS.text],
    [['article', 'title_size_pt'], t.article.title_size_pt, SIZE_BOUNDS.display], [['article', 'byline_size_pt'], t.article.byline_size_pt, SIZE_BOUNDS.text],
    [['caption', 'size_pt'], t.caption.size_pt, SIZE_BOUNDS.text], [['caption', 'credit_size_pt'], t.caption.credit_size_pt, SIZE_BOUNDS.text],
    [['table', 'size_pt'], t.table.size_pt, SIZE_BOUNDS.text], [['toc', 'size_pt'], t.toc.size_pt, SIZE_BOUNDS.text],
    [['toc', 'part_size_pt'], t.toc.part_size_pt, SIZE_BOUNDS.text], [['gallery', 'title_size_pt'], t.gallery.title_size_pt, SIZE_BOUNDS.display],
  ] as const) within(problems, path, size, bounds, ' pt');
  if (problems.length > 0) return problems;
  const headMm = mmOf(t.running_head.size_pt);
  // The running head's baseline and its rule stand in the top margin, the head's letters under the paper's edge.
  range(['running_head', 'baseline_above_mm'], t.running_head.baseline_above_mm, [0, down(t.page.top_mm - headMm)], `书眉基线在版心上边之上的距离（上边距 page.top_mm ${t.page.top_mm} mm 减去书眉字高 ${up(headMm)} mm）`);
  range(['running_head', 'rule_above_mm'], t.running_head.rule_above_mm, [0, down(t.page.top_mm)], `书眉线在版心上边之上的距离（不超过上边距 page.top_mm ${t.page.top_mm} mm）`);
  // The folio's letters stand under the type area (a line's height below its foot at least) and above the paper's edge.
  const bottomMm = t.page.height_mm - t.page.top_mm - typeHeightMm;
  const folioMm = mmOf(t.folio.size_pt);
  range(['folio', 'baseline_below_mm'], t.folio.baseline_below_mm, [up(folioMm), down(bottomMm - folioMm * 0.2)], `页码基线在版心下边之下的距离（下边距 ${down(bottomMm)} mm 之内，页码字高 ${up(folioMm)} mm）`);
  // A 篇 title of two lines and the rule under it stand between the paper's top and foot.
  const partMm = mmOf(t.headings.part.size_pt);
  range(['headings', 'part', 'top_mm'], t.headings.part.top_mm, [up(partMm), down(t.page.height_mm - partMm * 2.5)], `篇章页标题基线离纸的上边的距离（页高 page.height_mm ${t.page.height_mm} mm，标题两行共 ${up(partMm * 2.5)} mm）`);
  for (const [path, size, lines] of [
    [['headings', 'chapter', 'size_pt'], t.headings.chapter.size_pt, t.headings.chapter.lines], [['headings', 'section', 'size_pt'], t.headings.section.size_pt, t.headings.section.lines],
    [['headings', 'subsection', 'size_pt'], t.headings.subsection.size_pt, t.headings.subsection.lines],
  ] as const) {
    if (size > lines * t.body.line_pitch_pt) problems.push({ path, reason: `${path.join('.')} 为 ${size} pt，高过标题所占的 ${lines} 行（${lines * t.body.line_pitch_pt} pt），应不大于 ${lines * t.body.line_pitch_pt} pt，否则压住上下的正文` });
  }
  if (t.toc.line_pitch_pt < t.toc.size_pt) problems.push({ path: ['toc', 'line_pitch_pt'], reason: `toc.line_pitch_pt 为 ${t.toc.line_pitch_pt} pt，小于目录字号 ${t.toc.size_pt} pt，应不小于 ${t.toc.size_pt} pt，否则行与行重叠` });
  return problems;
}
