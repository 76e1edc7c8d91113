/** The raw parts of `/topics add <name> include a, b exclude c regions balkans`. */
export interface TopicWords {
  readonly name: string | undefined;
  readonly include: string[];
  readonly exclude: string[];
  readonly regions: string[];
}

const SECTIONS = ['include', 'exclude', 'regions'] as const;
type Section = (typeof SECTIONS)[number];

function isSection(word: string): word is Section {
  return (SECTIONS as readonly string[]).includes(word.toLowerCase());
}

/** Splits the words after `add` into the topic name and its comma-separated phrase lists. */
export function readTopicWords(words: readonly string[]): TopicWords {
  const [name, ...rest] = words;
  const parts: Record<Section, string[]> = { include: [], exclude: [], regions: [] };
  let section: Section = 'include';
  for (const word of rest) {
    if (isSection(word)) {
      section = word.toLowerCase() as Section;
      // A separator keeps "include a include b" from gluing a and b into one phrase.
      parts[section].push(',');
    } else {
      parts[section].push(word);
    }
  }
  const phrases = (list: string[]): string[] =>
    list
      .join(' ')
      .split(',')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter((p) => p !== '');
  return {
    name: name !== undefined && isSection(name) ? undefined : name,
    include: phrases(parts.include),
    exclude: phrases(parts.exclude),
    regions: phrases(parts.regions),
  };
}
