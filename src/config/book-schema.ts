/**
 * The schema of book.yaml: all book metadata (书目数据). Each field says, in
 * its description, what is expected, so a validation error can say it too.
 */
import { z } from 'zod';

const text = (what: string) => z.string().trim().min(1).describe(what);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('年-月，如 2024-11');

const roleNames = z.strictObject({
  // Roles are spread to the widest of their list (均排, layout/front-matter.ts): a sentence there would run off the page.
  role: z.string().trim().min(1).max(10).describe('职务，如“主任”，至多 10 个字（其他说明写在 note）'),
  names: z.array(text('姓名')).min(1).describe('姓名列表'),
  note: z.string().optional().describe('说明，如“按姓氏笔画为序”'),
});

const nameList = z.strictObject({
  title: text('名单标题'),
  members: z.array(roleNames).min(1).describe('职务与姓名的列表'),
});

/** Headings of these kinds of part go in the index; 特载、专文、大事记、统计资料、附录 do not. */
const PART_KIND = z.enum(['general', 'articles', 'chronicle', 'people', 'statistics', 'appendix']);
/** Sub-heads that name no unit and no subject: the printed book indexes none of them. */
export const DEFAULT_INDEX_EXCLUDE = ['综述', '重要会议', '重要活动', '主要工作与活动', '重点工作', '重点企业'];
/** Month headings (1月), numbered speech sections (一、…) and report parts (2023年主要工作回顾). */
export const DEFAULT_INDEX_EXCLUDE_PATTERNS = ['^\\d{1,2}月$', '^[一二三四五六七八九十]+、', '^\\d{4}年(主要)?工作'];
const regex = z.string().refine((s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } }, '不是有效的正则表达式').describe('正则表达式');

/** book.yaml `index:` — what the subject index (索引) lists and how it names recurring titles. */
const IndexRules = z.strictObject({
  levels: z.array(z.enum(['part', 'chapter', 'section', 'entry'])).prefault(['part', 'chapter', 'section', 'entry'])
    .describe('收哪些层次的标题：part（篇）、chapter（章）、section（分目）、entry（条目）'),
  part_kinds: z.array(PART_KIND).prefault(['general', 'people'])
    .describe('哪些类的篇收篇、章、分目标题：general、people、articles、chronicle、statistics、appendix'),
  exclude: z.array(text('标题')).prefault(DEFAULT_INDEX_EXCLUDE).describe('不进索引的标题（任何层次），如 综述'),
  exclude_patterns: z.array(regex).prefault(DEFAULT_INDEX_EXCLUDE_PATTERNS).describe('不进索引的标题的正则表达式，如 ^\\d{1,2}月$'),
  generic: z.strictObject({
    from_units: z.number().int().min(2).prefault(3).describe('同一标题出现在这么多个单位（章、分目）之下即为泛称，加单位名区分'),
    form: z.string().regex(/\{unit\}/).regex(/\{title\}/).prefault('{unit}{title}')
      .describe('泛称条目的写法，须含 {unit} 与 {title}，如 {unit}{title} 或 {title}（{unit}）'),
    titles: z.array(text('标题')).prefault([]).describe('无论出现几次都加单位名的标题'),
    unit_names: z.record(z.string(), text('单位简称')).prefault({}).describe('单位在索引中的简称，如 河西区人民代表大会常务委员会: 区人大常委会'),
  }).prefault({}).describe('泛称标题（概况、参政议政……）的处理：from_units、form、titles、unit_names'),
}).prefault({});

/** The index rules of book.yaml with their defaults. */
export type IndexRules = z.infer<typeof IndexRules>;

/** Numbered pinyin, one syllable per hanzi, separated by spaces: "gong1 re4". */
const READING = /^\s*[a-zü]+[1-5]?(\s+[a-zü]+[1-5]?)*\s*$/;

/** A reading has as many syllables as its word has hanzi (乐清: yue4 qing1). */
function syllablesPerHanzi(readings: Record<string, string>, ctx: z.RefinementCtx): void {
  for (const [word, reading] of Object.entries(readings)) {
    if (!READING.test(reading)) continue; // said once, by the pattern
    const han = [...word].filter((c) => /\p{Script=Han}/u.test(c)).length;
    const syllables = reading.trim().split(/\s+/).length;
    if (han !== syllables) ctx.addIssue({ code: 'custom', path: [word], message: `${han} 个音节（“${word}”有 ${han} 个汉字，读音有 ${syllables} 个音节）` });
  }
}

