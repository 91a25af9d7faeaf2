// WXT's own browser runner cannot start here; scripts/start.mjs launches Chromium itself.
import { defineWebExtConfig } from 'wxt';

export default defineWebExtConfig({ disabled: true });
