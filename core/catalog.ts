// A catalogue of validated packs: lookup by pack and walkthrough id, and diacritics-free search (titles and aliases).

import { parsePack, type Pack, type PackError, type Walkthrough } from './pack';
import { foldText, matchesQuery } from './text';

export interface CatalogEntry {
  pack: Pack;
  walkthrough: Walkthrough;
}

export interface Catalog {
  packs: Pack[];
  /** Packs that failed validation, with the validator's messages; they are never used. */
  rejected: { index: number; errors: PackError[] }[];
  find(packId: string, walkthroughId: string): CatalogEntry | null;
  list(): CatalogEntry[];
  search(query: string): CatalogEntry[];
}

/** What a search looks in: the walkthrough's titles, its aliases (LLTP, CCCD, tiền điện…) and the pack's title. */
export function searchText(e: CatalogEntry): string {
  return [e.walkthrough.title.vi, e.walkthrough.title.en ?? '', ...(e.walkthrough.aliases ?? []), e.pack.title.vi].join(' ');
}

export function createCatalog(rawPacks: readonly unknown[], options: { trustedOrigins?: string[] } = {}): Catalog {
  const packs: Pack[] = [];
  const rejected: Catalog['rejected'] = [];
  rawPacks.forEach((raw, index) => {
    const r = parsePack(raw, options);
    if (r.ok) packs.push(r.pack);
    else rejected.push({ index, errors: r.errors });
  });
  const entries = packs.flatMap((pack) => pack.walkthroughs.map((walkthrough) => ({ pack, walkthrough })));
  return {
    packs,
    rejected,
    find: (packId, walkthroughId) =>
      entries.find((e) => e.pack.id === packId && e.walkthrough.id === walkthroughId) ?? null,
    list: () => entries,
    search: (query) => {
      if (!query.trim()) return entries;
      const hits = entries.filter((e) => matchesQuery(searchText(e), query));
      // Words that start words anywhere match ("tien dien": "chuyển tiền" + "ngân hàng điện tử"); the query
      // as one phrase of a title or an alias ("tiền điện") comes first. The sort is stable: pack order otherwise.
      const phrase = ` ${foldText(query)}`;
      const rank = (e: CatalogEntry): number => (` ${foldText(searchText(e))}`.includes(phrase) ? 0 : 1);
      return hits.map((e) => [rank(e), e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    },
  };
}
