export function cmapPdf(lines: { text: string; size: number; x: number; y: number }[]): Uint8Array;
export const CMAP_PAGE: { text: string; size: number; x: number; y: number }[];
