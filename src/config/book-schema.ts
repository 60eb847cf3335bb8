/**
 * The schema of book.yaml: all book metadata (书目数据). Each field says, in
 * its description, what is expected, so a validation error can say it too.
 */
import { z } from 'zod';

const text = (what: string) => z.string().trim().min(1).describe(what);
/**
 * Pinyin syllables with optional tone digits, spaced or not: gong1 re4,
 * gong1re4. Each letter run is ended by a digit or a space, never split two
 * ways: `([a-zü]+[1-5]?\s*)+` could split “gongregongzuo” in exponentially
 * many ways and hung `check` on a reading typed without spaces (issue 16).
 */
export const PINYIN_READING = /^[a-zü]+(?:(?:[1-5]\s*|\s+)[a-zü]+)*[1-5]?\s*$/;
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('年-月，如 2024-11');

const roleNames = z.strictObject({
  role: text('职务，如“主任”'),
  names: z.array(text('姓名')).min(1).describe('姓名列表'),
  note: z.string().optional().describe('说明，如“按姓氏笔画为序”'),
});

const nameList = z.strictObject({
  title: text('名单标题'),
  members: z.array(roleNames).min(1).describe('职务与姓名的列表'),
});

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
  epub: z.strictObject({
    embed_fonts: z.boolean().default(false).describe('true：在 EPUB 中嵌入所用字的字体子集；false（默认）：用阅读器的字体'),
  }).default({ embed_fonts: false }),
  index_readings: z.record(z.string(), z.string().regex(PINYIN_READING).describe('拼音读音，字母小写、声调数字 1–5，如 gong1 re4')).default({})
    .describe('索引词读音，如 供热工作: gong1 re4 gong1 zuo4（编者的读音为准）'),
});

/** 书目数据: the validated contents of book.yaml. */
export type BookSettings = z.infer<typeof BookSchema>;
