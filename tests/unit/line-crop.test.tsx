// The line crop beside a read value is painted in the same render that shows it (issue 18, item 4): never an
// empty default-sized canvas first (CI read one, 300×150, between the result's render and a normal effect).
import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { LineCrop } from '../../components/line-crop';

let root: HTMLElement;
const painted: { data: Uint8ClampedArray; width: number; height: number }[] = [];

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  painted.length = 0;
  // happy-dom has no 2d context: a stand-in that keeps what is painted.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () =>
      ({
        createImageData: (width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4), width, height }),
        putImageData: (img: { data: Uint8ClampedArray; width: number; height: number }) => painted.push(img),
      }) as unknown as CanvasRenderingContext2D,
  );
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

it('has the crop\'s size and pixels as soon as render returns, before any frame or timer', () => {
  const image = { data: new Uint8ClampedArray([10, 200, 30, 40, 50, 60, 70, 80]), width: 4, height: 2 };
  // No act(): what a reader sees right after the render, with no effect flushed by a frame.
  render(<LineCrop image={image} label="Dòng" />, root);
  const canvas = root.querySelector('canvas')!;
  expect([canvas.width, canvas.height]).toEqual([4, 2]);
  expect(painted).toHaveLength(1);
  expect(Array.from(painted[0]!.data.slice(0, 8))).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
  // Another crop in the same canvas: repainted in that render too.
  render(<LineCrop image={{ data: new Uint8ClampedArray(9), width: 3, height: 3 }} label="Dòng" />, root);
  expect([canvas.width, canvas.height]).toEqual([3, 3]);
  expect(painted).toHaveLength(2);
  // Unmounted: the pixels go with it.
  render(null, root);
  expect([canvas.width, canvas.height]).toEqual([0, 0]);
});
