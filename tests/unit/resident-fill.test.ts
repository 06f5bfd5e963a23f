import { describe, expect, it } from 'vitest';
import { fill, tf } from '../../src/i18n/fill';

describe('UI strings with placeholders', () => {
  it('fills each placeholder and leaves unknown ones as written', () => {
    expect(fill('来源称 {label}，已公开名称 {named} 个。', { label: '13 个镇卫生院', named: 0 })).toBe('来源称 13 个镇卫生院，已公开名称 0 个。');
    expect(fill('{a}{b}', { a: 1 })).toBe('1{b}');
  });

  it('reads the template from the dictionary', () => {
    expect(tf('group.statedNamed', { label: '6 家卫生院', named: 2 })).toBe('来源称 6 家卫生院，已公开名称 2 个。');
  });
});
