import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { CliError } from './errors.js';
import { findInvalidUtf8, type Utf8Damage } from './utf8.js';
import { isPdf } from '../pdf/magic.js';

/** A decoded input file, ready for the segmenter. */
export interface Input {
  /** How messages name the input: `'page.txt'` or `standard input`. */
  label: string;
  text: string;
  /** Set when the bytes were not valid UTF-8 and some were replaced by U+FFFD. */
  damage: Utf8Damage | null;
  /** The raw bytes when the input is a PDF and the caller reads PDFs (`text` is then empty). */
  pdf?: Uint8Array;
}

/**
 * Reads FILE (or standard input for `-`) and decodes it as UTF-8; with `options.pdf`, a PDF (by its `%PDF-`
 * magic) comes back as bytes instead. Throws a CliError naming the problem and the
 * file when the input is missing, unreadable, empty, whitespace only or binary. Invalid UTF-8 is not an error:
 * a reader would rather see a page with a few U+FFFD than nothing, so it is decoded leniently and reported.
 */
export async function readInput(file: string, options: { pdf?: boolean } = {}): Promise<Input> {
  const label = file === '-' ? 'standard input' : `'${file}'`;
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (e) {
    throw new CliError(`cannot read ${label}: ${describeFsError(e)}`);
  }
  if (bytes.length === 0) throw new CliError(`${label} is empty: nothing to parse`);
  // Before the binary check: a PDF is binary, and a caller that reads PDFs wants its bytes.
  if (options.pdf && isPdf(bytes)) return { label, text: '', damage: null, pdf: bytes };
  // Text never contains NUL, while nearly every binary format (PDF streams, images, UTF-16) does.
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CliError(`${label} looks binary (NUL byte at offset ${nul}); expected UTF-8 text`);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw new CliError(`${label} contains only whitespace: nothing to parse`);
  // isUtf8 is native and fast; the byte-level scan only runs on the rare broken input.
  return { label, text, damage: isUtf8(bytes) ? null : findInvalidUtf8(bytes) };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
