// The toolbar and store icons, drawn at build time so that no binary files live in the repository: a newspaper
// sheet (headline bar, two columns of text) with a red clipping corner, on a dark rounded square.
import { deflateSync } from 'node:zlib';

const INK = [34, 48, 60];
const PAPER = [247, 244, 236];
const TEXT = [120, 128, 136];
const RED = [211, 63, 42];
const SUPERSAMPLE = 4;

/** Colour of the point (x, y) in a unit square, or null outside the icon. */
function shade(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const inSheet = x > 0.2 && x < 0.8 && y > 0.16 && y < 0.84;
  if (!inSheet) return INK;
  if (x + y > 1.38) return RED; // the corner being cut out
  if (y > 0.24 && y < 0.34 && x > 0.28 && x < 0.72) return INK; // headline
  const line = (y - 0.42) / 0.1;
  const inColumn = (x > 0.28 && x < 0.47) || (x > 0.53 && x < 0.72);
  if (line >= 0 && line < 4 && line % 1 < 0.5 && inColumn) return TEXT;
  return PAPER;
}

/** An RGBA PNG of the icon at `size` pixels, antialiased by supersampling. */
export function iconPng(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter type: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) {
        const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
        if (!c) continue;
        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1;
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const covered = acc[3] || 1;
      raw[o] = acc[0] / covered; raw[o + 1] = acc[1] / covered; raw[o + 2] = acc[2] / covered;
      raw[o + 3] = Math.round((acc[3] / (n * n)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
