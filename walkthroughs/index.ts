// The packs shipped with the extension (and offered to the widget); each is validated before use.
import dichvucong from './dichvucong.json';
import ebank from './ebank.json';
import evn from './evn.json';

export const SHIPPED_PACKS: readonly unknown[] = [dichvucong, evn, ebank];
