/**
 * Where a heading, title or caption may turn over: between words, never
 * inside one (issue 18). Words come from ICU's Chinese dictionary through
 * Intl.Segmenter; a yearbook vocabulary then joins what the dictionary splits
 * but a yearbook never does: organisation names (委员|会), document kinds
 * (统计|公报), fixed phrases of official writing.
 */
import { INTERPUNCT } from './classes.ts';

/**
 * Words a turnover must never split. ICU splits each of these into two or
 * more words; a longer name wins where two overlap.
 */
export const YEARBOOK_VOCABULARY: readonly string[] = [
  // organisations and their parts
  '委员会', '常务委员会', '人民代表大会', '代表大会', '联合会', '工作委员会', '领导小组', '办公室', '管理局', '管理委员会',
  '监察委员会', '纪律检查委员会', '人民政府', '人民法院', '人民检察院', '政治协商会议', '工商业联合会', '总工会', '共青团',
  '妇女联合会', '人民武装部', '公安局', '分局', '街道办事处', '办事处', '居委会', '村委会', '服务中心', '研究室', '统战部',
  '宣传部', '组织部', '政法委', '编委会', '民主党派', '工商联', '红十字会', '科学技术协会', '文学艺术界联合会',
  // parts of schools, in the 附录's lists (新华圣功学校（小学部）: ICU splits 小|学部)
  '小学部', '中学部', '初中部', '高中部', '幼儿园',
  // place names and documents
  '河西区', '天津市', '工作报告', '统计公报', '政府工作报告', '国民经济', '社会发展', '年鉴', '大事记', '编辑说明',
  // meetings named in titles (在区委十二届八次全会暨经济工作会议上的讲话)
  '工作会议', '经济工作会议', '全体会议',
  // events named in titles and run-in heads, and compounds ICU splits inside (消费|季, 民|营经济, 网络|安全, 建言|献策 were turned so;
  // not X会, which would also hold 推动|会议 whole)
  '嘉年华', '购物季', '消费季', '文化节', '民营经济', '网络安全', '建言献策',
  // fixed phrases of official writing
  '高质量', '高质量发展', '全力以赴', '全过程人民民主', '新时代', '习近平', '中国特色社会主义', '主题教育', '营商环境',
  '年轻干部', '干部队伍', '党风廉政建设', '全面从严治党', '乡村振兴', '一体推进', '不敢腐', '不能腐', '不想腐',
];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Chinese numerals with 第 before and a counter after (第十八届, 十二届八次, 二〇二三年): one word each. */
const NUMERAL_PHRASE = /第?[〇零一二三四五六七八九十百千万亿两]{1,}[届次个年月日号批条项期]?/gu;

/** Longest vocabulary word at each offset of `text`: offset → its length. */
function vocabularyAt(text: string, vocabulary: readonly string[]): Map<number, number> {
  const at = new Map<number, number>();
  for (const word of vocabulary) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if ((at.get(i) ?? 0) < word.length) at.set(i, word.length);
    }
  }
  return at;
}

/**
 * The UTF-16 offsets of `text` where a word ends and the next begins (never
 * 0 or text.length). A boundary inside a vocabulary word is dropped; a
 * vocabulary word across dictionary words does not add boundaries.
 */
export function wordBoundaries(text: string, vocabulary: readonly string[] = YEARBOOK_VOCABULARY): Set<number> {
  const out = new Set<number>();
  for (const s of segmenter.segment(text)) if (s.index > 0) out.add(s.index);
  for (const [start, length] of vocabularyAt(text, vocabulary)) {
    for (let k = start + 1; k < start + length; k++) out.delete(k);
  }
  for (const m of text.matchAll(NUMERAL_PHRASE)) {
    if (m[0].length < 2) continue;
    for (let k = m.index + 1; k < m.index + m[0].length; k++) out.delete(k);
  }
  return out;
}

/**
 * A short name in quotes is one word where a title or a TOC line turns over:
 * an event, a campaign, a slogan (“天津科普之夜” turned over as “天津 /
 * 科普之夜”, a proofreader marked it). Longer quotations turn over between
 * their words; a run-in head, which is justified, may turn inside one rather
 * than stand loose. The offsets inside such names.
 */
export function insideShortQuotes(text: string): number[] {
  const inside: number[] = [];
  for (const m of text.matchAll(SHORT_QUOTED)) for (let k = m.index + 1; k < m.index + m[0].length; k++) inside.push(k);
  return inside;
}

const SHORT_QUOTED = /[“‘《][^“”‘’《》]{1,6}[”’》]/gu;

/** The words of `text`, as the boundaries cut it (tests and bench join lines and look for cuts inside these). */
export function wordsOf(text: string, vocabulary: readonly string[] = YEARBOOK_VOCABULARY): string[] {
  const cuts = [0, ...[...wordBoundaries(text, vocabulary)].sort((a, b) => a - b), text.length];
  const words: string[] = [];
  for (let i = 1; i < cuts.length; i++) words.push(text.slice(cuts[i - 1], cuts[i]));
  return words;
}

/** An interpunct joins its words into one name (寻美·中国, 活力河西·哪吒): is `at` beside one, where a heading must not turn over? */
export function besideInterpunct(text: string, at: number): boolean {
  const isDot = (c: string | undefined) => c !== undefined && c !== '' && INTERPUNCT.includes(c);
  return isDot(text[at - 1]) || isDot(text[at]);
}
