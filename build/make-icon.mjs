// Writes build/icon.png (512×512 RGBA): a gold eight-pointed star (two squares, the
// Rub el Hizb) with a green centre on a deep-green rounded square. No dependencies:
// the PNG is encoded by hand with node:zlib. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const GREEN = [15, 81, 50];
const GOLD = [212, 160, 23];
const LIGHT_GREEN = [25, 120, 75];

/** Colour (RGBA) of the point (x, y), both in 0..SIZE. */
function shade(x, y) {
  const cx = x - SIZE / 2;
  const cy = y - SIZE / 2;
  // Rounded square background.
  const half = SIZE / 2 - 8;
  const radius = 96;
  const qx = Math.abs(cx) - (half - radius);
  const qy = Math.abs(cy) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  if (outside > 0) return [0, 0, 0, 0];
  const r = Math.hypot(cx, cy);
  const s = 136;
  const inSquare = Math.abs(cx) <= s && Math.abs(cy) <= s;
  const inDiamond = Math.abs(cx + cy) / Math.SQRT2 <= s && Math.abs(cx - cy) / Math.SQRT2 <= s;
  if (r <= 34) return [...GOLD, 255];
  if (r <= 80) return [...LIGHT_GREEN, 255];
  if (inSquare || inDiamond) return [...GOLD, 255];
  return [...GREEN, 255];
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y += 1) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const [r, g, b, a] = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    const offset = row + 1 + x * 4;
    for (let c = 0; c < 3; c += 1) raw[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
header[10] = 0; // compression
header[11] = 0; // filter
header[12] = 0; // interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('./icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`wrote ${target.pathname} (${png.length} bytes)`);
