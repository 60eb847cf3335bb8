import { describe, expect, test } from 'vitest';
import { addressBoundaries, isAddress } from './address.ts';

const parts = (text: string) => {
  const cuts = [...addressBoundaries(text)].sort((a, b) => a - b);
  return [0, ...cuts].map((at, i) => text.slice(at, cuts[i] ?? text.length));
};

describe('a Chinese address turns over between its parts (the 附录 名录)', () => {
  test('names of streets and lanes stay whole; a number keeps its 号; 街道 and 号楼 are one part', () => {
    expect(parts('天津市河西区下瓦房街琼州道19号增1号')).toEqual(['天津市', '河西区', '下瓦房街', '琼州道', '19号', '增1号']);
    expect(parts('台儿庄路海华里4号楼底商1号、2号')).toEqual(['台儿庄路', '海华里', '4号楼', '底商1号、', '2号']);
    expect(parts('友谊路街道')).toEqual(['友谊路街道']);
    expect(parts('河西区九华山路与小珠江道交口')).toEqual(['河西区', '九华山路', '与小珠江道', '交口']);
  });

  test('an address is a street or lane with a house number after it', () => {
    expect(isAddress('河西区解放南路518号万科水晶城东北角')).toBe(true);
    expect(isAddress('平山道君禧华庭97号')).toBe(true);
    expect(isAddress('河西区九华山路与小珠江道交口')).toBe(true);
    expect(isAddress('河西区白云山路与郁江道交口郁江道东走80米')).toBe(true);
    expect(isAddress('天津市河西区市场监督管理局')).toBe(false);
    expect(isAddress('大沽南路小学')).toBe(false);
    expect(isAddress('新华圣功学校（小学部）')).toBe(false);
  });
});
