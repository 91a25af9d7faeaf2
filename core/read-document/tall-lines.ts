// Lines of characters much taller than the rest of the page (a banking app's amount, a bill's total in large type):
// the engine, set to read one block of uniform text (page mode 6), drops them (measured on the photo benchmark's
// tune set: the banking apps' amounts were never read). They are found by their characters' boxes and read again
// alone, at the size the rest of the page was given. Framework-free.
import { characterBoxes, resize, sauvola, type Box, type GrayImage } from '../image-prep';

/** Characters at least this many times the page's median height make a tall line. */
const TALL = 1.7;
/** At most this many tall lines are read again (time). */
export const MAX_TALL_LINES = 3;
/** Found on a copy no wider than this. */
const WORK_WIDTH = 1600;

/** The boxes of the tall lines of `gray`, tallest first (at most MAX_TALL_LINES). */
export function tallLines(gray: GrayImage): Box[] {
  const k = Math.min(1, WORK_WIDTH / gray.width);
  const small = k < 1 ? resize(gray, gray.width * k, gray.height * k) : gray;
  const boxes = characterBoxes(sauvola(small, 31, 0.3)).map((b) => ({ x: b.x / k, y: b.y / k, width: b.width / k, height: b.height / k }));
  if (boxes.length < 20) return [];
  const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  const tall = boxes.filter((b) => b.height >= TALL * median && b.height <= 8 * median).sort((a, b) => a.x - b.x);
  // Characters side by side (overlapping vertically, close horizontally) make one line.
  const lines: Box[] = [];
  for (const b of tall) {
    const line = lines.find((l) => {
      const overlap = Math.min(l.y + l.height, b.y + b.height) - Math.max(l.y, b.y);
      const gap = b.x - (l.x + l.width);
      return overlap >= 0.5 * Math.min(l.height, b.height) && gap <= 2 * b.height;
    });
    if (!line) {
      lines.push({ ...b, count: 1 } as Box);
      continue;
    }
    const x1 = Math.max(line.x + line.width, b.x + b.width);
    const y1 = Math.max(line.y + line.height, b.y + b.height);
    line.x = Math.min(line.x, b.x);
    line.y = Math.min(line.y, b.y);
    line.width = x1 - line.x;
    line.height = y1 - line.y;
    (line as Box & { count: number }).count++;
  }
  // A line of a value: a few characters at least (a lone tall letter is a logo or a heading's initial).
  return lines
    .filter((l) => (l as Box & { count: number }).count >= 4)
    .map(({ x, y, width, height }) => ({ x, y, width, height }))
    .sort((a, b) => b.height - a.height)
    .slice(0, MAX_TALL_LINES);
}
