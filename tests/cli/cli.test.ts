// Runs the bundled dist/cli.mjs in a child process, the way a user or a script calls it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SCHEMA_VERSION, type Page } from '../../src/model/page.js';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const PAGE = [
  '深入学习贯彻党的二十大精神',
  '',
  '新华社北京11月10日电 中共中央政治局常务委员会11月10日召开会议，听取新冠肺炎疫情防控工作汇报。',
  '',
  'STANFORD, Calif. — The university announced on Monday',
  'a new library for newspapers.',
  '',
].join('\n');

let dir = '';
const path = (name: string) => join(dir, name);

function run(args: string[], stdin?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [cli, ...args], { input: stdin ?? '', cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'presscut-cli-'));
  writeFileSync(path('page.txt'), PAGE);
  writeFileSync(path('empty.txt'), '');
  writeFileSync(path('blank.txt'), ' \n\t\r\n\u3000\u00a0\n');
  writeFileSync(path('binary.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x00, 0x46, 0x0a]));
  mkdirSync(path('folder'));
  writeFileSync(path('locked.txt'), PAGE);
  chmodSync(path('locked.txt'), 0o000);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('errors: exit 2 and one line on stderr naming the problem', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['missing file', ['parse', 'nope.txt'], /^presscut: cannot read 'nope\.txt': no such file$/],
    ['directory', ['parse', 'folder'], /^presscut: cannot read 'folder': it is a directory$/],
    ['empty file', ['parse', 'empty.txt'], /^presscut: 'empty\.txt' is empty/],
    ['whitespace-only file', ['parse', 'blank.txt'], /^presscut: 'blank\.txt' contains only whitespace/],
    ['binary file', ['parse', 'binary.pdf'], /^presscut: 'binary\.pdf' looks binary \(NUL byte at offset 3\)/],
    ['empty standard input', ['parse', '-'], /^presscut: standard input is empty/],
    ['no command', [], /^presscut: no command given/],
    ['unknown command', ['frobnicate', 'page.txt'], /^presscut: unknown command 'frobnicate'/],
    ['unknown option', ['parse', 'page.txt', '--xml'], /^presscut: unknown option '--xml' for 'parse'/],
    ['missing FILE', ['parse', '--json'], /^presscut: parse needs a FILE/],
    ['two FILEs', ['parse', 'page.txt', 'page.txt'], /^presscut: parse takes one FILE, got 2/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  // root reads files whatever their mode, so this case only exists for other users.
  it.skipIf(process.getuid?.() === 0)('unreadable file', () => {
    const r = run(['parse', 'locked.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("presscut: cannot read 'locked.txt': permission denied\n");
  });
});

describe('parse', () => {
  it('--help prints the usage with every command and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('presscut parse FILE [--json]');
    expect(r.stderr).toBe('');
  });

  it('--json prints the Page', () => {
    const r = run(['parse', 'page.txt', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const page = JSON.parse(r.stdout) as Page;
    expect(page.schemaVersion).toBe(PAGE_SCHEMA_VERSION);
    expect(Array.isArray(page.articles)).toBe(true);
    expect(Array.isArray(page.items)).toBe(true);
    expect(Array.isArray(page.warnings)).toBe(true);
  });

  it("'-' reads standard input and gives the same Page as the file", () => {
    const fromFile = run(['parse', 'page.txt', '--json']);
    const fromStdin = run(['parse', '-', '--json'], PAGE);
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('without --json prints an outline that agrees with the Page', () => {
    const page = JSON.parse(run(['parse', 'page.txt', '--json']).stdout) as Page;
    const r = run(['parse', 'page.txt']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const kinds = new Map<string, number>();
    for (const item of page.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    const articleLines = page.articles.length === 0 ? ['no articles'] : page.articles.map((_, i) => `${i + 1}. `);
    expect(lines).toHaveLength(articleLines.length + kinds.size + page.warnings.length);
    articleLines.forEach((start, i) => expect(lines[i]?.startsWith(start)).toBe(true));
    for (const [kind, n] of kinds) expect(lines).toContain(`${kind}: ${n}`);
  });

  it('decodes invalid UTF-8 with U+FFFD, warns on stderr and in the Page, and exits 0', () => {
    const good = Buffer.from('Headline 世界\nSome text ', 'utf8');
    // 0xff is never valid; e4 b8 is a 3-byte sequence cut short: 3 bytes replaced in all, the first at good.length.
    const bytes = Buffer.concat([good, Buffer.from([0xff]), Buffer.from('more text\n'), Buffer.from([0xe4, 0xb8])]);
    writeFileSync(path('latin1.txt'), bytes);
    const r = run(['parse', 'latin1.txt', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\uFFFD');
    const page = JSON.parse(r.stdout) as Page;
    const warning = page.warnings.find((w) => w.code === 'invalid-utf8');
    expect(warning?.message).toContain('3 bytes');
    expect(warning?.message).toContain(`byte offset ${good.length}`);
    expect(r.stderr).toBe(`presscut: warning: 'latin1.txt' is not valid UTF-8: 3 bytes replaced with U+FFFD, `
      + `the first at byte offset ${good.length}\n`);
  });
});
