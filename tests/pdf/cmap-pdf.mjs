// A PDF whose Chinese text can only be read with pdf.js's CMaps: a Type0 font named by the predefined encoding
// UniGB-UCS2-H (Adobe-GB1), not embedded and without a ToUnicode map, as older e-paper PDFs are set. Chromium
// embeds its fonts with Unicode maps, so this page is written by hand. Used by tests/pdf and the e2e tests to show
// the CMaps are shipped and found.

const hex = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * The PDF's bytes: one 600 × 800 pt page with `lines` ({ text, size, x, y } in PDF points, y from the bottom).
 * @param {{ text: string, size: number, x: number, y: number }[]} lines
 * @returns {Uint8Array}
 */
export function cmapPdf(lines) {
  const content = lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td <${hex(l.text)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out); // all ASCII: the text is in hex
}

/** A small news page: a headline and a body of three paragraphs, each a line or two. */
export const CMAP_PAGE = [
  { text: '老字号焕发新活力', size: 28, x: 60, y: 720 },
  { text: '本报讯（记者林青）近日，多家老字号企业推出新品，', size: 12, x: 60, y: 670 },
  { text: '吸引不少年轻消费者。', size: 12, x: 60, y: 652 },
  { text: '业内人士表示，老字号要守正创新，把传统工艺和现代', size: 12, x: 72, y: 630 },
  { text: '设计结合起来。', size: 12, x: 60, y: 612 },
];
