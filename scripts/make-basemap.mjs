#!/usr/bin/env node
// Generates static/map/toulouse-centre.geojson (and its .br/.gz copies, which adapter-node serves):
// the built-in base map of /map, a simplified drawing of the demo city's centre.
//
// Everything below is drawn by hand with approximate WGS 84 coordinates (lat, lng), checked
// against the demo places so that no marker falls in the Garonne (tests/unit/map-projection.test.ts
// verifies it). The rows of buildings are laid along these streets by a seeded generator: the
// same input always gives the same file. Usage: node scripts/make-basemap.mjs
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const OUT = new URL('../static/map/toulouse-centre.geojson', import.meta.url);
const M_LAT = 111_200;
const M_LNG = 111_320 * Math.cos((43.6 * Math.PI) / 180);

function chaikin(pts, n = 2) {
  for (let k = 0; k < n; k++) {
    const out = [pts[0]];
    for (let i = 0; i < pts.length - 1; i++) {
      const [a, b] = [pts[i], pts[i + 1]];
      out.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]], [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    out.push(pts[pts.length - 1]);
    pts = out;
  }
  return pts;
}

/** Offsets a (lat, lng) polyline by widths[i] metres to its left (side 1) or right (side -1). */
function offset(axis, widths, side) {
  return axis.map(([la, ln], i) => {
    const a = axis[Math.max(0, i - 1)];
    const b = axis[Math.min(axis.length - 1, i + 1)];
    const dy = (b[0] - a[0]) * M_LAT;
    const dx = (b[1] - a[1]) * M_LNG;
    const L = Math.hypot(dx, dy);
    const w = widths[i] * side;
    return [la + ((dx / L) * w) / M_LAT, ln + ((-dy / L) * w) / M_LNG];
  });
}

const r5 = (x) => Math.round(x * 1e5) / 1e5;
const ll = (pts) => pts.map((p) => [r5(p[1]), r5(p[0])]);
const features = [];
const add = (type, coordinates, properties) => features.push({ type: 'Feature', properties, geometry: { type, coordinates } });
const closed = (pts) => (pts[0][0] === pts.at(-1)[0] && pts[0][1] === pts.at(-1)[1] ? pts : [...pts, pts[0]]);
const poly = (pts, props) => add('Polygon', [ll(closed(pts))], props);
const line = (pts, props) => add('LineString', ll(pts), props);
const rect = (n, w, s, e) => [[n, w], [n, e], [s, e], [s, w]];
const ellipse = (lat, lng, r, ry = r, k = 20) =>
  Array.from({ length: k }, (_, i) => [lat + (Math.sin((2 * Math.PI * i) / k) * ry) / M_LAT, lng + (Math.cos((2 * Math.PI * i) / k) * r) / M_LNG]);
const labelAt = (lat, lng) => [r5(lng), r5(lat)];
const mean = (pts) => [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];

// ---------------------------------------------------------------------------------------------
// The Garonne: an axis (south → north, then its bend to the north-west) with half-widths (m).
const garonneAxis = [
    [43.5790, 1.4355], [43.5820, 1.4370], [43.5850, 1.4382], [43.5880, 1.4391], [43.5905, 1.4396],
    [43.5930, 1.4398], [43.5955, 1.4397], [43.5975, 1.4393], [43.5993, 1.4383], [43.6010, 1.4373],
    [43.6025, 1.4362], [43.6036, 1.4350], [43.6044, 1.4340], [43.6053, 1.4327], [43.6060, 1.4305],
    [43.6068, 1.4280], [43.6078, 1.4250], [43.6088, 1.4220], [43.6096, 1.4190], [43.6104, 1.4160],
    [43.6118, 1.4130], [43.6140, 1.4105], [43.6170, 1.4085], [43.6200, 1.4070],
];
const halfWidths = [95, 95, 90, 85, 80, 80, 78, 72, 58, 60, 62, 60, 48, 40, 48, 62, 70, 75, 75, 78, 80, 85, 90, 90];
const smoothAxis = chaikin(garonneAxis, 3);
const widths = smoothAxis.map((p) => {
  const d = garonneAxis.map((a) => Math.hypot((p[0] - a[0]) * M_LAT, (p[1] - a[1]) * M_LNG));
  const i = d.indexOf(Math.min(...d));
  let j = i + 1 < garonneAxis.length && (i === 0 || d[i + 1] < d[i - 1]) ? i + 1 : i - 1;
  if (j < 0) j = i;
  const t = d[i] + d[j] > 0 ? d[i] / (d[i] + d[j]) : 0;
  return halfWidths[i] * (1 - t) + halfWidths[j] * t;
});
poly([...offset(smoothAxis, widths, 1), ...offset(smoothAxis, widths, -1).reverse()], { class: 'river', name: 'Garonne' });
line(smoothAxis.slice(6, -6), { class: 'river-label', name: 'Garonne', minzoom: 13 });

