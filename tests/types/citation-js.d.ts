// The parts of citation.js the tests use; the package ships no types.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography' | 'citation' | 'data', options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-csl';
