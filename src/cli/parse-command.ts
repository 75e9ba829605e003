import type { Warning } from '../model/page.js';
import { parsePage } from '../parse/index.js';
import type { Command } from './args.js';
import { CliError } from './errors.js';
import { formatOutline } from './outline.js';
import { readInput } from './read-input.js';
import { parseToArchive } from './exchange-commands.js';
import { parsePdf } from './parse-pdf.js';

/** `presscut parse FILE [--json]`: segments one page of text and prints an outline or the Page as JSON. */
export const parseCommand: Command = {
  usage: 'parse FILE [--json] | parse FILE.pdf [--json] [--page N | --pages] [--text] | parse FILE... --format presscut',
  summary: "split a page of newspaper text into articles ('-' reads standard input); --json prints the Page; " +
    'a PDF is read with its layout: page 1, --page N, or --pages (all, a JSON array), --text the rebuilt text; ' +
    '--format presscut writes one Presscut JSON archive of all the pages',
  options: ['--json', '--format', '--page', '--pages', '--text'],
  async run({ positionals, options, values }) {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new CliError("parse needs a FILE ('-' reads standard input)");
    if (options.has('--format')) {
      if (values.get('--format') !== 'presscut') throw new CliError(`parse --format takes 'presscut' (got ${values.get('--format') ?? 'nothing'})`);
      await parseToArchive(positionals);
      return 0;
    }
    if (extra.length > 0) throw new CliError(`parse takes one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
    const input = await readInput(file, { pdf: true });
    if (input.pdf) return parsePdf(input.pdf, input.label, { positionals, options, values, command: 'parse' });
    for (const o of ['--page', '--pages', '--text']) if (options.has(o)) throw new CliError(`${o} is for PDF input, and ${input.label} is text`);
    const page = parsePage(input.text, {});
    if (input.damage) {
      const { bytes, firstByte, firstChar } = input.damage;
      const detail = `${bytes} ${bytes === 1 ? 'byte' : 'bytes'} replaced with U+FFFD, the first at byte offset ${firstByte}`;
      const warning: Warning = {
        code: 'invalid-utf8',
        message: `input is not valid UTF-8: ${detail}`,
        span: { start: firstChar, end: firstChar + 1 },
      };
      // First, because it explains oddities in everything the segmenter says after it.
      page.warnings.unshift(warning);
      process.stderr.write(`presscut: warning: ${input.label} is not valid UTF-8: ${detail}\n`);
    }
    process.stdout.write(options.has('--json') ? JSON.stringify(page, null, 1) + '\n' : formatOutline(page));
    return 0;
  },
};