// Canal de Brienne (Bazacle → Ponts-Jumeaux), Canal du Midi (Ponts-Jumeaux → east, then south)
// and the Canal latéral leaving Ponts-Jumeaux to the north.
const brienne = [[43.6059, 1.4343], [43.6072, 1.4305], [43.6085, 1.4265], [43.6098, 1.4228], [43.6110, 1.4196], [43.6116, 1.4186]];
line(brienne, { class: 'canal', name: 'Canal de Brienne', minzoom: 14 });
const midi = chaikin([
    [43.6116, 1.4186], [43.6124, 1.4228], [43.6133, 1.4278], [43.6139, 1.4330], [43.6144, 1.4380],
    [43.6142, 1.4420], [43.6135, 1.4460], [43.6121, 1.4500], [43.6106, 1.4530], [43.6091, 1.4554],
    [43.6070, 1.4570], [43.6045, 1.4580], [43.6020, 1.4588], [43.6000, 1.4590], [43.5975, 1.4588],
    [43.5955, 1.4583], [43.5935, 1.4592], [43.5913, 1.4613], [43.5895, 1.4640], [43.5878, 1.4672],
    [43.5862, 1.4705],
], 2);
line(midi, { class: 'canal', name: 'Canal du Midi', minzoom: 13 });
line(chaikin([[43.6116, 1.4186], [43.6135, 1.4180], [43.6160, 1.4172], [43.6190, 1.4160], [43.6220, 1.4150]], 2), { class: 'canal', name: 'Canal latéral', minzoom: 15 });

// ---------------------------------------------------------------------------------------------
// The ring of boulevards around the old town (clockwise from the Bazacle).
const duportal = [[43.6052, 1.4350], [43.6068, 1.4362], [43.6085, 1.4380], [43.6098, 1.4398]];
const arcole = [[43.6098, 1.4398], [43.6104, 1.4413], [43.6107, 1.4432], [43.6110, 1.4455]];
const strasbourg = [[43.6110, 1.4455], [43.6095, 1.4470], [43.6080, 1.4483], [43.6066, 1.4494]];
const carnot = [[43.6066, 1.4494], [43.6045, 1.4512], [43.6022, 1.4526], [43.6000, 1.4536]];
const verdier = [[43.6000, 1.4536], [43.5980, 1.4539], [43.5966, 1.4536]];
const guesde = [[43.5952, 1.4522], [43.5944, 1.4485], [43.5935, 1.4462], [43.5927, 1.4445]];
const feuga = [[43.5927, 1.4445], [43.5916, 1.4430], [43.5906, 1.4412]];
const ringParts = [
  [duportal, 'Boulevard Armand-Duportal'], [arcole, 'Boulevard d’Arcole'], [strasbourg, 'Boulevard de Strasbourg'],
  [carnot, 'Boulevard Lazare-Carnot'], [verdier, null], [guesde, 'Allées Jules-Guesde'], [feuga, 'Allées Paul-Feuga'],
];

// The old town inside the boulevards, bounded on the west by the right bank's quays.
const quaySide = offset(smoothAxis, widths.map((w) => w + 12), -1).filter((p) => p[0] >= 43.5906 && p[0] <= 43.6052 && p[1] > 1.433);
const centre = [...duportal, ...arcole.slice(1), ...strasbourg.slice(1), ...carnot.slice(1), ...verdier.slice(1), [43.5958, 1.4531], ...guesde, ...feuga.slice(1), ...quaySide];
poly(centre, { class: 'centre' });

