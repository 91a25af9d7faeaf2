// What a step points at, in the words an author knows (issue 20): "nút", "ô nhập", "liên kết", "danh sách
// chọn"… from the anchor's role, tag and input type (core/anchors/controls.ts roleOf gives the implicit role),
// and the control's own words to name it by. The anchor's coarse kind (action / field / …) is only the last
// resort: a link and a button are both "action" to the resolver, but not to the person reading the editor.
import { describeAnchor, type Anchor } from './anchors/index';

/** The kinds of control the editor names. */
export const CONTROL_KINDS = ['button', 'link', 'field', 'list', 'checkbox', 'radio', 'file', 'tab', 'other'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

const BY_ROLE: Record<string, ControlKind> = {
  button: 'button',
  menuitem: 'button',
  link: 'link',
  textbox: 'field',
  searchbox: 'field',
  spinbutton: 'field',
  combobox: 'list',
  listbox: 'list',
  option: 'list',
  checkbox: 'checkbox',
  switch: 'checkbox',
  radio: 'radio',
  tab: 'tab',
};

const BY_KIND: Record<Anchor['kind'], ControlKind> = { action: 'button', field: 'field', select: 'list', toggle: 'checkbox', other: 'other' };

/** The kind of control an anchor describes. */
export function controlKind(anchor: Pick<Anchor, 'kind' | 'tag' | 'role' | 'type'>): ControlKind {
  const tag = anchor.tag.toLowerCase();
  if (tag === 'input' && anchor.type?.toLowerCase() === 'file') return 'file';
  if (tag === 'select') return 'list';
  if (tag === 'a' && anchor.role !== 'button') return anchor.role === 'generic' ? BY_KIND[anchor.kind] : 'link';
  return BY_ROLE[anchor.role] ?? BY_KIND[anchor.kind];
}

/** What a step points at: the kind of control and its words ('' when it has none the pack kept). */
export function controlOf(anchor: Anchor): { kind: ControlKind; label: string } {
  return { kind: controlKind(anchor), label: describeAnchor(anchor).label.replace(/\s+/g, ' ').trim() };
}
