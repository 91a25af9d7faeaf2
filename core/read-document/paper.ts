// Finding the paper in a photo and flattening it (issue 18, item 2; begun): a sheet, card or slip lying on a
// table, photographed at a slant, fills only part of the frame. findPaper looks for the largest bright region
// that is a plausible quadrilateral and returns its four corners; rectify maps that quadrilateral onto an upright
// rectangle (a perspective warp), so the text is level and sized as on the paper. Where no such region is found
// (a screenshot, a photo filled by the page) it says so, and the caller reads the whole image. Framework-free.
//
// Not yet used by readDocument: whether it helps on real photos is for the photo benchmark to say (issue 18, 1).
import { bilinear, otsuThreshold, resize, type GrayImage } from '../image-prep';

export interface Point {
  x: number;
  y: number;
}

/** Corners in the image's pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** The photo is looked at this wide (the outline needs no detail). @default 400 */
const WORK_WIDTH = 400;

export interface FindPaperOptions {
  /** The paper must cover at least this share of the photo. @default 0.15 */
  minArea?: number;
  /** And at most this share: a page filling the frame needs no finding. @default 0.97 */
  maxArea?: number;
}

/**
 * The paper's corners, or null when the photo shows none: most of the frame's edge is light (the page fills the
 * photo), or no region apart from the darker table around it is both large enough and shaped like a flat sheet
 * seen at a slant (its area close to that of the quadrilateral through its extreme points, which is convex), or
 * the outline found is not borne out by an edge along its sides.
 */
export function findPaper(img: GrayImage, options: FindPaperOptions = {}): Quad | null {
  const scale = Math.min(1, WORK_WIDTH / img.width);
  const small = scale < 1 ? resize(img, img.width * scale, img.height * scale) : img;
  const t = otsuThreshold(small);
  // A table can be lit in places as bright as a sheet in shadow: one threshold between them does not always exist.
  // Several are tried, from Otsu's up towards the paper's white, and the quadrilateral whose four sides are best
  // borne out by a step from bright paper to darker table along them wins (`edgeSupport`).
  let best: { quad: Quad; support: number; area: number } | null = null;
  for (const level of [t, t + (255 - t) * 0.25, t + (255 - t) * 0.5]) {
    const quad = paperAt(small, Math.round(level), options);
    if (!quad) continue;
    const support = edgeSupport(small, quad);
    const area = polygonArea(quad);
    if (!best || support > best.support + 0.05 || (support > best.support - 0.05 && area > best.area)) best = { quad, support, area };
  }
  // A wrong outline loses the whole paper; no outline only reads the photo whole: when unsure, there is none.
  if (!best || best.support < MIN_SUPPORT) return null;
  const bx = img.width / small.width;
  const by = img.height / small.height;
  return best.quad.map((p) => ({ x: (p.x + 0.5) * bx - 0.5, y: (p.y + 0.5) * by - 0.5 })) as Quad;
}

/** At least this share of the points along the outline must show the paper's edge. */
const MIN_SUPPORT = 0.7;

/**
 * The share of points along the quadrilateral's sides where the image steps from brighter inside to darker
 * outside (a sheet's edge on a table). A side on the frame's border (a sheet cut by the frame) counts where the
 * inside is bright.
 */
export function edgeSupport(img: GrayImage, q: Quad): number {
  const { width: w, height: h, data } = img;
  const at = (x: number, y: number): number | undefined => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= w || yi >= h ? undefined : data[yi * w + xi];
  };
  // The winding: positive area means the inside is to the right of each side in image coordinates.
  let signed = 0;
  for (let i = 0; i < 4; i++) signed += q[i]!.x * q[(i + 1) % 4]!.y - q[(i + 1) % 4]!.x * q[i]!.y;
  const side = signed > 0 ? 1 : -1;
  const d = Math.max(2, Math.round(Math.min(w, h) / 150));
  let good = 0;
  let total = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // The unit normal pointing inside.
    const nx = (-(b.y - a.y) / len) * side;
    const ny = ((b.x - a.x) / len) * side;
    for (let k = 1; k < 24; k++) {
      const f = k / 24;
      const x = a.x + (b.x - a.x) * f;
      const y = a.y + (b.y - a.y) * f;
      const inside = at(x + nx * d, y + ny * d);
      const outside = at(x - nx * d, y - ny * d);
      total++;
      if (inside === undefined) continue;
      if (outside === undefined) {
        if (inside > 128) good++;
        continue;
      }
      if (inside - outside >= 18) good++;
    }
  }
  return total ? good / total : 0;
}