// Districts (labelled polygons, approximate).
const districts = [
    ['Capitole', [[43.5996, 1.4393], [43.6010, 1.4384], [43.6024, 1.4371], [43.6040, 1.4357], [43.6052, 1.4350],
                  [43.6062, 1.4366], [43.6063, 1.4420], [43.6066, 1.4494], [43.6045, 1.4512], [43.6022, 1.4526],
                  [43.6008, 1.4495], [43.6005, 1.4470], [43.6002, 1.4445], [43.5999, 1.4420]], [43.6049, 1.4405]],
    ['Saint-Sernin – Arnaud-Bernard', [[43.6052, 1.4350], [43.6068, 1.4362], [43.6085, 1.4380], [43.6098, 1.4398], [43.6104, 1.4413],
                  [43.6107, 1.4432], [43.6110, 1.4455], [43.6095, 1.4470], [43.6080, 1.4483], [43.6066, 1.4494],
                  [43.6063, 1.4420], [43.6062, 1.4366]], [43.6072, 1.4398]],
    ['Carmes', [[43.5996, 1.4393], [43.5999, 1.4420], [43.6002, 1.4445], [43.5985, 1.4458], [43.5968, 1.4470],
                [43.5944, 1.4485], [43.5935, 1.4462], [43.5927, 1.4445], [43.5916, 1.4430], [43.5906, 1.4412],
                [43.5940, 1.4410], [43.5970, 1.4405]], [43.5955, 1.4437]],
    ['Saint-Étienne', [[43.6002, 1.4445], [43.6005, 1.4470], [43.6008, 1.4495], [43.6022, 1.4526], [43.6000, 1.4536],
                       [43.5980, 1.4539], [43.5966, 1.4536], [43.5958, 1.4531], [43.5952, 1.4522], [43.5944, 1.4485],
                       [43.5968, 1.4470], [43.5985, 1.4458]], [43.5985, 1.4500]],
    ['Saint-Aubin', [[43.6066, 1.4494], [43.6078, 1.4515], [43.6090, 1.4537], [43.6098, 1.4556], [43.6070, 1.4570],
                     [43.6045, 1.4580], [43.6020, 1.4588], [43.6003, 1.4589], [43.6002, 1.4562], [43.6000, 1.4536],
                     [43.6022, 1.4526], [43.6045, 1.4512]], [43.6038, 1.4550]],
    ['Saint-Cyprien', [[43.5915, 1.4380], [43.5960, 1.4383], [43.5990, 1.4368], [43.6015, 1.4350], [43.6035, 1.4330],
                       [43.6047, 1.4312], [43.6055, 1.4285], [43.6062, 1.4255], [43.6040, 1.4225], [43.5990, 1.4215],
                       [43.5940, 1.4230], [43.5910, 1.4290]], [43.5985, 1.4298]],
    ['Compans-Caffarelli', [[43.6060, 1.4343], [43.6085, 1.4265], [43.6116, 1.4186], [43.6124, 1.4228], [43.6133, 1.4278],
                            [43.6139, 1.4330], [43.6132, 1.4342], [43.6115, 1.4346], [43.6100, 1.4350], [43.6085, 1.4357],
                            [43.6068, 1.4362], [43.6052, 1.4350]], [43.6112, 1.4290]],
    ['Les Chalets', [[43.6098, 1.4398], [43.6085, 1.4380], [43.6085, 1.4357], [43.6100, 1.4350], [43.6115, 1.4346],
                     [43.6132, 1.4342], [43.6139, 1.4330], [43.6144, 1.4380], [43.6142, 1.4420], [43.6135, 1.4460],
                     [43.6121, 1.4500], [43.6106, 1.4530], [43.6098, 1.4556], [43.6090, 1.4537], [43.6078, 1.4515],
                     [43.6066, 1.4494], [43.6080, 1.4483], [43.6095, 1.4470], [43.6110, 1.4455], [43.6107, 1.4432],
                     [43.6104, 1.4413]], [43.6126, 1.4420]],
    ['Saint-Michel', [[43.5906, 1.4412], [43.5916, 1.4430], [43.5927, 1.4445], [43.5935, 1.4462], [43.5944, 1.4485],
                      [43.5952, 1.4522], [43.5935, 1.4560], [43.5880, 1.4545], [43.5840, 1.4500], [43.5835, 1.4430],
                      [43.5870, 1.4412]], [43.5880, 1.4470]],
];
districts.forEach(([name, pts, lab], i) => poly(pts, { class: 'district', name, label: labelAt(...lab), tint: i % 3, minzoom: 13.5 }));

// Parks and gardens.
const parks = [
    ['Jardin des Plantes', [[43.5944, 1.4503], [43.5941, 1.4531], [43.5926, 1.4542], [43.5914, 1.4530], [43.5916, 1.4506], [43.5929, 1.4494]], [43.5929, 1.4517]],
    ['Jardin Royal', rect(43.5976, 1.4499, 43.5961, 1.4522), null],
    ['Grand Rond', ellipse(43.5958, 1.4531, 62), null],
    ['Prairie des Filtres', [[43.5948, 1.4372], [43.5952, 1.4388], [43.5968, 1.4387], [43.5984, 1.4379], [43.5986, 1.4366], [43.5966, 1.4364]], [43.5966, 1.4376]],
    ['Jardin Raymond VI', rect(43.6029, 1.4289, 43.6014, 1.4309), null],
    ['Jardin Compans-Caffarelli', [[43.6127, 1.4318], [43.6128, 1.4340], [43.6110, 1.4341], [43.6106, 1.4322]], [43.6119, 1.4330]],
    ['Square Charles-de-Gaulle', rect(43.6046, 1.4450, 43.6036, 1.4461), null],
    ['Jardin Pierre-Goudouli', rect(43.6062, 1.4497, 43.6055, 1.4508), null],
    ['Port Saint-Sauveur', [[43.5962, 1.4573], [43.5960, 1.4579], [43.5945, 1.4583], [43.5946, 1.4577]], null],
    ['Île du Ramier', [[43.5790, 1.4372], [43.5830, 1.4383], [43.5862, 1.4390], [43.5878, 1.4392], [43.5862, 1.4400], [43.5830, 1.4398], [43.5795, 1.4388]], [43.5835, 1.4390]],
];
for (const [name, pts, lab] of parks) {
  poly(pts, { class: 'park', name, label: labelAt(...(lab ?? mean(pts))), minzoom: lab ? 15.5 : 16.5 });
}

