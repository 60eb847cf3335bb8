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
