// "Photographs" a rendered document in software, for the photo benchmark (issue 18 item 1): the page lying on a
// table (wood, cloth or laminate, with a soft drop shadow), seen by a phone or webcam tilted up to 10° and turned up
// to 6°, filling 60–90 % of a 1280×960 … 2560×1920 frame (sometimes with a margin cut off), under a lighting
// gradient with vignetting and a colour cast, crossed by a shadow band, slightly out of focus, with sensor noise,
// saved as JPEG quality 55–75. Screens are captured instead (no perspective, maybe a JPEG re-save). Seeded.
// The pixel work runs in a Chromium page (canvas: its blur filter and JPEG encoder); the geometry is planned here.
import type { Page } from 'puppeteer-core';
import type { Rng } from '../../tests/support/random';

export type Point = [x: number, y: number];

export interface Shot {
  width: number;
  height: number;
  /** The document's corners in the frame (top-left, top-right, bottom-right, bottom-left), in frame pixels. */
  quad: [Point, Point, Point, Point];
  /** Degrees: in-plane rotation, and the camera's tilt about the page's x and y axes. */
  rotate: number;
  tiltX: number;
  tiltY: number;
  /** The quad's bounding box over the frame, along the binding side (0.6–0.9). */
  fill: number;
  /** The fraction of the page's width or height cut off by the frame's edge (0: whole page in view). */
  cut: number;
  table: { kind: 'wood' | 'cloth' | 'laminate'; rgb: [number, number, number]; angle: number; scale: number };
  light: { angle: number; low: number; high: number; vignette: number; tint: [number, number, number] };
  band: { on: boolean; angle: number; at: number; width: number; depth: number; soft: number };
  /** Gaussian blur σ in frame pixels. */
  blur: number;
  /** Sensor noise σ in grey levels. */
  noise: number;
  /** JPEG quality, 0–1. */
  jpeg: number;
  seed: number;
}

const FRAMES: readonly Point[] = [
  [1280, 960],
  [1600, 1200],
  [2048, 1536],
  [2560, 1920],
];

const rad = (deg: number): number => (deg * Math.PI) / 180;
const between = (r: Rng, lo: number, hi: number): number => lo + r() * (hi - lo);
const signed = (r: Rng, lo: number, hi: number): number => (r() < 0.5 ? -1 : 1) * between(r, lo, hi);

/** The page's corners as a pinhole camera tilted by (tiltX, tiltY) sees them, the page turned by `rotate` first. */
function project(w: number, h: number, rotate: number, tiltX: number, tiltY: number): Point[] {
  const d = 1.3 * Math.max(w, h);
  const corners: Point[] = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]];
  const [cr, sr, cx, sx, cy, sy] = [Math.cos(rad(rotate)), Math.sin(rad(rotate)), Math.cos(rad(tiltX)), Math.sin(rad(tiltX)), Math.cos(rad(tiltY)), Math.sin(rad(tiltY))];
  return corners.map(([x0, y0]): Point => {
    const x1 = x0 * cr - y0 * sr;
    const y1 = x0 * sr + y0 * cr;
    // About x: y and z mix; then about y: x and z mix.
    const y2 = y1 * cx;
    const z2 = y1 * sx;
    const x3 = x1 * cy + z2 * sy;
    const z3 = -x1 * sy + z2 * cy;
    return [(d * x3) / (d + z3), (d * y2) / (d + z3)];
  });
}

/**
 * Plans a photo of a page `w`×`h` (any unit: only its shape matters): frame size, pose and damage. `portrait`:
 * the phone held upright (tall pages). `a4`: a whole A4 page, for which a 1280×960 webcam frame is rarer.
 */
