// The error texts of both languages (locales' error.* keys only, kept by the build's locale subset), a file
// of its own that the widget loads only when a pack cannot be shown: most ward pages never need them. It
// hands them over with a DOM event, so neither file adds a global.
import vi from '../locales/vi.json';
import en from '../locales/en.json';
import { ERRORS_EVENT } from './files';

document.dispatchEvent(new CustomEvent(ERRORS_EVENT, { detail: { vi, en } }));
