import { ARCHIVE_FORMAT, ARCHIVE_VERSION, OPTIONAL_SECTIONS, SECTIONS, type ArchiveHeader, type Section, type SectionCounts, type SectionRecords } from './format.js';

/** Where an export reads its records from: the database, a selection, a search result. */
export interface ArchiveSource {
  counts: SectionCounts;
  records<S extends Section>(section: S): AsyncIterable<SectionRecords[S]>;
}

const CHUNK = 256 * 1024;

/**
 * Writes an archive as a stream of text chunks, one record per line, never holding more than one chunk: a
 * 100,000-article archive costs the memory of a few records.
 * @example
 * for await (const chunk of writeArchive(source, { generator: 'presscut 0.1.0' })) out.write(chunk);
 */
export async function* writeArchive(src: ArchiveSource, meta: { generator: string; exportedAt?: string }): AsyncGenerator<string> {
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: meta.exportedAt ?? new Date().toISOString(),
    generator: meta.generator, counts: src.counts,
  };
  let buf = JSON.stringify(header).slice(0, -1) + ',\n';
  // An optional section the source does not count is left out, as files written before it had it.
  const sections = SECTIONS.filter((s) => !OPTIONAL_SECTIONS.has(s) || typeof src.counts[s] === 'number');
  for (let k = 0; k < sections.length; k++) {
    const section = sections[k]!;
    buf += `"${section}":[\n`;
    let first = true;
    for await (const r of src.records(section)) {
      buf += (first ? '' : ',\n') + JSON.stringify(r);
      first = false;
      if (buf.length >= CHUNK) { yield buf; buf = ''; }
    }
    buf += (first ? '' : '\n') + (k + 1 < sections.length ? '],\n' : ']}\n');
  }
  yield buf;
}