// Squares (pedestrian areas).
const squares = [
    ['Place du Capitole', rect(43.6050, 1.4424, 43.6038, 1.4439), 15],
    ['Place Saint-Pierre', [[43.6045, 1.4366], [43.6046, 1.4381], [43.6036, 1.4383], [43.6034, 1.4369]], 16],
    ['Place Wilson', ellipse(43.6050, 1.4487, 42, 34), 15.5],
    ['Place Esquirol', rect(43.6006, 1.4440, 43.5999, 1.4451), 16],
    ['Place des Carmes', rect(43.5984, 1.4441, 43.5976, 1.4451), 16],
    ['Place Saint-Georges', rect(43.6018, 1.4474, 43.6010, 1.4486), 16.5],
    ['Place Saint-Sernin', rect(43.6095, 1.4405, 43.6077, 1.4436), 17],
    ['Place Saint-Étienne', rect(43.6005, 1.4499, 43.5996, 1.4511), 16.5],
    ['Place Arnaud-Bernard', rect(43.6106, 1.4399, 43.6098, 1.4412), 16.5],
    ['Place Jeanne-d’Arc', rect(43.6115, 1.4458, 43.6106, 1.4474), 16.5],
    ['Place du Salin', rect(43.5931, 1.4437, 43.5921, 1.4452), 16.5],
    ['Place Dupuy', ellipse(43.5999, 1.4553, 48), 17],
    ['Place de la Daurade', rect(43.6019, 1.4388, 43.6012, 1.4398), 17],
    ['Place Saint-Aubin', rect(43.6021, 1.4549, 43.6013, 1.4561), 17],
    ['Place Saint-Cyprien', ellipse(43.5979, 1.4268, 38), 16.5],
    ['Place Roguet', rect(43.5986, 1.4305, 43.5978, 1.4316), 17],
];
for (const [name, pts, minzoom] of squares) poly(pts, { class: 'square', name, label: labelAt(...mean(pts)), minzoom });

// Landmark buildings (brick). Saint-Sernin's plan is a Latin cross.
function cross(lat, lng) {
  return [[0.00015, -0.0008], [0.00015, -0.00002], [0.0003, -0.00002], [0.0003, 0.00022], [0.00015, 0.00022], [0.00015, 0.00045], [0, 0.0006],
    [-0.00015, 0.00045], [-0.00015, 0.00022], [-0.0003, 0.00022], [-0.0003, -0.00002], [-0.00015, -0.00002], [-0.00015, -0.0008]].map(([a, b]) => [lat + a, lng + b]);
}
const buildings = [
    ['Capitole', rect(43.6052, 1.4440, 43.6036, 1.4449)],
    ['Basilique Saint-Sernin', cross(43.6086, 1.4418)],
    ['Cathédrale Saint-Étienne', [[43.6003, 1.4511], [43.6004, 1.4526], [43.6001, 1.4531], [43.5997, 1.4531], [43.5995, 1.4526], [43.5996, 1.4511]]],
    ['Couvent des Jacobins', rect(43.6039, 1.4393, 43.6032, 1.4411)],
    ['Musée des Augustins', rect(43.6003, 1.4461, 43.5995, 1.4474)],
    ['Hôtel d’Assézat', rect(43.6009, 1.4414, 43.6003, 1.4423)],
    ['Halle aux Grains', ellipse(43.5999, 1.4553, 30, undefined, 8)],
    ['Marché Victor-Hugo', rect(43.6061, 1.4470, 43.6053, 1.4483)],
    ['Basilique de la Daurade', rect(43.6020, 1.4392, 43.6012, 1.4400)],
    ['Hôtel-Dieu Saint-Jacques', rect(43.5999, 1.4362, 43.5988, 1.4372)],
    ['Dôme de la Grave', [[43.6000, 1.4335], [43.6001, 1.4350], [43.5988, 1.4352], [43.5987, 1.4337]]],
    ['Les Abattoirs', rect(43.6018, 1.4283, 43.6008, 1.4296)],
    ['Espace EDF Bazacle', [[43.6058, 1.4336], [43.6057, 1.4343], [43.6053, 1.4341], [43.6054, 1.4335]]],
    ['Gare Matabiau', [[43.6118, 1.4523], [43.6120, 1.4548], [43.6109, 1.4551], [43.6107, 1.4527]]],
    ['Muséum', rect(43.5942, 1.4491, 43.5935, 1.4502)],
    ['Médiathèque José-Cabanis', rect(43.6113, 1.4552, 43.6105, 1.4565)],
    ['Donjon du Capitole', rect(43.6043, 1.4453, 43.6039, 1.4459)],
];
for (const [name, pts] of buildings) poly(pts, { class: 'building', name });

