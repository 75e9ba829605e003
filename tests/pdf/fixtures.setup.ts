import { printFixtures } from './print.mjs';

/**
 * vitest global setup: prints the PDF fixtures with Chromium once (tests/pdf/.cache, reused while the pages'
 * HTML is unchanged), before any test file asks for them.
 */
export default async function setup(): Promise<void> {
  await printFixtures();
}
