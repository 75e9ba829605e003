import type { Channel, Language } from '../model/page.js';
import { wideRatio } from './chars.js';

/**
 * Guesses where the text came from. Copied e-paper pages keep one paragraph a line, often with an ideographic
 * indent, and carry navigation chrome; PDF extraction wraps every line at the column measure.
 */
export function detectChannel(text: string): Channel {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) return 'unknown';
  const indented = lines.filter((l) => /^\u3000{2}/.test(l)).length;
  const long = lines.filter((l) => l.trim().length > 60).length;
  if (indented >= 2 || (long >= 3 && long >= lines.length * 0.25)) return 'web';
  if (/PDF下载|返回目录|上一版|下一版|往期回顾/.test(text) && long >= 1) return 'web';
  return 'pdf';
}

export function detectLanguage(text: string): Language {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const r = wideRatio(sample);
  if (!/\S/.test(sample)) return 'unknown';
  return r > 0.3 ? 'zh' : r < 0.05 ? 'en' : 'mixed';
}