// Railway out of Matabiau.
line(chaikin([[43.6118, 1.4540], [43.6140, 1.4548], [43.6170, 1.4552], [43.6205, 1.4548]], 2), { class: 'rail' });
line(chaikin([[43.6109, 1.4547], [43.6095, 1.4580], [43.6070, 1.4603], [43.6030, 1.4618], [43.5990, 1.4625], [43.5950, 1.4632], [43.5905, 1.4650]], 2), { class: 'rail' });

// ---------------------------------------------------------------------------------------------
// Roads. rank: primary (boulevards, allées), secondary (main streets), street, bridge.
function road(pts, name, rank, minzoom) {
  const props = { class: 'road', rank };
  if (name) props.name = name;
  if (minzoom !== undefined) props.minzoom = minzoom;
  line(pts, props);
}
for (const [pts, name] of ringParts) road(pts, name, 'primary', 14.5);
road([[43.5966, 1.4536], [43.5958, 1.4531], [43.5952, 1.4522]], null, 'primary');
road([[43.6066, 1.4494], [43.6078, 1.4515], [43.6090, 1.4537], [43.6100, 1.4557]], 'Allées Jean-Jaurès', 'primary', 14.5);
road([[43.6000, 1.4536], [43.6002, 1.4562], [43.6003, 1.4590]], 'Allées François-Verdier', 'primary', 15.5);
road([[43.6052, 1.4350], [43.6060, 1.4343]], null, 'primary');
road([[43.6068, 1.4362], [43.6085, 1.4357], [43.6100, 1.4350], [43.6115, 1.4346], [43.6132, 1.4342], [43.6139, 1.4333]], 'Boulevard Lascrosses', 'primary', 15);
const brienneRoad = offset(brienne, brienne.map(() => 40), 1);
road(brienneRoad, 'Allées de Brienne', 'secondary', 15.5);
road(offset(midi.slice(0, 22), Array(22).fill(38), -1), 'Boulevard de la Marquette', 'secondary', 15.5);
road(offset(midi.slice(22, 46), Array(24).fill(40), -1), 'Boulevard Pierre-Sémard', 'secondary', 16);
road(offset(midi.slice(44, 64), Array(20).fill(42), 1), 'Boulevard Riquet', 'secondary', 16);
road([[43.6144, 1.4390], [43.6165, 1.4398], [43.6200, 1.4408]], 'Avenue des Minimes', 'secondary', 16);
road([[43.6110, 1.4455], [43.6125, 1.4462], [43.6140, 1.4468]], 'Boulevard de la Gare', 'street', 17);

// Bridges.
road([[43.6000, 1.4397], [43.5992, 1.4363]], 'Pont Neuf', 'bridge', 15.5);
road([[43.6041, 1.4362], [43.6029, 1.4334]], 'Pont Saint-Pierre', 'bridge', 16);
road([[43.5908, 1.4410], [43.5902, 1.4378]], 'Pont Saint-Michel', 'bridge', 16);
road([[43.6077, 1.4291], [43.6059, 1.4268]], 'Pont des Catalans', 'bridge', 16);

