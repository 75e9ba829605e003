import type { EditableField } from '../model/records.js';

/**
 * Why a request was refused. `message` names what was wrong and where, in English; `code` is stable, and with
 * `params` (the values the message names) lets the UI say the same in the user's language (`error_<code>`).
 */
export class EngineError extends Error {
  constructor(readonly code: string, message: string, readonly params: (string | number)[] = []) {
    super(message);
    this.name = 'EngineError';
  }
}

const STRING_FIELDS: EditableField[] = ['kicker', 'headline', 'subtitle', 'dateline', 'byline', 'continuedTo', 'continuedFrom'];
const LIST_FIELDS: EditableField[] = ['authors', 'paragraphs'];

/** Checks a correction before anything is written; the error names the field and what it should hold. */
export function checkPatch(patch: Record<string, unknown>): [EditableField, unknown][] {
  const out: [EditableField, unknown][] = [];
  for (const [k, v] of Object.entries(patch)) {
    const f = k as EditableField;
    if (STRING_FIELDS.includes(f)) {
      if (v !== null && typeof v !== 'string') throw new EngineError('bad-field', `field "${k}" must be text or null, got ${typeof v}`);
      out.push([f, typeof v === 'string' && !v.trim() ? null : v]);
    } else if (LIST_FIELDS.includes(f)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new EngineError('bad-field', `field "${k}" must be a list of text`);
      const list = (v as string[]).map((x) => x.trim()).filter(Boolean);
      if (f === 'paragraphs' && !list.length) throw new EngineError('bad-field', 'an article needs at least one paragraph');
      out.push([f, list]);
    } else {
      throw new EngineError('bad-field', `"${k}" is not a field that can be edited`);
    }
  }
  if (!out.length) throw new EngineError('bad-field', 'nothing to change');
  return out;
}

/** Refuses input nothing useful can come from, before anything is stored. */
export function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new EngineError('not-text', 'the input is not text');
  if (!/\S/.test(text)) throw new EngineError('empty', 'the text is empty: paste or drop a page first');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new EngineError('binary', `this looks like a binary file, not text (a NUL character at position ${nul})`, [nul]);
  return text;
}
