// The line a value was read from, drawn large beside the digits (issue 18, item 4): a canvas painted from the
// prepared image's grey pixels (never an image URL, never innerHTML), scaled by CSS to the panel's width. The
// pixels live in the helper's result only and go with it.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GrayImage } from '../core/image-prep';

/** Paint `image` into `canvas` at its own size (each grey level as an opaque RGB pixel). */
export function paintGray(canvas: HTMLCanvasElement, image: GrayImage): void {
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || image.width === 0 || image.height === 0) return;
  const rgba = ctx.createImageData(image.width, image.height);
  for (let i = 0; i < image.width * image.height; i++) {
    const v = image.data[i]!;
    rgba.data[4 * i] = v;
    rgba.data[4 * i + 1] = v;
    rgba.data[4 * i + 2] = v;
    rgba.data[4 * i + 3] = 255;
  }
  ctx.putImageData(rgba, 0, 0);
}

export function LineCrop({ image, label }: { image: GrayImage; label: string }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Painted in the same task as the render (a layout effect): the line is never shown as an empty 300×150
  // canvas first, nor read so (CI read one between the result's render and a normal effect's paint).
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c) return;
    paintGray(c, image);
    // The pixels go with the result: an emptied canvas holds none.
    return () => {
      c.width = 0;
      c.height = 0;
    };
  }, [image]);
  return <canvas ref={canvas} class="ocr-line-crop" role="img" aria-label={label} data-testid="ocr-line-crop" />;
}
