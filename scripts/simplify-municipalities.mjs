// Derives the web map's municipality outlines from refdata/municipalities/dagi_kommuner_2014_all.geojson
// (DAGI 2014, Geodatastyrelsen; trust A): each polygon ring simplified (Douglas–Peucker, 0.004°
// ≈ 300 m), rings under 0.0004 deg² (small islets) dropped, coordinates projected to a plane
// (x = lon·cos 56°, y = −lat) and rounded to 0.001. Trust C, derived. Node builtins only:
//   node scripts/simplify-municipalities.mjs
// writes apps/web/src/features/planning/map/municipalities.simplified.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'refdata/municipalities/dagi_kommuner_2014_all.geojson');
const target = path.join(root, 'apps/web/src/features/planning/map/municipalities.simplified.json');
const TOLERANCE = 0.004;
const MIN_AREA = 0.0004;
const K = Math.cos((56 * Math.PI) / 180);

function perpendicular(p, a, b) {
  const [x, y] = p;
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let max = 0;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const d = perpendicular(points[k], points[i], points[j]);
      if (d > max) [max, at] = [d, k];
    }
    if (max > TOLERANCE && at > 0) {
      keep[at] = true;
      stack.push([i, at], [at, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

const area = (ring) => Math.abs(ring.reduce((s, [x, y], k) => { const [x2, y2] = ring[(k + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0)) / 2;

const geo = JSON.parse(fs.readFileSync(source, 'utf8'));
const out = {};
for (const f of geo.features) {
  const code = f.properties.KOMKODE;
  if (code === '0411') continue; // Christiansø: not a municipality
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (area(outer.map(([lon, lat]) => [lon * K, lat])) < MIN_AREA) continue;
    const ring = simplify(outer.map(([lon, lat]) => [lon * K, lat]));
    if (ring.length < 4) continue;
    (out[code] ??= []).push(ring.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(-y * 1000) / 1000]));
  }
}
const meta = { source: 'refdata/municipalities/dagi_kommuner_2014_all.geojson (DAGI 2014, Geodatastyrelsen)', method: `Douglas–Peucker ${TOLERANCE}°, islets under ${MIN_AREA} deg² dropped, x = lon·cos 56°, y = −lat, 0.001`, trust: 'C, derived' };
fs.writeFileSync(target, `${JSON.stringify({ meta, rings: out })}\n`);
process.stdout.write(`${Object.keys(out).length} municipalities, ${(fs.statSync(target).size / 1024).toFixed(0)} kB → ${path.relative(root, target)}\n`);
