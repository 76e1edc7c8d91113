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

// What XML 1.0 cannot hold at all, even escaped: C0 controls but tab, newline and return, the two
// non-characters U+FFFE and U+FFFF, and lone surrogates. A title holding one made the export invalid.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const xmlText = (s: string) => s.replace(NOT_XML, '');

function feedOutline(f: OpmlEntry): Record<string, string> {
  const title = xmlText(f.title ?? f.url);
  return {
    '@type': 'rss',
    '@text': title,
    '@title': title,
    '@xmlUrl': xmlText(f.url),
    ...(f.region ? { '@category': `/${xmlText(f.region)}` } : {}),
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
    .map(([region, list]) => ({
      '@text': xmlText(region),
      '@title': xmlText(region),
      outline: list.map(feedOutline),
    }));
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    opml: {
      '@version': '2.0',
      head: { title: xmlText(title), dateCreated: created.toUTCString() },
      body: { outline: [...folders, ...loose.map(feedOutline)] },
    },
  };
  return builder.build(doc);
}
