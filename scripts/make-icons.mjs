// Draws the toolbar icons (a shield with a check) as PNGs into public/icons. Run once after
// changing the drawing; the PNGs are committed. Encoded with pngjs (a maintained PNG library).
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

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
  const png = new PNG({ width: size, height: size });
  const ss = 4;
  for (let py = 0; py < size; py++) {
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
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(11 + (255 - 11) * c);
      png.data[i + 1] = Math.round(95 + (255 - 95) * c);
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * a);
    }
  }
  return PNG.sync.write(png);
}
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
console.log('icons written to public/icons');
