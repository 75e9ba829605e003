/** The folder the fixture PDFs are printed to (git-ignored). */
export const CACHE: string;
/** Prints the fixture PDFs into `dir` (default CACHE) unless they are there for the same HTML; resolves to `dir`. */
export function printFixtures(dir?: string): Promise<string>;
