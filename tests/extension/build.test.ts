import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const manifest = (browser: string) => JSON.parse(readFileSync(join(root, 'dist', browser, 'manifest.json'), 'utf8'));

/** dist/ is built by the global setup, as `npm run build` builds it. */
describe('the extension build', () => {
  it('writes a Chrome package with a service worker, a side panel and an offscreen host', () => {
    const m = manifest('chrome');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.side_panel.default_path).toBe('sidepanel.html');
    expect(m.permissions).toEqual(expect.arrayContaining(['offscreen', 'sidePanel', 'activeTab', 'scripting']));
    expect(m).not.toHaveProperty('sidebar_action');
    expect(m).not.toHaveProperty('host_permissions');
    for (const f of ['background.js', 'offscreen.html', 'extract.js', 'engine.worker.js', 'popup.html', 'sidepanel.html', 'icons/icon-128.png', '_locales/zh_CN/messages.json']) {
      expect(existsSync(join(root, 'dist', 'chrome', f)), f).toBe(true);
    }
  });

  it('writes a Firefox package with an event page and a sidebar, without Chrome-only permissions', () => {
    const m = manifest('firefox');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('142.0');
    expect(m.permissions).not.toContain('offscreen');
    expect(m.permissions).not.toContain('sidePanel');
    expect(m).not.toHaveProperty('side_panel');
  });

  it('gives both packages the options page, the sync alarm and the optional hosts a sync server may live on', () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest(browser);
      expect(m.options_ui.page, browser).toBe('options.html');
      expect(existsSync(join(root, 'dist', browser, 'options.js')), browser).toBe(true);
      expect(m.permissions, browser).toContain('alarms');
      // Asked for at Save, for the one origin the reader entered; never granted up front.
      expect(m.optional_host_permissions, browser).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*']);
      expect(m, browser).not.toHaveProperty('host_permissions');
    }
  });

  it('passes web-ext lint on the Firefox package with no errors', { timeout: 240_000 }, async () => {
    const bin = join(root, 'node_modules', '.bin', 'web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', join(root, 'dist', 'firefox'), '--no-input', '--output', 'json'], { maxBuffer: 1 << 24 })
      .catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // web-ext exits non-zero when it finds errors; the report says which
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { code: string; message: string; file?: string }) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  });
});
