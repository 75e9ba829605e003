// Packages the bundled extension: copies its pages and locales, draws its icons, and writes one manifest per
// browser from the single source manifest.json. dist/chrome is complete first; dist/firefox is a copy of it with
// Firefox's manifest.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { iconPng } from './icons.mjs';

/** Pages and folders copied as they are: [source, name in the package]. */
const STATIC = [
  ['src/extension/offscreen/offscreen.html', 'offscreen.html'],
  ['ui/popup/popup.html', 'popup.html'],
  ['ui/sidepanel/sidepanel.html', 'sidepanel.html'],
  ['ui/options/options.html', 'options.html'],
  ['_locales', '_locales'],
  // pdf.js's CMaps (Chinese PDFs whose fonts lack a Unicode map read as nothing without them) and the standard
  // fonts' metrics, for the PDF reader in the engine worker (workers/pdf-reader.ts).
  ['node_modules/pdfjs-dist/cmaps', 'pdfjs/cmaps'],
  ['node_modules/pdfjs-dist/standard_fonts', 'pdfjs/standard_fonts'],
];
const ICON_SIZES = [16, 32, 48, 128];

/** Chrome ignores, with a warning on chrome://extensions, the keys only Firefox reads. */
export function chromeManifest(source) {
  const m = structuredClone(source);
  delete m.background.scripts;
  delete m.sidebar_action;
  delete m.browser_specific_settings;
  return m;
}

/** Firefox runs `background.scripts` as an event page and has a sidebar instead of a side panel and offscreen documents. */
export function firefoxManifest(source) {
  const m = structuredClone(source);
  delete m.background.service_worker;
  delete m.side_panel;
  m.permissions = m.permissions.filter((p) => p !== 'offscreen' && p !== 'sidePanel');
  return m;
}

/** Writes dist/chrome and dist/firefox around the bundles already built into `chromeDir`. */
export async function packageExtension(root, chromeDir, firefoxDir) {
  const chrome = join(root, chromeDir), firefox = join(root, firefoxDir);
  await Promise.all(STATIC.map(([from, to]) => cp(join(root, from), join(chrome, to), { recursive: true })));
  await mkdir(join(chrome, 'icons'), { recursive: true });
  await Promise.all(ICON_SIZES.map((s) => writeFile(join(chrome, 'icons', `icon-${s}.png`), iconPng(s))));
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  await writeFile(join(chrome, 'manifest.json'), JSON.stringify(chromeManifest(source), null, 2));
  await cp(chrome, firefox, { recursive: true });
  // Firefox's event page spawns the engine worker itself; the offscreen host is Chrome's workaround.
  await Promise.all(['offscreen.html', 'offscreen.js'].map((f) => rm(join(firefox, f))));
  await writeFile(join(firefox, 'manifest.json'), JSON.stringify(firefoxManifest(source), null, 2));
}