// Main streets.
road([[43.6001, 1.4452], [43.6020, 1.4458], [43.6042, 1.4464], [43.6065, 1.4466], [43.6090, 1.4466], [43.6108, 1.4462]], 'Rue d’Alsace-Lorraine', 'secondary', 15);
road([[43.6000, 1.4397], [43.6001, 1.4420], [43.6003, 1.4445], [43.6005, 1.4470], [43.6008, 1.4495]], 'Rue de Metz', 'secondary', 15);
road([[43.6008, 1.4495], [43.6002, 1.4511]], null, 'street');
road([[43.6046, 1.4449], [43.6048, 1.4466], [43.6050, 1.4480]], 'Rue Lafayette', 'street', 16.5);
road([[43.6048, 1.4433], [43.6062, 1.4432], [43.6076, 1.4426], [43.6080, 1.4425]], 'Rue du Taur', 'street', 16);
road([[43.6038, 1.4435], [43.6022, 1.4437], [43.6011, 1.4440], [43.6006, 1.4442]], 'Rue Saint-Rome', 'street', 16.5);
road([[43.5999, 1.4443], [43.5992, 1.4440], [43.5984, 1.4444]], 'Rue des Filatiers', 'street', 17);
road([[43.6040, 1.4428], [43.6031, 1.4418], [43.6022, 1.4410], [43.6012, 1.4401]], 'Rue Léon-Gambetta', 'street', 16.5);
road([[43.6004, 1.4428], [43.6018, 1.4409], [43.6026, 1.4398], [43.6036, 1.4386]], 'Rue Peyrolières', 'street', 17);
road([[43.6041, 1.4424], [43.6041, 1.4400], [43.6041, 1.4383]], 'Rue Pargaminières', 'street', 16.5);
road([[43.6050, 1.4443], [43.6075, 1.4446], [43.6100, 1.4449]], 'Rue de Rémusat', 'street', 16.5);
road([[43.6050, 1.4427], [43.6072, 1.4414], [43.6098, 1.4402]], 'Rue des Lois', 'street', 17);
road([[43.6089, 1.4423], [43.6089, 1.4466]], 'Rue de Périgord', 'street', 17);
road([[43.5998, 1.4413], [43.5978, 1.4421], [43.5962, 1.4428]], 'Rue de la Dalbade', 'street', 17);
road([[43.6002, 1.4448], [43.5985, 1.4458], [43.5968, 1.4470], [43.5950, 1.4481]], 'Rue du Languedoc', 'secondary', 16);
road([[43.6005, 1.4470], [43.6003, 1.4490], [43.6004, 1.4499]], 'Rue Croix-Baragnon', 'street', 17);
road([[43.6012, 1.4470], [43.6030, 1.4478], [43.6047, 1.4484]], 'Rue des Arts', 'street', 17);
road([[43.5976, 1.4446], [43.5955, 1.4448], [43.5931, 1.4445]], 'Rue Pharaon', 'street', 17);
road([[43.5985, 1.4460], [43.5978, 1.4484], [43.5972, 1.4499]], 'Rue Ozenne', 'street', 17);
road([[43.6085, 1.4481], [43.6097, 1.4505], [43.6107, 1.4527]], 'Rue Bayard', 'street', 16.5);
road([[43.6045, 1.4512], [43.6052, 1.4545], [43.6060, 1.4575]], 'Rue de la Colombette', 'street', 16.5);
road([[43.6022, 1.4526], [43.6017, 1.4555], [43.6012, 1.4585]], 'Rue Riquet', 'street', 17);
road([[43.5921, 1.4448], [43.5895, 1.4455], [43.5865, 1.4462], [43.5835, 1.4468]], 'Grande-Rue Saint-Michel', 'secondary', 16);
road([[43.5952, 1.4522], [43.5925, 1.4545], [43.5900, 1.4560]], 'Allées Frédéric-Mistral', 'secondary', 16.5);
road([[43.5997, 1.4397], [43.6010, 1.4386], [43.6023, 1.4374], [43.6036, 1.4362], [43.6047, 1.4351]], 'Quai de la Daurade', 'secondary', 16);
road([[43.5908, 1.4412], [43.5935, 1.4413], [43.5960, 1.4410], [43.5982, 1.4404], [43.5997, 1.4397]], 'Quai de Tounis', 'secondary', 16);
// Saint-Cyprien (left bank).
road([[43.5992, 1.4363], [43.5988, 1.4335], [43.5984, 1.4312], [43.5980, 1.4282]], 'Rue de la République', 'secondary', 15.5);
road([[43.6029, 1.4334], [43.6018, 1.4315], [43.6005, 1.4298], [43.5992, 1.4280], [43.5980, 1.4268]], 'Allées Charles-de-Fitte', 'primary', 15.5);
road([[43.5978, 1.4265], [43.5940, 1.4285], [43.5900, 1.4298], [43.5860, 1.4305]], 'Avenue de Muret', 'secondary', 16);
road([[43.5980, 1.4262], [43.5990, 1.4225], [43.5998, 1.4190]], 'Avenue de Grande-Bretagne', 'secondary', 16);
road([[43.6029, 1.4334], [43.6036, 1.4300], [43.6043, 1.4262], [43.6050, 1.4225]], 'Avenue Étienne-Billières', 'secondary', 16.5);
road([[43.5902, 1.4378], [43.5930, 1.4372], [43.5955, 1.4362], [43.5985, 1.4356], [43.5992, 1.4363]], 'Cours Dillon', 'street', 17);
road([[43.6025, 1.4338], [43.6005, 1.4346], [43.5990, 1.4352]], 'Rue Réclusane', 'street', 17.5);
road([[43.6059, 1.4268], [43.6045, 1.4240], [43.6035, 1.4205]], 'Avenue Paul-Séjourné', 'street', 17);