export function planShot(r: Rng, w: number, h: number, opts: { portrait: boolean; a4: boolean }): Shot {
  const sizes = opts.a4 ? (r() < 0.12 ? [FRAMES[0]!] : FRAMES.slice(1)) : FRAMES;
  const [fw, fh] = sizes[Math.floor(r() * sizes.length)]!;
  const [width, height] = opts.portrait ? [fh, fw] : [fw, fh];
  const rotate = signed(r, 0.5, 6);
  const tilt = between(r, 2, 10);
  const dir = r() * 2 * Math.PI;
  const tiltX = tilt * Math.cos(dir);
  const tiltY = tilt * Math.sin(dir);
  const fill = between(r, 0.6, 0.9);
  const cut = r() < 0.25 ? between(r, 0.01, 0.035) : 0;
  const pts = project(w, h, rotate, tiltX, tiltY);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const bw = Math.max(...xs) - Math.min(...xs);
  const bh = Math.max(...ys) - Math.min(...ys);
  const s = fill * Math.min(width / bw, height / bh);
  let ox = (width - s * bw) / 2 + signed(r, 0, 0.4) * ((width - s * bw) / 2);
  let oy = (height - s * bh) / 2 + signed(r, 0, 0.4) * ((height - s * bh) / 2);
  if (cut > 0) {
    // Off one edge of the frame by `cut` of the page: only the margin goes.
    const side = Math.floor(r() * 4);
    if (side === 0) ox = -cut * s * bw;
    else if (side === 1) ox = width - s * bw + cut * s * bw;
    else if (side === 2) oy = -cut * s * bh;
    else oy = height - s * bh + cut * s * bh;
  }
  const quad = pts.map(([x, y]): Point => [ox + s * (x - Math.min(...xs)), oy + s * (y - Math.min(...ys))]) as Shot['quad'];
  const kind = (['wood', 'cloth', 'laminate'] as const)[Math.floor(r() * 3)]!;
  const rgb: [number, number, number] =
    kind === 'wood' ? [between(r, 110, 175), between(r, 70, 115), between(r, 40, 70)] : kind === 'cloth' ? ([[70, 90, 130], [120, 60, 60], [80, 110, 80], [150, 140, 120]] as const)[Math.floor(r() * 4)]!.slice() as [number, number, number] : [between(r, 150, 200), between(r, 150, 195), between(r, 145, 190)];
  const scale = width / 1600;
  return {
    width,
    height,
    quad,
    rotate,
    tiltX,
    tiltY,
    fill,
    cut,
    table: { kind, rgb, angle: between(r, -0.5, 0.5), scale },
    light: { angle: r() * 2 * Math.PI, low: between(r, 0.6, 0.85), high: between(r, 0.98, 1.08), vignette: between(r, 0.1, 0.3), tint: [1, between(r, 0.95, 1), between(r, 0.84, 0.98)] },
    band: { on: r() < 0.6, angle: between(r, 0, Math.PI), at: between(r, 0.25, 0.75), width: between(r, 0.06, 0.2), depth: between(r, 0.55, 0.8), soft: between(r, 0.02, 0.08) },
    blur: between(r, 0.4, 1.3) * scale,
    noise: between(r, 1.5, 4.5),
    jpeg: between(r, 0.55, 0.75),
    seed: Math.floor(r() * 2 ** 31),
  };
}

/** The homography taking `from`'s four points to `to`'s (row-major 3×3, h[8] = 1). */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...a.map((row, i) => row[8]! / row[i]!), 1];
}

/** Makes named helpers in page code work: tsx (esbuild keepNames) wraps them in a __name() the page lacks. */
export async function preparePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f: unknown) => f;
  });
}

