// The archive commands of the bundled CLI, run as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const JILIN = fileURLToPath(new URL('../fixtures/jilin-2022-11-11-p1.txt', import.meta.url));
let dir = '';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'presscut-exchange-'));
  writeFileSync(join(dir, 'en.txt'), 'Council Approves Budget\nBy JANE DOE\nThe city council approved the budget on Tuesday.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('presscut parse --format presscut / export-validate / convert', () => {
  it('turns a folder of pages into one archive that validates and converts', () => {
    const made = run(['parse', JILIN, 'en.txt', JILIN, '--format', 'presscut']);
    expect(made.code).toBe(0);
    writeFileSync(join(dir, 'a.json'), made.stdout);
    const v = run(['export-validate', 'a.json']);
    expect(v.stdout).toBe('a.json: valid Presscut archive, 2 clippings, 0 collections, 0 memberships, 0 annotations, 8 articles, 0 links\n');
    const csl = JSON.parse(run(['convert', 'a.json', '--to', 'csl-json']).stdout);
    expect(csl.map((i: { title: string }) => i.title)).toContain('Council Approves Budget');
    expect(run(['convert', 'a.json', '--to=ndjson']).stdout.trimEnd().split('\n')).toHaveLength(8);
    expect(run(['convert', 'a.json', '--to', 'markdown']).stdout).toMatch(/^# a\.json\n\n8 articles\n/);
  });

  it('names the problem and the line of a broken archive, exit code 2', () => {
    const good = run(['parse', JILIN, '--format', 'presscut']).stdout;
    writeFileSync(join(dir, 'cut.json'), good.slice(0, good.length >> 1));
    const r = run(['export-validate', 'cut.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^presscut: 'cut\.json' is not a valid Presscut archive: .*(truncated|line \d+)/);
    writeFileSync(join(dir, 'v2.json'), good.replace('"version":1', '"version":2'));
    expect(run(['convert', 'v2.json', '--to', 'ndjson']).stderr).toMatch(/version 2 is not supported.*update Presscut/);
  });

  it('refuses a missing or unknown target format', () => {
    writeFileSync(join(dir, 'b.json'), readFileSync(JILIN, 'utf8'));
    expect(run(['convert', 'b.json']).stderr).toMatch(/convert needs --to csl-json, markdown, ndjson/);
    expect(run(['convert', 'b.json', '--to', 'bibtex']).code).toBe(2);
    expect(run(['parse', JILIN, '--format', 'xml']).stderr).toMatch(/--format takes 'presscut'/);
  });
});
