/* VNeID SSO web — bản giao diện 2027 */
(function () {
  'use strict';
  var FALLBACK_RETURN = 'https://dichvucong.gov.vn/dang-nhap.html';
  var TRUSTED = /^https:\/\/dichvucong\.gov\.vn\//;
  var ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  function one(s, r) { return (r || document).querySelector(s); }
  function many(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
  window.__fixture = window.__fixture || {};
  window.__fixture.otp = '123456';

  function newCode() {
    var c = '';
    for (var i = 0; i < 5; i++) c += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
    window.__fixture.captcha = c;
    return c;
  }
  function paint(canvas, code) {
    var g = canvas.getContext('2d'), w = canvas.width, h = canvas.height;
    g.clearRect(0, 0, w, h);
    var grd = g.createLinearGradient(0, 0, w, h); grd.addColorStop(0, '#fff5f5'); grd.addColorStop(1, '#eef2ff');
    g.fillStyle = grd; g.fillRect(0, 0, w, h);
    for (var n = 0; n < 40; n++) { g.fillStyle = 'rgba(100,116,139,' + (Math.random() * 0.4) + ')'; g.fillRect(Math.random() * w, Math.random() * h, 2, 2); }
    for (var m = 0; m < 4; m++) {
      g.strokeStyle = 'hsla(' + Math.floor(Math.random() * 360) + ',55%,55%,.7)'; g.lineWidth = 1.4;
      g.beginPath(); g.moveTo(0, Math.random() * h); g.bezierCurveTo(w / 3, Math.random() * h, 2 * w / 3, Math.random() * h, w, Math.random() * h); g.stroke();
    }
    g.font = 'bold 26px "Courier New", monospace'; g.textBaseline = 'middle';
    for (var k = 0; k < code.length; k++) {
      g.save(); g.translate(16 + k * 25, h / 2 + (Math.random() - 0.5) * 8); g.rotate((Math.random() - 0.5) * 0.6);
      g.fillStyle = 'hsl(' + Math.floor(Math.random() * 360) + ',65%,28%)'; g.fillText(code.charAt(k), 0, 0); g.restore();
    }
  }

  var CAPTCHA_DOC = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>' +
    '*{box-sizing:border-box}html,body{margin:0;background:transparent;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.cw{display:flex;align-items:center;gap:8px;padding:2px}' +
    '.cw__img{border:1px solid #d4d9e3;border-radius:10px;display:block}' +
    '.cw__reload{width:44px;height:48px;border:1px solid #d4d9e3;border-radius:10px;background:#fff;color:#b3122b;cursor:pointer;display:flex;align-items:center;justify-content:center}' +
    '.cw__reload:hover{background:#fff1f2}' +
    '.cw__in{flex:1;min-width:0;height:48px;border:1px solid #d4d9e3;border-radius:10px;padding:0 12px;font-size:16px;letter-spacing:3px;text-transform:uppercase}' +
    '.cw__in::placeholder{letter-spacing:0;text-transform:none;color:#94a3b8;font-size:14px}' +
    '.cw__in:focus{outline:3px solid #fecdd3;border-color:#b3122b}' +
    '</style></head><body><div class="cw" role="group" aria-label="Mã kiểm tra">' +
    '<canvas class="cw__img" width="140" height="48" role="img" aria-label="Hình mã kiểm tra"></canvas>' +
    '<button type="button" class="cw__reload" aria-label="Lấy mã kiểm tra khác" title="Lấy mã khác">' +
    '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M20 12a8 8 0 11-2.3-5.6M20 4v5h-5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg></button>' +
    '<input class="cw__in" type="text" name="ma_kiem_tra" maxlength="5" autocomplete="off" placeholder="Gõ 5 ký tự trong ảnh" aria-label="Mã kiểm tra">' +
    '</div></body></html>';

  function signinScreen() {
    var q = new URLSearchParams(location.search);
    var r = q.get('redirect_uri');
    sessionStorage.setItem('sso.return', r && TRUSTED.test(r) ? r : FALLBACK_RETURN);

    var form = one('#c-f3k9'), code = newCode(), frameDoc = null;
    var uid = one('#c-u1x7'), pwd = one('#c-p4m2');

    function capInput() { return frameDoc ? one('input[name=ma_kiem_tra]', frameDoc) : null; }
    function redraw() { code = newCode(); if (frameDoc) paint(one('canvas', frameDoc), code); }

    // widget mã kiểm tra được nạp trễ trong iframe cùng nguồn
    setTimeout(function () {
      var slot = one('#c-cap-slot');
      var fr = document.createElement('iframe');
      fr.name = 'vneid-captcha'; fr.title = 'Mã kiểm tra'; fr.className = 'v27-cap-frame';
      fr.setAttribute('scrolling', 'no');
      fr.addEventListener('load', function () {
        frameDoc = fr.contentDocument;
        paint(one('canvas', frameDoc), code);
        one('.cw__reload', frameDoc).addEventListener('click', function () { redraw(); capInput().value = ''; capInput().focus(); });
        capInput().addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); } });
      });
      fr.srcdoc = CAPTCHA_DOC;
      slot.innerHTML = '';
      slot.appendChild(fr);
    }, 450);

    one('[data-act=reveal]').addEventListener('click', function () {
      var show = pwd.type === 'password';
      pwd.type = show ? 'text' : 'password';
      this.setAttribute('aria-label', show ? 'Che mật khẩu' : 'Xem mật khẩu');
      this.setAttribute('title', show ? 'Che mật khẩu' : 'Xem mật khẩu');
      this.classList.toggle('is-on', show);
    });
    many('[data-act=recover],[data-act=recover-2]').forEach(function (a) {
      a.addEventListener('click', function (e) { e.preventDefault(); one('#c-recover-note').hidden = false; });
    });
    many('.v27-tab').forEach(function (t) {
      t.addEventListener('click', function () {
        var k = t.getAttribute('data-tab');
        many('.v27-tab').forEach(function (x) { var on = x === t; x.classList.toggle('is-on', on); x.setAttribute('aria-selected', String(on)); });
        many('[data-pane]').forEach(function (p) { p.hidden = p.getAttribute('data-pane') !== k; });
      });
    });
    one('[data-act=app-login]').addEventListener('click', function () {
      one('.v27-tab[data-tab=qr]').click();
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var bad = false;
      var id = uid.value.trim(), pw = pwd.value, ci = capInput(), cap = ci ? ci.value.trim() : '';
      function msg(el, text) { el.textContent = text; el.closest('.v27-fld').classList.toggle('has-err', !!text); if (text) bad = true; }
      msg(one('#c-u1x7-msg'), !id ? 'Bạn chưa nhập số định danh cá nhân' : (!/^\d{12}$/.test(id) ? 'Số định danh cá nhân phải đủ 12 chữ số' : ''));
      msg(one('#c-p4m2-msg'), !pw ? 'Bạn chưa nhập mật khẩu' : (pw.length < 6 ? 'Mật khẩu cần ít nhất 6 ký tự' : ''));
      var capWrong = !!cap && cap.toUpperCase() !== code;
      msg(one('#c-cap-msg'), !cap ? 'Bạn chưa nhập mã kiểm tra' : (capWrong ? 'Mã kiểm tra chưa đúng, vui lòng thử lại' : ''));
      if (bad) { if (capWrong) redraw(); return; }
      var b = one('#c-go'); b.disabled = true; one('.v27-btn__t', b).textContent = 'Đang kiểm tra…';
      sessionStorage.setItem('sso.pending', JSON.stringify({ id: id, phone: '*******789' }));
      setTimeout(function () { location.href = '/otp.html'; }, 400);
    });

    setTimeout(function () {
      var box = one('[data-late=news]');
      box.innerHTML = '<h3 class="v27-side__h">Tin tức</h3><ul class="v27-news__list">' +
        '<li><a href="#tin-1">Hướng dẫn kích hoạt tài khoản định danh điện tử mức 2</a><small>12/01/2027</small></li>' +
        '<li><a href="#tin-2">Cảnh giác với các trang giả mạo đăng nhập VNeID</a><small>05/01/2027</small></li>' +
        '<li><a href="#tin-3">Đăng nhập Cổng Dịch vụ công bằng mã QR trên ứng dụng</a><small>28/12/2026</small></li></ul>';
    }, 900);
  }

  function otpScreen() {
    var pending = null;
    try { pending = JSON.parse(sessionStorage.getItem('sso.pending') || 'null'); } catch (e) { pending = null; }
    if (!pending) one('[data-slot=expired]').hidden = false;
    var form = one('#c-q8t1'), cells = many('.v27-otp__d', form), msgEl = one('[data-slot=otp-msg]');

    function spread(from, digits) {
      for (var j = 0; j < digits.length && from + j < cells.length; j++) cells[from + j].value = digits.charAt(j);
      var next = cells[Math.min(from + digits.length, cells.length - 1)];
      next.focus();
    }
    cells.forEach(function (c, i) {
      c.addEventListener('input', function () {
        var d = c.value.replace(/\D/g, '');
        if (d.length > 1) { c.value = ''; spread(i, d.slice(0, 6 - i)); return; }
        c.value = d;
        c.parentNode.classList.toggle('is-filled', !!d);
        if (d && cells[i + 1]) cells[i + 1].focus();
      });
      c.addEventListener('keydown', function (e) {
        if (e.key === 'Backspace' && !c.value && cells[i - 1]) { cells[i - 1].focus(); }
        else if (e.key === 'ArrowLeft' && cells[i - 1]) { e.preventDefault(); cells[i - 1].focus(); }
        else if (e.key === 'ArrowRight' && cells[i + 1]) { e.preventDefault(); cells[i + 1].focus(); }
      });
      c.addEventListener('paste', function (e) {
        var t = (e.clipboardData || window.clipboardData).getData('text').replace(/\D/g, '').slice(0, 6);
        if (!t) return; e.preventDefault(); spread(0, t);
      });
    });

    var remain = 60, iv = null, resend = one('[data-act=resend]'), timer = one('[data-slot=timer]');
    function tick() {
      if (remain <= 0) { clearInterval(iv); resend.disabled = false; timer.textContent = ''; return; }
      timer.textContent = 'Gửi lại sau ' + Math.floor(remain / 60) + ':' + ('0' + (remain % 60)).slice(-2); remain--;
    }
    function restart() { remain = 60; resend.disabled = true; clearInterval(iv); tick(); iv = setInterval(tick, 1000); }
    restart();
    resend.addEventListener('click', function () { one('[data-slot=otp-info]').textContent = 'Đã gửi mã mới tới số điện thoại *******789.'; restart(); });
    one('[data-act=voice]').addEventListener('click', function () { msgEl.textContent = 'Tính năng nhận mã qua cuộc gọi chưa hỗ trợ số điện thoại này.'; });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = cells.map(function (c) { return c.value; }).join('');
      if (!pending) { msgEl.textContent = 'Phiên xác thực đã hết hạn. Vui lòng đăng nhập lại.'; return; }
      if (v.length !== 6) { msgEl.textContent = 'Mã OTP cần đủ 6 chữ số'; return; }
      if (v !== window.__fixture.otp) { msgEl.textContent = 'Mã OTP chưa chính xác. Vui lòng kiểm tra lại tin nhắn.'; return; }
      msgEl.textContent = '';
      sessionStorage.removeItem('sso.pending');
      var back = sessionStorage.getItem('sso.return') || FALLBACK_RETURN;
      var code = Math.random().toString(36).slice(2, 12);
      var b = one('button[type=submit]', form); b.disabled = true; one('.v27-btn__t', b).textContent = 'Đang chuyển trang…';
      setTimeout(function () { location.href = back + (back.indexOf('?') >= 0 ? '&' : '?') + 'code=' + code + '&state=vneid'; }, 300);
    });
  }

  if (window.customElements && !customElements.get('vneid-notice')) {
    customElements.define('vneid-notice', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var s = this.attachShadow({ mode: 'open' });
        s.innerHTML = '<style>:host{display:block}h3{margin:0 0 8px;font-size:15px;color:#9f1239;display:flex;gap:8px;align-items:center}p{margin:0;font-size:13px;line-height:1.5;color:#475569}</style>' +
          '<h3><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 3l10 18H2z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 10v5M12 17.5v.5" stroke="currentColor" stroke-width="2"/></svg>Lưu ý bảo mật</h3>' +
          '<p>Cơ quan Công an không yêu cầu cung cấp mật khẩu hay mã OTP qua điện thoại. Không chia sẻ mã xác thực cho bất kỳ ai.</p>';
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var s = document.body.getAttribute('data-screen');
    if (s === 'signin') signinScreen(); else if (s === 'otp') otpScreen();
  });
})();