/** The photo of a rendered page (PNG bytes, `docW`×`docH` pixels) as planned: JPEG bytes. */
export async function photograph(page: Page, png: Buffer, docW: number, docH: number, shot: Shot): Promise<Buffer> {
  // Frame pixel → document pixel.
  const inverse = homography(shot.quad, [[0, 0], [docW, 0], [docW, docH], [0, docH]]);
  const b64 = await page.evaluate(
    async (docB64: string, s: Shot, hi: number[]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${docB64}`;
      await img.decode();
      const dc = document.createElement('canvas');
      dc.width = img.width;
      dc.height = img.height;
      const dctx = dc.getContext('2d')!;
      dctx.drawImage(img, 0, 0);
      const doc = dctx.getImageData(0, 0, dc.width, dc.height).data;
      const dw = dc.width;
      const dh = dc.height;
      const W = s.width;
      const H = s.height;

      // Seeded randomness (random.ts's mulberry32, inlined: page code cannot import).
      let state = s.seed >>> 0;
      function rand(): number {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      }
      function gauss(): number {
        return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
      }
      // Value noise on a lattice of 64×64 random values, smoothly interpolated.
      const lattice = Float32Array.from({ length: 64 * 64 }, () => rand());
      function vnoise(x: number, y: number): number {
        const xi = Math.floor(x);
        const yi = Math.floor(y);
        const fx = x - xi;
        const fy = y - yi;
        const sx = fx * fx * (3 - 2 * fx);
        const sy = fy * fy * (3 - 2 * fy);
        const at = (i: number, j: number): number => lattice[(((j & 63) * 64) + (i & 63))]!;
        const a = at(xi, yi) + (at(xi + 1, yi) - at(xi, yi)) * sx;
        const b = at(xi, yi + 1) + (at(xi + 1, yi + 1) - at(xi, yi + 1)) * sx;
        return a + (b - a) * sy;
      }

      // 1. The table.
      const frame = new ImageData(W, H);
      const f = frame.data;
      const [tr, tg, tb] = s.table.rgb;
      const ca = Math.cos(s.table.angle);
      const sa = Math.sin(s.table.angle);
      const k = s.table.scale;
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const u = (x * ca + y * sa) / k;
          const v = (-x * sa + y * ca) / k;
          let m: number;
          if (s.table.kind === 'wood') {
            const plank = Math.floor(v / 260);
            const ring = Math.sin(v * 0.09 + 4 * vnoise(u * 0.004 + plank * 7, v * 0.03) + plank * 1.7);
            m = 0.86 + 0.08 * ring + 0.1 * (vnoise(u * 0.01, v * 0.2) - 0.5) + (v - plank * 260 < 2.5 ? -0.35 : 0);
          } else if (s.table.kind === 'cloth') {
            const weave = ((Math.floor(u / 3) + Math.floor(v / 3)) & 1) === 0 ? 0.04 : -0.04;
            m = 0.92 + weave + 0.16 * (vnoise(u * 0.006, v * 0.006) - 0.5) + 0.05 * Math.sin(u * 0.02 + 3 * vnoise(v * 0.01, u * 0.01));
          } else {
            m = 0.97 + 0.06 * (vnoise(u * 0.02, v * 0.02) - 0.5) + 0.04 * (vnoise(u * 0.3, v * 0.3) - 0.5);
          }
          const i = (y * W + x) * 4;
          f[i] = tr * m;
          f[i + 1] = tg * m;
          f[i + 2] = tb * m;
          f[i + 3] = 255;
        }
      }
      // 2. The paper's soft shadow on the table, cast away from the light.
      const canvas = document.createElement('canvas');
      canvas.width = W;
      canvas.height = H;
      const ctx = canvas.getContext('2d')!;
      ctx.putImageData(frame, 0, 0);
      const off = 0.006 * W;
      ctx.filter = `blur(${0.01 * W}px)`;
      ctx.fillStyle = 'rgba(0,0,0,0.45)';
      ctx.beginPath();
      s.quad.forEach(([x, y], j) => (j === 0 ? ctx.moveTo(x - off * Math.cos(s.light.angle), y - off * Math.sin(s.light.angle)) : ctx.lineTo(x - off * Math.cos(s.light.angle), y - off * Math.sin(s.light.angle))));
      ctx.closePath();
      ctx.fill();
      ctx.filter = 'none';
      const shaded = ctx.getImageData(0, 0, W, H);
      const g = shaded.data;

      // 3. The page, through the inverse homography, 2×2 samples a pixel (bilinear each), edges blended.
      const xs = s.quad.map((p) => p[0]);
      const ys = s.quad.map((p) => p[1]);
      const x0 = Math.max(0, Math.floor(Math.min(...xs)));
      const x1 = Math.min(W - 1, Math.ceil(Math.max(...xs)));
      const y0 = Math.max(0, Math.floor(Math.min(...ys)));
      const y1 = Math.min(H - 1, Math.ceil(Math.max(...ys)));
      const acc = [0, 0, 0];
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          let inside = 0;
          acc[0] = acc[1] = acc[2] = 0;
          for (let sy = 0.25; sy < 1; sy += 0.5) {
            for (let sx = 0.25; sx < 1; sx += 0.5) {
              const px = x + sx;
              const py = y + sy;
              const w = hi[6]! * px + hi[7]! * py + hi[8]!;
              const u = (hi[0]! * px + hi[1]! * py + hi[2]!) / w - 0.5;
              const v = (hi[3]! * px + hi[4]! * py + hi[5]!) / w - 0.5;
              if (u < 0 || v < 0 || u >= dw - 1 || v >= dh - 1) continue;
              inside++;
              const ui = Math.floor(u);
              const vi = Math.floor(v);
              const fu = u - ui;
              const fv = v - vi;
              const i00 = (vi * dw + ui) * 4;
              const i10 = i00 + 4;
              const i01 = i00 + dw * 4;
              const i11 = i01 + 4;
              for (let c = 0; c < 3; c++) {
                const top = doc[i00 + c]! + (doc[i10 + c]! - doc[i00 + c]!) * fu;
                const bot = doc[i01 + c]! + (doc[i11 + c]! - doc[i01 + c]!) * fu;
                acc[c]! += top + (bot - top) * fv;
              }
            }
          }
          if (inside === 0) continue;
          const i = (y * W + x) * 4;
          for (let c = 0; c < 3; c++) g[i + c] = (acc[c]! + (4 - inside) * g[i + c]!) / 4;
        }
      }

      // 4. Light: a gradient across the frame, vignetting, a colour cast, a shadow band (a hand, the phone).
      const lx = Math.cos(s.light.angle);
      const ly = Math.sin(s.light.angle);
      const bx = Math.cos(s.band.angle);
      const by = Math.sin(s.band.angle);
      const diag = Math.hypot(W, H);
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const t = 0.5 + ((x - W / 2) * lx + (y - H / 2) * ly) / diag;
          let m = s.light.low + (s.light.high - s.light.low) * t;
          const rr = Math.hypot(x - W / 2, y - H / 2) / (diag / 2);
          m *= 1 - s.light.vignette * rr * rr;
          if (s.band.on) {
            const d = Math.abs(((x - W / 2) * bx + (y - H / 2) * by) / diag + 0.5 - s.band.at) - s.band.width / 2;
            const inBand = d <= 0 ? 1 : d >= s.band.soft ? 0 : 1 - d / s.band.soft;
            m *= 1 - (1 - s.band.depth) * inBand;
          }
          const i = (y * W + x) * 4;
          g[i] = g[i]! * m * s.light.tint[0];
          g[i + 1] = g[i + 1]! * m * s.light.tint[1];
          g[i + 2] = g[i + 2]! * m * s.light.tint[2];
        }
      }
      ctx.putImageData(shaded, 0, 0);

      // 5. Focus: a Gaussian blur.
      const out = document.createElement('canvas');
      out.width = W;
      out.height = H;
      const octx = out.getContext('2d')!;
      octx.filter = `blur(${s.blur}px)`;
      octx.drawImage(canvas, 0, 0);
      octx.filter = 'none';

      // 6. Sensor noise: luminance noise, weaker colour noise.
      const final = octx.getImageData(0, 0, W, H);
      const q = final.data;
      for (let i = 0; i < q.length; i += 4) {
        const n = gauss() * s.noise;
        for (let c = 0; c < 3; c++) q[i + c] = q[i + c]! + n + gauss() * s.noise * 0.2;
      }
      octx.putImageData(final, 0, 0);
      const url = out.toDataURL('image/jpeg', s.jpeg);
      return url.slice(url.indexOf(',') + 1);
    },
    png.toString('base64'),
    shot,
    inverse,
  );
  return Buffer.from(b64, 'base64');
}

/** A phone screenshot as people pass it on: JPEG at `first` quality, maybe re-saved at `second` (a chat app). */
export async function saveScreen(page: Page, png: Buffer, first: number, second?: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    async (src: string, q1: number, q2: number | null) => {
      let url = `data:image/png;base64,${src}`;
      for (const q of q2 === null ? [q1] : [q1, q2]) {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        c.getContext('2d')!.drawImage(img, 0, 0);
        url = c.toDataURL('image/jpeg', q);
      }
      return url.slice(url.indexOf(',') + 1);
    },
    png.toString('base64'),
    first,
    second ?? null,
  );
  return Buffer.from(b64, 'base64');
}
