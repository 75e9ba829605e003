/** What an e-paper's edition line states: `《人民日报》（2026年09月15日 第 01 版）`. */
export interface Edition {
  newspaper: string;
  /** ISO date. */
  published: string;
  page: string | null;
}

const EDITION = /《([^》]{2,20})》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*第\s*([0-9A-Z]{1,4})\s*版)?/;

/** Reads an edition line, or returns null when the text is not one. */
export function parseEdition(text: string): Edition | null {
  const m = EDITION.exec(text);
  if (!m) return null;
  const [, newspaper, y, mo, d, page] = m;
  return { newspaper: newspaper!, published: `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`, page: page ?? null };
}
