import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { residentSite } from '../fixtures/resident-site';
import { buildFinderData } from '../../src/lib/finder-index';
import { coreOf, foldQuery, normalise, searchFinder } from '../../src/lib/finder';

const labels = { institutionKind: (k: string) => k, groupKind: (k: string) => k, regionKind: (k: string) => k };
const data = buildFinderData(residentSite(), labels, [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })]);
const names = (query: string) => searchFinder(data, query).map((e) => e.name);

describe('finder data', () => {
  it('holds each institution with its Traditional forms, its groups and the groups it leads', () => {
    const matun = data.entries.find((e) => e.name === '麻屯镇卫生院')!;
    expect(matun).toMatchObject({ type: 'institution', href: '/institutions/matun/', groups: ['first'], leads: [] });
    expect(matun.tw).toContain('麻屯鎮衛生院');
    const people = data.entries.find((e) => e.name === '孟津县人民医院')!;
    expect(people.leads).toEqual(['first']);
    expect(people.keys).toContain('县人民医院');
  });

  it('links each group to its lead and its referral guide', () => {
    expect(data.groups.first).toMatchObject({
      href: '/groups/first/',
      lead: { name: '孟津县人民医院', href: '/institutions/people/' },
      referral: '/groups/first/referral/',
      place: '洛阳市孟津县',
    });
    expect(data.groups.urban.lead).toBeUndefined();
  });

  it('gives a region the groups serving it, covered territory included', () => {
    expect(data.entries.find((e) => e.name === '孟津县')!.groups).toEqual(['first', 'second']);
    expect(data.entries.find((e) => e.name === '偃师区')!.groups).toEqual(['urban']);
  });

  it('folds Traditional and variant characters back to Simplified', () => {
    expect(data.fold['鎮']).toBe('镇');
    expect(data.fold['衛']).toBe('卫');
    expect(data.fold['衞']).toBe('卫');
  });
});

describe('finder matching', () => {
  it('finds a township health centre by the township alone', () => {
    expect(names('小浪底')[0]).toBe('小浪底镇卫生院');
  });

  it('finds by Traditional characters, mixed scripts and Hong Kong variants', () => {
    expect(names('麻屯鎮衛生院')).toEqual(['麻屯镇卫生院']);
    expect(names('麻屯鎮卫生院')).toEqual(['麻屯镇卫生院']);
    expect(names('麻屯鎮衞生院')).toEqual(['麻屯镇卫生院']);
    expect(names('孟津縣')[0]).toBe('孟津县');
  });

  it('finds by an alias and despite a different generic word', () => {
    expect(names('会盟镇卫生院')).toEqual(['会盟卫生院']);
    expect(names('小浪底镇医院')).toEqual(['小浪底镇卫生院']);
    expect(names('孟津区')[0]).toBe('孟津县');
  });

  it('ranks an exact name above names that merely contain it', () => {
    expect(names('孟津县人民医院')[0]).toBe('孟津县人民医院');
    expect(names('孟津')[0]).toBe('孟津县');
  });

  it('ignores spaces and punctuation and finds nothing for nonsense or an empty query', () => {
    expect(names(' 麻屯 镇。')).toEqual(['麻屯镇卫生院']);
    expect(names('北京协和')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('镇卫生院').length).toBeGreaterThan(0);
  });

  it('keeps the helpers honest', () => {
    expect(normalise('A 麻屯，镇')).toBe('a麻屯镇');
    expect(foldQuery('麻屯鎮', { 鎮: '镇' })).toBe('麻屯镇');
    expect(coreOf('小浪底镇卫生院')).toBe('小浪底');
    expect(coreOf('镇卫生院')).toBe('');
  });

  it('limits the number of results', () => {
    expect(searchFinder(data, '卫生院', 2)).toHaveLength(2);
  });
});
