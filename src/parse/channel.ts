import type { Channel, Language } from '../model/page.js';
import { displayWidth, endsSentence, wideRatio } from './chars.js';

/**
 * Guesses where the text came from. Copied e-paper pages keep one paragraph a line, often with an ideographic
 * indent, and carry navigation chrome; PDF extraction wraps every line at the column measure.
 */
export function detectChannel(text: string): Channel {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) return 'unknown';
  const indented = lines.filter((l) => /^\u3000{2}/.test(l)).length;
  // Lines wider than any newspaper column that end a sentence are whole paragraphs: copied, not extracted.
  const long = lines.filter((l) => displayWidth(l) > 45);
  const paragraphs = long.filter((l) => endsSentence(l)).length;
  if (indented >= 2 || (paragraphs >= 2 && paragraphs >= long.length * 0.6 && long.length >= lines.length * 0.2)) return 'web';
  if (/PDF下载|返回目录|上一版|下一版|往期回顾/.test(text) && paragraphs >= 1) return 'web';
  return 'pdf';
}

export function detectLanguage(text: string): Language {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const r = wideRatio(sample);
  if (!/\S/.test(sample)) return 'unknown';
  return r > 0.3 ? 'zh' : r < 0.05 ? 'en' : 'mixed';
}