// Unnamed side streets: a denser grid so that blocks read as a city.
const side = [
    [[43.6030, 1.4437], [43.6031, 1.4465]], [[43.6022, 1.4437], [43.6022, 1.4410]], [[43.6015, 1.4439], [43.6017, 1.4475]],
    [[43.6011, 1.4440], [43.6011, 1.4410]], [[43.6058, 1.4432], [43.6058, 1.4466]], [[43.6058, 1.4432], [43.6055, 1.4395], [43.6060, 1.4368]],
    [[43.6070, 1.4366], [43.6069, 1.4415]], [[43.6080, 1.4380], [43.6077, 1.4405]], [[43.6095, 1.4436], [43.6097, 1.4466]],
    [[43.6036, 1.4466], [43.6035, 1.4484], [43.6030, 1.4520]], [[43.6025, 1.4465], [43.6026, 1.4495], [43.6022, 1.4526]],
    [[43.5992, 1.4441], [43.5992, 1.4415]], [[43.5986, 1.4444], [43.5984, 1.4420], [43.5988, 1.4403]],
    [[43.5970, 1.4445], [43.5968, 1.4408]], [[43.5960, 1.4447], [43.5957, 1.4410]], [[43.5945, 1.4447], [43.5944, 1.4412]],
    [[43.5990, 1.4462], [43.5992, 1.4505], [43.5996, 1.4535]], [[43.5977, 1.4470], [43.5962, 1.4499]],
    [[43.6012, 1.4486], [43.6017, 1.4522]], [[43.6072, 1.4466], [43.6074, 1.4490]], [[43.6086, 1.4466], [43.6096, 1.4470]],
    [[43.6040, 1.4515], [43.6030, 1.4560], [43.6024, 1.4588]], [[43.6060, 1.4500], [43.6070, 1.4540], [43.6078, 1.4566]],
    [[43.6034, 1.4530], [43.6052, 1.4545]], [[43.6010, 1.4537], [43.6008, 1.4588]],
    [[43.5997, 1.4330], [43.6010, 1.4310], [43.6015, 1.4280]], [[43.5988, 1.4335], [43.5960, 1.4340], [43.5935, 1.4350]],
    [[43.5984, 1.4312], [43.5955, 1.4315], [43.5925, 1.4322]], [[43.6005, 1.4298], [43.6025, 1.4270], [43.6035, 1.4250]],
    [[43.5965, 1.4362], [43.5962, 1.4300]], [[43.5950, 1.4368], [43.5945, 1.4290]],
    [[43.6120, 1.4366], [43.6127, 1.4410]], [[43.6105, 1.4360], [43.6108, 1.4398]], [[43.6123, 1.4420], [43.6132, 1.4455]],
    [[43.6117, 1.4470], [43.6116, 1.4500]], [[43.6080, 1.4300], [43.6098, 1.4345]], [[43.6095, 1.4250], [43.6112, 1.4300], [43.6120, 1.4340]],
    [[43.5925, 1.4470], [43.5900, 1.4480], [43.5870, 1.4490]], [[43.5915, 1.4440], [43.5890, 1.4415]],
];
for (const pts of side) road(pts, null, 'street');

// ---------------------------------------------------------------------------------------------
// Urban fabric: rows of buildings along the streets of the old town and the faubourgs, clear of
// every street (as drawn at zoom 17), square, park, landmark and of the river. Metres on a local
// plane; a 2 m occupancy grid keeps rows from overlapping.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(31000);
const LAT0 = 43.588;
const LNG0 = 1.423;
const toM = ([la, ln]) => [(ln - LNG0) * M_LNG, (la - LAT0) * M_LAT];
const toLL = ([x, y]) => [LAT0 + y / M_LAT, LNG0 + x / M_LNG];
const CELL = 2;
const GW = 1600;
const GH = 1500;
const occ = new Uint8Array(GW * GH);

function pointIn(poly, x, y) {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[j];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) c = !c;
  }
  return c;
}
function* cellsOf(poly) {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  for (let gx = Math.max(0, Math.floor(Math.min(...xs) / CELL) - 1); gx < Math.min(GW, Math.floor(Math.max(...xs) / CELL) + 2); gx++) {
    for (let gy = Math.max(0, Math.floor(Math.min(...ys) / CELL) - 1); gy < Math.min(GH, Math.floor(Math.max(...ys) / CELL) + 2); gy++) {
      if (pointIn(poly, gx * CELL + 1, gy * CELL + 1)) yield gy * GW + gx;
    }
  }
}
function grow(poly, pad) {
  const [cx, cy] = mean(poly);
  return poly.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * pad, y + ((y - cy) / d) * pad];
  });
}

