export const WIDTH: number;
export const HEIGHT: number;
export interface Sheet { html: string; truth: unknown[] }
export interface Fixture { name: string; lang: 'zh' | 'en'; sheets: Sheet[] }
export function fixtures(): Fixture[];
export const SCAN_HTML: string;
export function documentHtml(bodies: string[]): string;
export function truthJson(name: string, lang: string, stories: unknown[]): { articles: TruthArticle[] };
export function paintPictures(): void;
export interface TruthArticle {
  titles: { kicker?: string; headline?: string; subtitle?: string }[];
  dateline: string | null;
  authors: string[];
  byline: string | null;
  paragraphs: string[];
  continuedTo: string | null;
  continuedFrom: string | null;
}
export function linkVariants(): { name: string; html: string }[];
