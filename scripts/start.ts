// `npm start`: build, serve the stand-in sites and the demo ward page (widget/demo/, with the widget and the
// shipped packs, under a strict CSP), and open Chromium with the extension on https://dichvucong.gov.vn/
// (real hostnames mapped to the local server) and the ward page beside it. Without a display: the headless
// demo, then the ward page stays served for any browser.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { extensionWorker, launch, ROOT, startSites } from '../tests/support/harness';
import { startWardSite } from '../tests/support/ward-site';
import { runDemo } from './demo';

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('Không có màn hình (no DISPLAY): chạy bản trình diễn không giao diện thay thế — `npm run demo`.\n');
    const files = await runDemo();
    console.log(`\nĐã ghi ${files.length} ảnh chụp vào ${path.join(ROOT, 'demo-output')} (step-01.png …).`);
    const ward = await startWardSite({ port: Number(process.env.WARD_PORT) || 8080 });
    console.log(`\nTrang phường mẫu có tiện ích nhúng: ${ward.url} (mở bằng trình duyệt bất kỳ). Bấm Ctrl+C để dừng.`);
    process.on('SIGINT', () => void ward.stop().then(() => process.exit(0)));
    return;
  }
  const server = await startSites(undefined, Number(process.env.PORT) || undefined);
  const ward = await startWardSite({ port: Number(process.env.WARD_PORT) || undefined });
  const chrome = await launch({ server, headless: false, viewport: null });
  const { id } = await extensionWorker(chrome.browser);
  const [first] = await chrome.browser.pages();
  const site = first ?? (await chrome.browser.newPage());
  await site.goto('https://dichvucong.gov.vn/');
  const panel = await chrome.browser.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  const wardPage = await chrome.browser.newPage();
  await wardPage.goto(ward.url);
  await site.bringToFront();
  console.log(`
Dẫn Bước đang chạy. Các trang thử nghiệm: ${server.hosts.join(', ')} → 127.0.0.1:${server.port}

  1. Bấm biểu tượng Dẫn Bước trên thanh công cụ (hoặc mảnh ghép → Dẫn Bước) để mở bảng bên,
     hoặc dùng thẻ "Dẫn Bước" đã mở sẵn.
  2. Chọn "Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID" → Bắt đầu.
  3. Làm theo gợi ý trên trang. Số định danh: 12 số bất kỳ; mật khẩu ≥ 6 ký tự; OTP: 123456.

Trang phường mẫu có tiện ích nhúng (thẻ "Phường Mẫu"): ${ward.url}

Đóng trình duyệt hoặc bấm Ctrl+C để dừng.`);
  const stop = async (): Promise<void> => {
    await chrome.close();
    await server.stop();
    await ward.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  chrome.browser.on('disconnected', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