/** The paper as the largest region brighter than `t` not reached from the frame's dark edge, or null. */
function paperAt(small: GrayImage, t: number, options: FindPaperOptions): Quad | null {
  const { minArea = 0.15, maxArea = 0.97 } = options;
  const { width: w, height: h, data } = small;
  const n = w * h;
  // Most of the frame's edge is paper: the page fills the photo (or the table is lighter than the paper).
  let edge = 0;
  let edgeBright = 0;
  for (let i = 0; i < n; i++) {
    const x = i % w;
    const y = (i - x) / w;
    if (x !== 0 && y !== 0 && x !== w - 1 && y !== h - 1) continue;
    edge++;
    if (data[i]! > t) edgeBright++;
  }
  if (edgeBright > 0.5 * edge) return null;
  // The table: dark pixels reached from the frame's edge through dark pixels. Everything else is a candidate, so
  // the paper's own ink — text, a black band across it — stays part of the paper.
  const TABLE = -2;
  const label = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const flood = (from: number, id: number, inside: (q: number) => boolean): number => {
    let size = 0;
    label[from] = id;
    stack.push(from);
    while (stack.length) {
      const p = stack.pop()!;
      size++;
      const x = p % w;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w]) {
        if (q < 0 || q >= n || label[q] !== -1 || !inside(q)) continue;
        label[q] = id;
        stack.push(q);
      }
    }
    return size;
  };
  const dark = (q: number): boolean => data[q]! <= t;
  for (let i = 0; i < n; i++) {
    const x = i % w;
    const y = (i - x) / w;
    const onEdge = x === 0 || y === 0 || x === w - 1 || y === h - 1;
    if (onEdge && label[i] === -1 && dark(i)) flood(i, TABLE, dark);
  }
  // The largest 4-connected region of what is not table.
  let best: { id: number; size: number } = { id: -1, size: 0 };
  for (let start = 0, id = 0; start < n; start++) {
    if (label[start] !== -1) continue;
    const size = flood(start, id, () => true);
    if (size > best.size) best = { id, size };
    id++;
  }
  const share = best.size / (w * h);
  if (best.id < 0 || share < minArea || share > maxArea) return null;
  // Corners: the region's extreme points along the two diagonals (a sheet turned by a few degrees, or seen at a
  // slant, keeps its corners extreme there).
  const ext = { tl: { v: Infinity, p: { x: 0, y: 0 } }, br: { v: -Infinity, p: { x: 0, y: 0 } }, tr: { v: -Infinity, p: { x: 0, y: 0 } }, bl: { v: Infinity, p: { x: 0, y: 0 } } };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] !== best.id) continue;
      const s = x + y;
      const d = x - y;
      if (s < ext.tl.v) ext.tl = { v: s, p: { x, y } };
      if (s > ext.br.v) ext.br = { v: s, p: { x, y } };
      if (d > ext.tr.v) ext.tr = { v: d, p: { x, y } };
      if (d < ext.bl.v) ext.bl = { v: d, p: { x, y } };
    }
  }
  const quad: Quad = [ext.tl.p, ext.tr.p, ext.br.p, ext.bl.p];
  if (!isConvex(quad) || !sheetShaped(quad)) return null;
  // A region much smaller than its quadrilateral is no sheet (a lamp's glare, a white wall behind).
  if (best.size < 0.85 * polygonArea(quad)) return null;
  return quad;
}

/**
 * A flat sheet photographed from a little off straight above (tilt up to about 15°): opposite sides of similar
 * length and corners near right angles. A region cut by a shadow's edge or joined to a lit patch of table is not.
 */
function sheetShaped(q: Quad): boolean {
  const len = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
  const [tl, tr, br, bl] = q;
  const ratio = (a: number, b: number): number => Math.min(a, b) / Math.max(a, b, 1e-9);
  if (ratio(len(tl, tr), len(bl, br)) < 0.7 || ratio(len(tl, bl), len(tr, br)) < 0.7) return false;
  for (let i = 0; i < 4; i++) {
    const p = q[(i + 3) % 4]!;
    const c = q[i]!;
    const n = q[(i + 1) % 4]!;
    const cos = ((p.x - c.x) * (n.x - c.x) + (p.y - c.y) * (n.y - c.y)) / (len(p, c) * len(n, c) || 1);
    if (Math.abs(cos) > 0.5) return false;
  }
  return true;
}

function polygonArea(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!;
    const n = q[(i + 1) % 4]!;
    a += p.x * n.y - n.x * p.y;
  }
  return Math.abs(a) / 2;
}

function isConvex(q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const c = q[(i + 2) % 4]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (cross === 0) return false;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** The 3×3 homography (row-major, h33 = 1) taking the unit square's corners (0,0) (1,0) (1,1) (0,1) to `q`. */
function squareToQuad(q: Quad): number[] {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const hh = (dx1 * sy - sx * dy1) / det;
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + hh * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + hh * p3.y, p0.y, g, hh, 1];
}

/**
 * The quadrilateral `q` of `img`, flattened onto an upright rectangle as wide as its top and bottom edges on
 * average and as tall as its sides (bilinear; what falls outside the image is paper white).
 */
export function rectify(img: GrayImage, q: Quad): GrayImage {
  const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
  const width = Math.max(1, Math.round((dist(q[0], q[1]) + dist(q[3], q[2])) / 2));
  const height = Math.max(1, Math.round((dist(q[0], q[3]) + dist(q[1], q[2])) / 2));
  const [a, b, c, d, e, f, g, hh] = squareToQuad(q) as [number, number, number, number, number, number, number, number];
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      const z = g * u + hh * v + 1;
      const fx = (a * u + b * v + c) / z;
      const fy = (d * u + e * v + f) / z;
      out[y * width + x] = bilinear(img, fx, fy);
    }
  }
  return { data: out, width, height };
}
