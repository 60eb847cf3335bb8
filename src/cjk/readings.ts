/**
 * Readings of index headings (R-IDX step 2: by the pinyin of each character
 * as read in that heading). pinyin-pro reads by context, but not always as
 * a yearbook means it: 河长 is hé zhǎng, 分行 fēn háng, 载体 zàitǐ. The
 * project dictionary below holds that vocabulary; book.yaml's
 * index_readings are layered over it, both through pinyin-pro's custom
 * dictionary, which is set for one index build and cleared after it.
 */
import { clearCustomDict, convert, customPinyin, OutputFormat, pinyin, polyphonic, segment } from 'pinyin-pro';
import { isHan } from './classes.ts';

/** Yearbook vocabulary pinyin-pro reads otherwise (tone marks, one syllable per character). */
export const YEARBOOK_READINGS: Readonly<Record<string, string>> = {
  // 长 zhǎng: the head of something (河长制, 林长制, 街长制)
  河长: 'hé zhǎng', 湖长: 'hú zhǎng', 长制: 'zhǎng zhì', 林长: 'lín zhǎng', 街长: 'jiē zhǎng', 路长: 'lù zhǎng', 田长: 'tián zhǎng', 山长: 'shān zhǎng',
  校长: 'xiào zhǎng', 院长: 'yuàn zhǎng', 处长: 'chù zhǎng', 局长: 'jú zhǎng', 科长: 'kē zhǎng', 站长: 'zhàn zhǎng', 楼长: 'lóu zhǎng',
  // 长 cháng: lasting
  长效: 'cháng xiào', 区长效: 'qū cháng xiào', 长护险: 'cháng hù xiǎn',
  // 行 xíng / háng
  执行: 'zhí xíng', 行政: 'xíng zhèng', 行动: 'xíng dòng', 银行: 'yín háng', 分行: 'fēn háng', 支行: 'zhī háng', 行业: 'háng yè',
  // 载 zài, 量 liàng, 还 huán, 为 wèi, 供 gōng, 难 nàn
  载体: 'zài tǐ', 存量: 'cún liàng', 增量: 'zēng liàng', 总量: 'zǒng liàng', 还迁: 'huán qiān', 为民: 'wèi mín', 为企: 'wèi qǐ',
  为老: 'wèi lǎo', 供后: 'gōng hòu', 供热: 'gōng rè', 供暖: 'gōng nuǎn', 供地: 'gōng dì', 纾难: 'shū nàn', 解难: 'jiě nàn',
  // place names
  乐清: 'yuè qīng', 单县: 'shàn xiàn', 蚌埠: 'bèng bù', 六安: 'lù ān', 东阿: 'dōng ē', 番禺: 'pān yú', 铅山: 'yán shān',
};

/** What the index reads headings with: whole-heading readings (book.yaml index_readings) and words. */
export interface ReadingDictionary {
  /** Numbered pinyin for a whole heading or a word, the editor's (book.yaml index_readings). */
  words: Readonly<Record<string, string>>;
}

/** A reading as book.yaml and `pinyin=` write it: numbered syllables, "gong1 re4". */
const SYLLABLE = /^[a-zü]+[1-5]?$/;
const INITIAL_OK = /^(?:[bcdfghjklmnpqrstwxyz]|zh|ch|sh)?[aeiouüv]/;

/**
 * Checks a reading against its text: one syllable per hanzi, each letters
 * and a tone digit. A message (Chinese) when it is malformed, else undefined.
 */
export function readingProblem(text: string, reading: string): string | undefined {
  const syllables = reading.trim().split(/\s+/).filter(Boolean);
  const bad = syllables.find((s) => !SYLLABLE.test(s) || !INITIAL_OK.test(s.replace(/\d$/, '')));
  if (bad !== undefined) return `“${bad}”不是拼音音节（字母加声调数字，如 gong1）`;
  const hanCount = [...text].filter(isHan).length;
  if (syllables.length !== hanCount) return `读音有 ${syllables.length} 个音节，“${text}”有 ${hanCount} 个汉字`;
  return undefined;
}

/** Numbered pinyin to tone marks ("he2 zhang3" → "hé zhǎng"), as pinyin-pro's custom dictionary takes it. */
export function toneMarks(numbered: string): string {
  return convert(numbered.trim().replace(/\s+/g, ' '), { format: 'numToSymbol' });
}

/**
 * Runs `f` with the project dictionary and the editor's readings (over it)
 * in pinyin-pro's custom dictionary, then clears it: no reading leaks into
 * another book's index.
 */
export function withReadings<T>(dict: ReadingDictionary, f: () => T): T {
  const custom: Record<string, string> = { ...YEARBOOK_READINGS };
  for (const [word, reading] of Object.entries(dict.words)) {
    if ([...word].every(isHan) && readingProblem(word, reading) === undefined) custom[word] = toneMarks(reading);
  }
  clearCustomDict('pinyin');
  customPinyin(custom);
  try {
    return f();
  } finally {
    clearCustomDict('pinyin');
  }
}

/** Numbered pinyin of each hanzi of `text`, read in context (custom dictionary included). */
export function contextReadings(text: string): string[] {
  return pinyin(text, { type: 'array', toneType: 'num', nonZh: 'removed', v: true }) as string[];
}

/**
 * Polyphones whose other readings are common words (长 cháng/zhǎng, 行
 * xíng/háng, 重, 还, 为…). pinyin-pro counts rare readings too (会 kuài,
 * 和 huò, 作 zuō): flagging every one of those listed 715 of the sample's
 * 968 headings (and 129 with 传 chuán, 教 jiào, 与 yǔ… watched too), too
 * many to review, so only these are watched.
 */
const WATCHED_POLYPHONES = new Set('长行重还为供载量调乐单藏率朝处差干降觉难宁种转称当曲冲都');

/**
 * The watched polyphonic characters of `text` that pinyin-pro read on their
 * own, not as part of a word it or the custom dictionary knows: its
 * guesses, for an editor to check.
 */
export function singleCharacterGuesses(text: string): Array<{ char: string; reading: string }> {
  // Most headings have no watched character: nothing to segment (pinyin-pro's segmenter is the cost here).
  if (![...text].some((c) => WATCHED_POLYPHONES.has(c))) return [];
  const segments = segment(text, { format: OutputFormat.AllArray }) as Array<Array<{ origin: string; result: string }>>;
  return segments
    .filter((s) => s.length === 1 && WATCHED_POLYPHONES.has(s[0]!.origin) && (polyphonic(s[0]!.origin, { type: 'array' })[0]?.length ?? 0) > 1)
    .map((s) => ({ char: s[0]!.origin, reading: s[0]!.result }));
}
