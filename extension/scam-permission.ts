// The scam warning's one permission (issue 19): webNavigation, optional in the manifest, asked for at run time
// when the ward admin turns the warning on (never at install). Chrome's prompt says "Đọc lịch sử duyệt web
// của bạn" / "Read your browsing history": the background sees each tab's navigations, of which it reads
// the host and keeps nothing.
import { browser } from 'wxt/browser';
import type { ScamPermissionApi } from '../components/scam-warning-setting';

const WEB_NAVIGATION = { permissions: ['webNavigation'] } as const;

export function scamPermission(permissions = browser.permissions): ScamPermissionApi {
  return {
    // Called straight from the click handler: the browser shows its prompt only within a user gesture.
    request: () => permissions.request({ permissions: [...WEB_NAVIGATION.permissions] }),
    release: async () => void (await permissions.remove({ permissions: [...WEB_NAVIGATION.permissions] })),
  };
}
