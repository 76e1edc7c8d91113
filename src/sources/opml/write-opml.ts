import { XMLBuilder } from 'fast-xml-parser';

/** A feed to list in an OPML file. */
export interface OpmlEntry {
  readonly url: string;
  readonly title: string | null;
  readonly region: string | null;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

function feedOutline(f: OpmlEntry): Record<string, string> {
  const title = f.title ?? f.url;
  return {
    '@type': 'rss',
    '@text': title,
    '@title': title,
    '@xmlUrl': f.url,
    ...(f.region ? { '@category': `/${f.region}` } : {}),
  };
}

/**
 * An OPML 2.0 document of `feeds`, in folders by region (feeds without a region at the top level).
 * Each feed also carries its region as `category`, so readers that flatten folders keep it.
 */
export function writeOpml(feeds: readonly OpmlEntry[], title: string, created: Date): string {
  const byRegion = new Map<string, OpmlEntry[]>();
  const loose: OpmlEntry[] = [];
  for (const f of feeds) {
    if (f.region) byRegion.set(f.region, [...(byRegion.get(f.region) ?? []), f]);
    else loose.push(f);
  }
  const folders = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, list]) => ({ '@text': region, '@title': region, outline: list.map(feedOutline) }));
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    opml: {
      '@version': '2.0',
      head: { title, dateCreated: created.toUTCString() },
      body: { outline: [...folders, ...loose.map(feedOutline)] },
    },
  };
  return builder.build(doc);
}
