/**
 * Where a Chinese postal address may turn over in a table's cell: after one
 * of its parts (天津市|河西区|琼州道|19号|增1号), never inside a part's
 * name or between a number and its 号. A dictionary does not know the
 * names: ICU splits 琼州|道 and 海|华里 (华里, a unit of length), so the
 * 附录's 名录 turned 琼州/道 and 2/号 (a proofreader's reading, session 38).
 * A part ends with one of the characters that name its kind (区, 路, 里,
 * 号, 楼 …); where such characters follow each other (街道, 号楼) the part
 * ends after the last. Marks and spaces are boundaries too.
 */
/** The last characters of an address's parts: divisions, streets and lanes, numbers, buildings and their parts. */
const PART_ENDS = new Set([...'省市区县旗镇乡街道路里巷弄村园苑庭院城厦号楼座层室门栋幢段侧口']);


/** A pause or closing mark stays with the part before it. */
const CLOSING = /[、，；：。）)]/u;
const AFTER_MARK = /[、，；：。）)\s\u3000-]/u;
const BEFORE_MARK = /[（(\s\u3000]/u;

/** A city, district or county named first (天津市, 河西区): where an address begins. */
const DIVISION_FIRST = /^[\p{sc=Han}]{1,6}[市区县]/u;

/**
 * A street or lane (路, 道, 街, 里, 巷, 弄) with a house number after it
 * (19号), or after a district named first: the text is an address. The
 * 名录's crossings have no number (河西区九华山路与小珠江道交口), and turned
 * 小珠江/道 and 交/口 as words.
 */
export function isAddress(text: string): boolean {
  const street = text.search(/[路道街里巷弄]/u);
  return street >= 0 && (DIVISION_FIRST.test(text) || /\d\s*号/u.test(text.slice(street + 1)));
}

/** Offsets where a part of the address ends and the next begins (after a part's end character, before anything but another such character). */
export function addressBoundaries(text: string): Set<number> {
  const cuts = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const here = text[i]!;
    const next = text[i + 1]!;
    if (CLOSING.test(next)) continue;
    if ((PART_ENDS.has(here) && !PART_ENDS.has(next)) || AFTER_MARK.test(here) || BEFORE_MARK.test(next)) cuts.add(i + 1);
  }
  return cuts;
}
