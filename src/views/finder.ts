/**
 * What the finder says when it finds nothing: the counties the site covers (so a resident of 球溪 learns that 资中县
 * is covered and can look there), or, at national size, how many and a link to the list of regions. Pure.
 */
import { pathOf, type Dataset } from '../data/dataset';
import { factSource, GENERAL_FACT } from './general-facts';
import { t } from '../i18n/zh-CN';

export interface FinderCoverage {
  /** Counties (and county-level cities, districts) served by a group, each linked to its region page; empty when too many to list. */
  counties: { name: string; href: string; place: string }[];
  /** How many there are in all. */
  total: number;
  /** Where the 12320 hotline the answer offers comes from: "国家卫生健康委；出处未核实". */
  hotlineSource: string;
  /** Whether the finder knows any village clinic (村卫生室): it invites such names only then. */
  villageClinics: boolean;
}

/** Most counties listed by name; beyond, the answer links to the regions list (2,100 names would bury the answer). */
export const COVERAGE_LISTED = 30;

const COUNTY_LEVEL = new Set(['county', 'county-level-city', 'district', 'development-zone']);

export function finderCoverage(dataset: Dataset, listed = COVERAGE_LISTED): FinderCoverage {
  const served = new Set<string>();
  for (const g of dataset.groups) {
    const counties = [g.region, ...g.coveredRegions].filter((id) => COUNTY_LEVEL.has(dataset.region.get(id)?.kind ?? ''));
    // A city's group with no county named: the city is what the site can point to.
    for (const id of counties.length ? counties : [g.region]) served.add(id);
  }
  const regions = dataset.regions.filter((r) => served.has(r.id));
  const hotline = dataset.reference.get(GENERAL_FACT.hotline);
  return {
    hotlineSource: hotline ? factSource(hotline) : t('fact.unverified'),
    villageClinics: dataset.villageClinics.size > 0,
    total: regions.length,
    counties:
      regions.length > listed
        ? []
        : regions.map((r) => ({
            name: r.name,
            href: `/regions/${r.id}/`,
            place: pathOf(dataset, r.id)
              .slice(0, -1)
              .map((p) => p.name)
              .join(''),
          })),
  };
}