// Half-widths of roads as drawn at zoom 17 (CityMap.svelte), plus a kerb, in metres.
const HALF = { primary: 6.3, bridge: 5.8, secondary: 4.3, street: 2.8 };
const segs = [];
for (const { properties: pr, geometry: g } of features) {
  const cls = pr.class;
  if (cls === 'road' || cls === 'canal' || cls === 'rail') {
    const pts = g.coordinates.map(([lng, lat]) => toM([lat, lng]));
    const half = cls === 'road' ? HALF[pr.rank] : cls === 'canal' ? 7 : 5;
    for (let i = 1; i < pts.length; i++) segs.push([pts[i - 1], pts[i], half]);
  } else if (cls === 'river' || cls === 'park' || cls === 'square' || cls === 'building') {
    const ring = g.coordinates[0].slice(0, -1).map(([lng, lat]) => toM([lat, lng]));
    for (const cell of cellsOf(grow(ring, cls === 'river' ? 6 : 2.5))) occ[cell] = 1;
  }
}
const SB = 40;
const segGrid = new Map();
segs.forEach(([a, b], k) => {
  for (let gx = Math.floor((Math.min(a[0], b[0]) - 20) / SB); gx <= Math.floor((Math.max(a[0], b[0]) + 20) / SB); gx++) {
    for (let gy = Math.floor((Math.min(a[1], b[1]) - 20) / SB); gy <= Math.floor((Math.max(a[1], b[1]) + 20) / SB); gy++) {
      const key = `${gx},${gy}`;
      if (!segGrid.has(key)) segGrid.set(key, []);
      segGrid.get(key).push(k);
    }
  }
});
function distSeg([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const L2 = dx * dx + dy * dy;
  const t = L2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / L2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function clearOfStreets(poly) {
  const samples = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[(i + poly.length - 1) % poly.length];
    const b = poly[i];
    const n = Math.max(1, Math.floor(Math.hypot(b[0] - a[0], b[1] - a[1]) / 1.5));
    for (let j = 0; j < n; j++) samples.push([a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n]);
  }
  samples.push(mean(poly));
  const near = new Set();
  for (const [x, y] of samples) for (const k of segGrid.get(`${Math.floor(x / SB)},${Math.floor(y / SB)}`) ?? []) near.add(k);
  for (const k of near) {
    const [a, b, h] = segs[k];
    if (pointIn(poly, ...a) || pointIn(poly, ...b)) return false;
    if (samples.some((p) => distSeg(p, a, b) < h + 0.6)) return false;
  }
  return true;
}
function free(poly) {
  const cells = [...cellsOf(poly)];
  return cells.length > 0 && !cells.some((c) => occ[c]) && clearOfStreets(poly);
}
const centreM = centre.map(toM);
const zones = districts.filter(([name]) => ['Saint-Cyprien', 'Saint-Aubin', 'Les Chalets', 'Compans-Caffarelli', 'Saint-Michel'].includes(name)).map(([, pts]) => pts.map(toM));
const inZone = (x, y) => pointIn(centreM, x, y) || zones.some((z) => pointIn(z, x, y));

const blocks = [];
for (const [[x0, y0], [x1, y1], half] of segs.slice()) {
  if (half >= 7) continue; // canals
  const L = Math.hypot(x1 - x0, y1 - y0);
  if (L < 12) continue;
  const ux = (x1 - x0) / L;
  const uy = (y1 - y0) / L;
  const nx = -uy;
  const ny = ux;
  for (const side of [1, -1]) {
    let t = 1 + rnd() * 3;
    while (t < L - 6) {
      let run = Math.min(L - 2 - t, 22 + rnd() * 48);
      const depth = 10 + rnd() * 12;
      const off = half + 1.2;
      let placed = false;
      for (const shrink of [1, 0.7, 0.45, 0.3]) {
        const r = run * shrink;
        if (r < 6) break;
        const a = [x0 + ux * t + nx * side * off, y0 + uy * t + ny * side * off];
        const b = [a[0] + ux * r, a[1] + uy * r];
        for (const dshrink of [1, 0.6]) {
          const dd = depth * dshrink;
          const poly = [a, b, [b[0] + nx * side * dd, b[1] + ny * side * dd], [a[0] + nx * side * dd, a[1] + ny * side * dd]];
          if (!inZone(...mean(poly))) break;
          if (free(poly)) {
            for (const cell of cellsOf(grow(poly, 0.8))) occ[cell] = 1;
            blocks.push(poly);
            run = r;
            placed = true;
            break;
          }
        }
        if (placed) break;
      }
      t += (placed ? run : 4) + (rnd() < 0.7 ? 0.6 : 2 + rnd() * 4);
    }
  }
}
add('MultiPolygon', blocks.map((poly) => [ll(closed(poly.map(toLL)))]), { class: 'block' });

const json = JSON.stringify({ type: 'FeatureCollection', name: 'toulouse-centre', attribution: 'Placette (données simplifiées, tracé approximatif)', features });
const raw = Buffer.from(json);
writeFileSync(OUT, raw);
writeFileSync(new URL(`${OUT.href}.gz`), gzipSync(raw, { level: 9 }));
writeFileSync(new URL(`${OUT.href}.br`), brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
console.log(`${OUT.pathname}: ${features.length} features, ${blocks.length} rows of buildings, ${(raw.length / 1024).toFixed(0)} KiB`);
