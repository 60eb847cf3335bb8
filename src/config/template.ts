/**
 * Page templates (templates/*.yaml): every measure of the page as data an
 * editor can copy and change, validated with errors that name the key.
 */
import { z } from 'zod';
import { report, type VFile } from '../diagnostics/index.ts';
import { PressSchema } from './press.ts';
import { templateProblems } from './template-sanity.ts';
import { loadYamlWithSchema } from './yaml-schema.ts';

const mm = z.number().positive().describe('毫米数（正数）');
const pt = z.number().positive().describe('点数（正数）');
const lines = z.number().int().positive().describe('行数（正整数）');
const heading = z.strictObject({ size_pt: pt, lines });

export const TemplateSchema = z.strictObject({
  page: z.strictObject({ width_mm: mm, height_mm: mm, top_mm: mm, inside_mm: mm }),
  body: z.strictObject({
    size_pt: pt, line_pitch_pt: pt, lines, columns: z.number().int().min(1).max(3), column_em: z.number().int().positive(),
    gutter_em: z.number().positive(),
  }),
  running_head: z.strictObject({ size_pt: pt, baseline_above_mm: mm, rule_above_mm: mm, rule_width_pt: pt }),
  folio: z.strictObject({ size_pt: pt, baseline_below_mm: mm }),
  headings: z.strictObject({
    part: z.strictObject({ size_pt: pt, top_mm: mm }),
    chapter: heading,
    section: heading,
    subsection: heading,
    keep_lines_after: z.number().int().min(0),
  }),
  article: z.strictObject({ title_size_pt: pt, title_lines: lines, byline_size_pt: pt }),
  caption: z.strictObject({
    size_pt: pt, credit_size_pt: pt, gap_lines: z.number().int().min(0),
    leading: z.number().min(1).max(3).default(1.5).describe('图注行距，字号的倍数（小五约 1.5 倍）'),
    gap_above_pt: z.number().min(0).default(4).describe('图片与图注之间的空白（pt）'),
  }),
  table: z.strictObject({
    size_pt: pt, rule_width_pt: pt, cell_padding_pt: z.number().min(0),
    rules: z.enum(['grid', 'three-line']).default('grid').describe('grid：全框线，外框加粗；three-line：三线表'),
  }),
  toc: z.strictObject({ size_pt: pt, line_pitch_pt: pt, part_size_pt: pt }),
  gallery: z.strictObject({
    per_page: z.number().int().min(2).max(6), title_size_pt: pt,
    layouts: z.array(z.array(z.number().int().min(1).max(3)).min(1).max(3)).min(1)
      .describe('彩页版式：每个版式列出各行的图片数，如 [1, 2] 为上一大图、下两图')
      .default([[1], [1, 2], [2, 1], [1, 1], [2, 2], [1, 1, 1], [2, 2, 2], [3, 3]]),
  }),
  /** 页下注: how notes are marked and numbered (src/derive/notes.ts, src/layout/footnotes.ts). */
  footnotes: z.strictObject({
    style: z.enum(['circled', 'arabic', 'bracketed', 'asterisk']).default('circled')
      .describe('注码：circled 为 ①②③，arabic 为 1 2 3，bracketed 为 〔1〕〔2〕，asterisk 为 * ** ***'),
    numbering: z.enum(['article', 'continuous', 'page']).default('article')
      .describe('编号：article 每篇文章（特载、专文的每一篇）从 1 起，continuous 全书连续编号，page 每页从 1 起'),
  }).prefault({}),
  index: z.strictObject({
    style: z.enum(['flat', 'two-level']).default('flat')
      .describe('flat：泛称加单位名成一条（区人大常委会概况）；two-level：泛称下分单位列二级条目（概况 → 区人大常委会 94）'),
  }).prefault({}),
  /** 印刷文件（build --press）: bleed, marks, colour; every key has a default. */
  press: PressSchema.prefault({}),
});

/** 版式: the validated page template. */
export type Template = z.infer<typeof TemplateSchema>;

/** Parses a template file; undefined (with messages naming the keys) when it cannot be used. */
export function loadTemplate(file: VFile): Template | undefined {
  const loaded = loadYamlWithSchema(file, TemplateSchema);
  if (!loaded) return undefined;
  const problems = templateProblems(loaded.data);
  for (const p of problems) report(file, loaded.read.placeOf(p.path), 'template-unusable', { file: loaded.read.label, reason: p.reason });
  return problems.length === 0 ? loaded.data : undefined;
}
