// The QR code maker, a file of its own that the widget loads only for the print view (lean-qr). It hands
// its function over with a DOM event, so neither file adds a global.
import { generate } from 'lean-qr';
import type { QrPath } from '../components/widget';
import { QR_EVENT } from './qr-event';

function qrPath(text: string): QrPath {
  const code = generate(text);
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
  }
  return { size: code.size, d };
}

document.dispatchEvent(new CustomEvent(QR_EVENT, { detail: qrPath }));
