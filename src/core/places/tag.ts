/** What place tagging reads. */
export interface PlaceInput {
  readonly title: string | null;
  readonly lede: string;
  readonly sentences: readonly string[];
}

export interface Places {
  readonly countries: string[];
  readonly regions: string[];
}

/** Countries and regions a story is about. (Lands with the Places issue.) */
export function tagPlaces(_input: PlaceInput): Places {
  return { countries: [], regions: [] };
}
