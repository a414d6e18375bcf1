// Draws the toolbar icons (a shield with a check) as PNGs into public/icons. Run once after
// changing the drawing; the PNGs are committed. No image library needed: PNG is zlib + CRC.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

function inShield(x, y) {
  // Unit square coordinates; a shield: flat top, straight sides, pointed bottom.
  if (y < 0.08 || y > 0.95) return false;
  if (y < 0.55) return x > 0.14 && x < 0.86;
  const half = 0.36 * (1 - (y - 0.55) / 0.4);
  return Math.abs(x - 0.5) < half;
}
function onCheck(x, y, w) {
  const seg = (ax, ay, bx, by) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) < w;
  };
  return seg(0.3, 0.48, 0.45, 0.64) || seg(0.45, 0.64, 0.72, 0.34);
}

function icon(size) {
  const rows = [];
  const ss = 4;
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let shield = 0, check = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size, y = (py + (sy + 0.5) / ss) / size;
          if (inShield(x, y)) {
            shield++;
            if (onCheck(x, y, size < 24 ? 0.09 : 0.07)) check++;
          }
        }
      const a = shield / (ss * ss), c = shield ? check / shield : 0;
      // #0b5fff shield, white check.
      row.push(Math.round(11 + (255 - 11) * c), Math.round(95 + (255 - 95) * c), 255, Math.round(255 * a));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
console.log('icons written to public/icons');
