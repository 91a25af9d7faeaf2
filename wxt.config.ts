// WXT build configuration: manifest, permissions and the Preact/Vite plugin.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OFFICIAL_MATCH_PATTERNS } from './core/origins';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: [],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Dẫn Bước',
    description: 'Hướng dẫn từng bước trên cổng dịch vụ công, ngân hàng và điện lực — cho tổ công nghệ số cộng đồng.',
    // Only the official origins the shipped packs target; never blanket host access.
    host_permissions: [...OFFICIAL_MATCH_PATTERNS],
    // Other sites are asked for one origin at a time, at run time, when a pack for them is installed (a
    // provincial portal, or an origin the ward admin chose to trust): never granted at install.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    // No "tabs" permission: the URLs of other sites' tabs are none of our business. "scripting" registers the
    // content script on the origins granted at run time.
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'],
    action: { default_title: 'Dẫn Bước' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'dan-buoc@ward.example', strict_min_version: '115.0' } } }
      : {}),
  }),
  suppressWarnings: { firefoxDataCollection: true },
});
