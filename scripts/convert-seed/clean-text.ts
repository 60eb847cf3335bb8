/**
 * Repairs the extraction damage of the seed text, one paragraph at a time:
 * wrap spaces, ASCII punctuation in Chinese text (R-NORM-1), straight quotes
 * (R-NORM-2), ellipses and dashes (R-NORM-3), spaces between hanzi and
 * Latin/digits (R-NORM-4), and OCR slips that the seed's own TOC or index
 * spells correctly.
 */

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width punctuation and symbols that never want a space beside them. */
const FW_PUNCT = '，。、；：？！（）“”‘’《》〈〉【】—…·～　〔〕';
const WIDE = `${HAN}${FW_PUNCT}`;

/**
 * OCR slips, each confirmed by the seed's own TOC or index (or by the
 * obvious word: 退役军人 appears 141 times, 退没 3 times).
 */
export const OCR_FIXES: ReadonlyArray<readonly [string, string]> = [
  ['现没', '现役'],
  ['退没', '退役'],
  ['川帼', '巾帼'],
  ['综迷', '综述'],
  ['综 迷', '综述'],
  ['天津介', '天津市'],
  ['河面区', '河西区'],
  ['城介管理', '城市管理'],
  ['招商引贷', '招商引资'],
  ['劳动哭状', '劳动奖状'],
  ['単晨阳', '单晨阳'],
  ['介场和质量', '市场和质量'],
  ['接派干部', '援派干部'],
  ['人物・荣誉', '人物·荣誉'],
];

export function fixOcr(text: string): string {
  let out = text;
  for (const [wrong, right] of OCR_FIXES) out = out.split(wrong).join(right);
  return out;
}

/** Removes `<mark>` tags left by the extractor. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?mark>/g, '');
}

/** Removes spaces the extractor left at line wraps and around wide characters. */
export function removeWrapSpaces(text: string): string {
  let out = text.replace(/[ \t\u00a0]+/g, ' ').trim();
  const wideGap = new RegExp(`([${WIDE}]) (?=[${WIDE}])`, 'gu');
  out = out.replace(wideGap, '$1');
  // R-NORM-4: hanzi next to Latin or digits takes no typed space.
  out = out.replace(new RegExp(`([${WIDE}]) (?=[A-Za-z0-9%"'(])`, 'gu'), '$1');
  out = out.replace(new RegExp(`([A-Za-z0-9%.)"']) (?=[${WIDE}])`, 'gu'), '$1');
  return out;
}

const ASCII_TO_FULL: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};

/** R-NORM-1: ASCII marks to full width, except inside numbers, times and Latin runs. */
export function widenPunctuation(text: string): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const full = ASCII_TO_FULL[ch];
      if (!full) return ch;
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      const digitBoth = /\d/.test(prev) && /\d/.test(next);
      if ((ch === ',' || ch === ':') && digitBoth) return ch; // 1,000 and 10:30
      if (ch === '(' && /[A-Za-z]/.test(prev)) return ch; // f(x)
      if (ch === ')' && /[A-Za-z0-9]/.test(prev) && /[A-Za-z]/.test(next)) return ch;
      return full;
    })
    .join('');
}

const OPEN_BEFORE = new Set([...'，。：；、！？（《“‘【—… \u3000']);
const CLOSE_AFTER = new Set([...'，。：；、！？）》”’】—…']);

/**
 * R-NORM-2: straight double quotes to “ ” by nesting parity, corrected by
 * context where the extraction lost a quote: after a pause mark or at the
 * start a quote opens; before a pause mark or at the end it closes.
 */
export function pairQuotes(text: string): string {
  const chars = [...text.replace(/'(?=[\u4e00-\u9fff"])/g, '"')];
  let isOpen = false;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '"') continue;
    const prev = i === 0 ? ' ' : chars[i - 1]!;
    const next = i === chars.length - 1 ? '。' : chars[i + 1]!;
    let opens = !isOpen;
    if (OPEN_BEFORE.has(prev) && !CLOSE_AFTER.has(next)) opens = true;
    else if (CLOSE_AFTER.has(next) && !OPEN_BEFORE.has(prev)) opens = false;
    chars[i] = opens ? '“' : '”';
    isOpen = opens;
  }
  return chars.join('');
}

/** R-NORM-3: ellipses and dashes in their Chinese forms. */
export function fixEllipsesAndDashes(text: string): string {
  return text
    .replace(/\.{3,}|。{3,}|…+/g, '……')
    .replace(/--+/g, '——')
    .replace(/—{3,}/g, '——');
}

/** Drops spaces that sit next to full-width punctuation after widening. */
function tidySpacesAroundPunct(text: string): string {
  const p = `[${FW_PUNCT.replace('　', '')}]`;
  return text.replace(new RegExp(` +(?=${p})`, 'gu'), '').replace(new RegExp(`(${p}) +`, 'gu'), '$1');
}

/** The whole repair of one paragraph of Chinese body text. */
export function cleanParagraph(raw: string): string {
  let text = stripMarkup(raw);
  text = fixOcr(text);
  text = removeWrapSpaces(text);
  text = widenPunctuation(text);
  text = pairQuotes(text);
  text = fixEllipsesAndDashes(text);
  text = tidySpacesAroundPunct(text);
  return removeWrapSpaces(text);
}

/** Heading text: cleaned, and letter-spacing from the print removed (综 述 → 综述). */
export function cleanHeading(raw: string): string {
  return cleanParagraph(raw).replace(new RegExp(`(?<=[${HAN}]) (?=[${HAN}])`, 'gu'), '');
}

/** Juxtaposed names or units keep their separation as an ideographic space (R-NORM-4). */
export function joinWithIdeographicSpace(parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('\u3000');
}