export const BookSchema = z.strictObject({
  title: text('书名'),
  year: z.number().int().min(1900).max(2200).describe('4 位年份'),
  volume: z.number().int().positive().optional().describe('卷次（正整数）'),
  compiler: text('编者'),
  language: z.string().default('zh-CN').describe('语言代码，如 zh-CN'),
  publisher: z.strictObject({
    name: text('出版者全称'),
    city: text('出版地'),
    address: text('地址'),
    postcode: z.string().regex(/^\d{6}$/).describe('6 位邮政编码（加引号）'),
    phone: text('电话'),
  }).describe('出版者：name、city、address、postcode、phone'),
  printer: text('承印单位'),
  isbn: text('ISBN，如 978-7-5738-1572-9'),
  cip: z.strictObject({
    description: text('CIP 著录文字，照 CIP 中心所发原文'),
    classification: text('分类号行，如 Ⅰ. Z522.13'),
    record_number: text('CIP 数据核字号，如 2024D0350H'),
    parallel_title: z.string().optional().describe('并列题名（拼音书名）'),
  }).describe('CIP 数据：description、classification、record_number'),
  format: z.strictObject({
    paper: z.string().regex(/^\d+ ?mm ?× ?\d+ ?mm$/).describe('纸张规格，如 889 mm×1194 mm'),
    fold: z.union([z.literal(8), z.literal(16), z.literal(32), z.literal(64)]).describe('开数：8、16、32 或 64'),
  }).describe('开本：paper 与 fold'),
  edition: z.strictObject({ number: z.number().int().positive().describe('版次'), date: yearMonth })
    .describe('版次：number 与 date'),
  printing: z.strictObject({ number: z.number().int().positive().describe('印次'), date: yearMonth })
    .describe('印次：number 与 date'),
  price: z.string().regex(/^\d+\.\d{2}元$/).describe('定价，如 268.00元'),
  word_count: z.string().regex(/^\d+ ?千字$/).optional().describe('字数，如 800 千字'),
  binding: z.strictObject({
    type: z.enum(['精装', '平装']).default('平装').describe('装订：精装 或 平装'),
    paper_caliper_mm: z.number().positive().max(1).default(0.1).describe('内文纸厚度（毫米，每张即两页），如 0.1'),
    board_mm: z.number().positive().max(5).default(2.5).describe('精装纸板厚度（毫米）'),
  }).prefault({}).describe('装订与纸张：type、paper_caliper_mm、board_mm（封面书脊宽由此计算）'),
  cover_image: z.string().optional().describe('封面图片，书稿目录下的路径，如 photos/cover.jpg：印在封面正面，出血'),
  editors: z.strictObject({
    responsible: text('责任编辑'),
    proofreader: text('责任校对'),
    art: z.string().optional().describe('美术编辑'),
  }).describe('责任编辑等：responsible、proofreader、art'),
  committee: nameList.optional(),
  editorial_office: nameList.optional(),
  template: z.string().default('yearbook-16k').describe('版式名（templates/ 下的文件名）'),
  punctuation: z.enum(['quanjiao', 'kaiming']).default('quanjiao').describe('quanjiao（全角式）或 kaiming（开明式）'),
  kinsoku: z.enum(['standard', 'strict']).default('standard').describe('standard（GB 法）或 strict'),
  build_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('生成日期，如 2024-11-01'),
  photos_are_placeholders: z.boolean().default(false).describe('true 或 false'),
  allow_queries: z.boolean().default(false).describe('true：存疑未答也生成付印稿（阅读本、送审本）；false（默认）：有未答存疑时不生成'),
  epub: z.strictObject({
    embed_fonts: z.boolean().default(false).describe('true：在 EPUB 中嵌入所用字的字体子集；false（默认）：用阅读器的字体'),
    isbn: z.string().optional().describe('电子书自己的 ISBN（有则写入 EPUB 标识与版权页；无则用由纸书书号算出的 UUID）'),
    price: z.string().regex(/^\d+\.\d{2}元$/).optional().describe('电子书定价，如 68.00元（不写则电子书版权页不印定价）'),
  }).default({ embed_fonts: false }),
  index_readings: z.record(z.string(), z.string().regex(READING, '每字一个拼音音节加声调数字，以空格分开，如 gong1 re4'))
    .superRefine(syllablesPerHanzi).default({})
    .describe('索引词读音，如 供热工作: gong1 re4 gong1 zuo4（编者的读音为准）'),
  index: IndexRules.describe('索引收词规则：levels、part_kinds、exclude、exclude_patterns、generic'),
});

/** 书目数据: the validated contents of book.yaml. */
export type BookSettings = z.infer<typeof BookSchema>;
