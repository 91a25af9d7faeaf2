// Pack text as Preact text nodes: **bold** is the only markup, and it never becomes HTML.
import type { JSX } from 'preact';

export function HintText({ text }: { text: string }): JSX.Element {
  const parts = text.split('**');
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part))}
    </>
  );
}

/** The same text with the markup removed, for reading aloud. */
export function plainHint(text: string): string {
  return text.replace(/\*\*/g, '');
}
