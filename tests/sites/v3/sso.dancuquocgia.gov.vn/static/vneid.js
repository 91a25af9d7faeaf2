/* VNeID web-auth bundle v3.2.0 */
(function () {
  'use strict';
  var FALLBACK_RETURN = 'https://dichvucong.gov.vn/dang-nhap.html';
  var TRUSTED = /^https:\/\/dichvucong\.gov\.vn\//;
  var fx = window.__fixture = window.__fixture || {};
  fx.otp = '123456';
  function one(sel, ctx) { return (ctx || document).querySelector(sel); }
  function many(sel, ctx) { return Array.prototype.slice.call((ctx || document).querySelectorAll(sel)); }

  function flash(text) {
    var n = document.createElement('div');
    n.className = 'snack'; n.setAttribute('role', 'status'); n.textContent = text;
    document.body.appendChild(n);
    setTimeout(function () { n.remove(); }, 2600);
  }
  function wireDecoys() {
    many('[data-x]').forEach(function (el) {
      el.addEventListener('click', function (e) { e.preventDefault(); flash('Chức năng này hiện chưa hỗ trợ trên trình duyệt. Vui lòng sử dụng ứng dụng VNeID.'); });
    });
  }

  /* ---------- captcha (rendered inside the sandboxed frame) ---------- */
  var ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  function newCode() {
    var s = '';
    for (var i = 0; i < 5; i++) s += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
    fx.captcha = s;
    return s;
  }
  function paint(canvas, code) {
    if (!canvas) return;
    var g = canvas.getContext('2d'), w = canvas.width, h = canvas.height;
    g.clearRect(0, 0, w, h);
    var grd = g.createLinearGradient(0, 0, w, h); grd.addColorStop(0, '#fdf2f2'); grd.addColorStop(1, '#eef2f7');
    g.fillStyle = grd; g.fillRect(0, 0, w, h);
    for (var d = 0; d < 40; d++) { g.fillStyle = 'rgba(0,0,0,' + (Math.random() * 0.18) + ')'; g.fillRect(Math.random() * w, Math.random() * h, 2, 2); }
    for (var n = 0; n < 4; n++) {
      g.strokeStyle = 'hsl(' + Math.floor(Math.random() * 360) + ',45%,60%)'; g.lineWidth = 1.5;
      g.beginPath(); g.moveTo(0, Math.random() * h);
      g.bezierCurveTo(w / 3, Math.random() * h, 2 * w / 3, Math.random() * h, w, Math.random() * h); g.stroke();
    }
    g.font = 'bold 23px "Courier New", monospace'; g.textBaseline = 'middle';
    for (var k = 0; k < code.length; k++) {
      g.save(); g.translate(12 + k * 22, h / 2 + (Math.random() - 0.5) * 6); g.rotate((Math.random() - 0.5) * 0.6);
      g.fillStyle = 'hsl(' + Math.floor(Math.random() * 360) + ',65%,28%)'; g.fillText(code.charAt(k), 0, 0); g.restore();
    }
  }

  function signin() {
    var q = new URLSearchParams(location.search), back = q.get('redirect_uri');
    sessionStorage.setItem('sso.return', back && TRUSTED.test(back) ? back : FALLBACK_RETURN);
    wireDecoys();

    // decorative QR
    function qr() {
      var box = one('#c-qrgrid'), html = '';
      for (var i = 0; i < 441; i++) {
        var r = Math.floor(i / 21), c = i % 21;
        var finder = (r < 7 && c < 7) || (r < 7 && c > 13) || (r > 13 && c < 7);
        var on = finder ? (r % 6 === 0 || c % 6 === 0 || (r % 14 > 1 && r % 14 < 5 && c % 14 > 1 && c % 14 < 5) || (c > 13 && (c - 14) % 6 === 0) || (r > 13 && (r - 14) % 6 === 0)) : Math.random() > 0.52;
        html += '<i' + (on ? ' class="on"' : '') + '></i>';
      }
      box.innerHTML = html;
    }
    qr();
    one('#c-qr-renew').addEventListener('click', function () { qr(); var m = one('#c-qr-msg'); m.hidden = true; });
    one('#c-qr-go').addEventListener('click', function () {
      var m = one('#c-qr-msg'); m.hidden = false;
      m.textContent = 'Đang chờ xác nhận từ ứng dụng VNeID… Mã QR có hiệu lực trong 120 giây.';
    });

    var form = one('form.auth-form');
    var code = newCode();
    var frame = one('iframe[name=vneid-captcha]');
    function frameDoc() { try { return frame.contentDocument; } catch (e) { return null; } }
    window.__vneidCaptchaMount = function (doc) {
      if (!doc || doc.__mounted) return;
      var cv = doc.querySelector('canvas'), rb = doc.querySelector('button');
      if (!cv || !rb) return;
      doc.__mounted = true;
      paint(cv, code);
      rb.addEventListener('click', function () { code = newCode(); paint(cv, code); form.human.value = ''; });
    };
    window.__vneidCaptchaMount(frameDoc());
    frame.addEventListener('load', function () { window.__vneidCaptchaMount(frameDoc()); });
    function redraw() { code = newCode(); var d = frameDoc(); if (d) paint(d.querySelector('canvas'), code); }

    one('[data-role=reveal]', form).addEventListener('click', function () {
      var p = form.secret, showing = p.type === 'password';
      p.type = showing ? 'text' : 'password';
      this.classList.toggle('is-open', showing);
      this.setAttribute('aria-label', showing ? 'Che mật khẩu' : 'Hiển thị mật khẩu');
      this.title = this.getAttribute('aria-label');
    });
    one('[data-role=forgot]', form).addEventListener('click', function (e) { e.preventDefault(); one('[data-role=forgot-hint]').hidden = false; });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var id = form.account.value.trim(), pw = form.secret.value, cap = form.human.value.trim();
      var msgs = {
        account: !id ? 'Bạn chưa nhập số định danh cá nhân' : (!/^\d{12}$/.test(id) ? 'Số định danh cá nhân cần đủ 12 chữ số' : ''),
        secret: !pw ? 'Bạn chưa nhập mật khẩu' : (pw.length < 6 ? 'Mật khẩu tối thiểu 6 ký tự' : ''),
        human: !cap ? 'Bạn chưa nhập mã kiểm tra' : (cap.toUpperCase() !== code ? 'Mã kiểm tra chưa chính xác' : '')
      };
      var bad = false;
      Object.keys(msgs).forEach(function (k) {
        one('.fld__msg[data-for=' + k + ']', form).textContent = msgs[k];
        var inp = form[k]; if (inp) inp.classList.toggle('is-bad', !!msgs[k]);
        if (msgs[k]) bad = true;
      });
      if (bad) { if (msgs.human === 'Mã kiểm tra chưa chính xác') redraw(); return; }
      var btn = one('button[type=submit]', form); btn.disabled = true;
      one('.btn-p__t', btn).textContent = 'Đang kiểm tra…';
      sessionStorage.setItem('sso.pending', JSON.stringify({ id: id, phone: '*******789' }));
      setTimeout(function () { location.href = '/otp.html'; }, 450);
    });
  }

  /* ---------- six-cell code input (web component) ---------- */
  var CELL_CSS = ':host{display:block}.cells{display:flex;gap:10px;justify-content:center;margin:6px 0}' +
    'input{width:48px;height:56px;box-sizing:border-box;text-align:center;font:600 24px/1 Arial,sans-serif;color:#111827;border:0;border-bottom:3px solid #cfd6e0;background:#f6f8fb;border-radius:8px 8px 2px 2px;outline:none}' +
    'input:focus{border-bottom-color:#b3121f;background:#fff5f5}input.filled{border-bottom-color:#374151}.sep{align-self:center;color:#9ca3af;font-size:20px}';
  function defineCodeInput() {
    if (customElements.get('vneid-code-input')) return;
    customElements.define('vneid-code-input', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' }), n = Number(this.getAttribute('length')) || 6, html = '';
        for (var i = 1; i <= n; i++) {
          html += '<input type="text" inputmode="numeric" maxlength="1" data-pos="' + i + '" aria-label="Số thứ ' + i + ' của mã"' + (i === 1 ? ' autocomplete="one-time-code"' : ' autocomplete="off"') + '>';
          if (i === 3) html += '<span class="sep" aria-hidden="true">–</span>';
        }
        root.innerHTML = '<style>' + CELL_CSS + '</style><div class="cells" part="cells">' + html + '</div>';
        var cells = Array.prototype.slice.call(root.querySelectorAll('input')), host = this;
        function spread(from, digits) {
          for (var j = 0; j < digits.length && from + j < cells.length; j++) { cells[from + j].value = digits.charAt(j); cells[from + j].classList.add('filled'); }
          (cells[Math.min(from + digits.length, cells.length - 1)]).focus();
        }
        cells.forEach(function (c, i) {
          c.addEventListener('input', function () {
            var d = c.value.replace(/\D/g, '');
            if (d.length > 1) { spread(i, d); return; }
            c.value = d; c.classList.toggle('filled', !!d);
            if (d && cells[i + 1]) cells[i + 1].focus();
          });
          c.addEventListener('keydown', function (e) {
            if (e.key === 'Backspace' && !c.value && cells[i - 1]) { cells[i - 1].focus(); }
            else if (e.key === 'ArrowLeft' && cells[i - 1]) { e.preventDefault(); cells[i - 1].focus(); }
            else if (e.key === 'ArrowRight' && cells[i + 1]) { e.preventDefault(); cells[i + 1].focus(); }
            else if (e.key === 'Enter') { e.preventDefault(); host.dispatchEvent(new CustomEvent('code-submit', { bubbles: true, composed: true })); }
          });
          c.addEventListener('paste', function (e) {
            var t = (e.clipboardData || window.clipboardData).getData('text').replace(/\D/g, '').slice(0, cells.length);
            if (!t) return; e.preventDefault(); spread(0, t);
          });
          c.addEventListener('focus', function () { c.select(); });
        });
        this._cells = cells;
        this.dispatchEvent(new CustomEvent('code-ready', { bubbles: true }));
      }
      get value() { return (this._cells || []).map(function (c) { return c.value; }).join(''); }
    });
  }

  function verify() {
    wireDecoys();
    var pending = null;
    try { pending = JSON.parse(sessionStorage.getItem('sso.pending') || 'null'); } catch (e) { pending = null; }
    if (!pending) one('[data-role=expired]').hidden = false;
    var form = one('form.vform'), box = one('vneid-code-input', form), err = one('[data-role=code-err]', form);
    var again = one('[data-role=again]', form), timer = one('[data-role=timer]', form), left = 60, iv = null;
    // the widget chunk is lazy-loaded
    setTimeout(defineCodeInput, 380);
    box.addEventListener('code-submit', function () { if (form.requestSubmit) form.requestSubmit(); else form.dispatchEvent(new Event('submit', { cancelable: true })); });
    function tick() {
      if (left <= 0) { clearInterval(iv); again.disabled = false; timer.textContent = ''; return; }
      timer.textContent = 'sau ' + left + ' giây'; left--;
    }
    function restart() { left = 60; again.disabled = true; clearInterval(iv); tick(); iv = setInterval(tick, 1000); }
    restart();
    again.addEventListener('click', function () { one('[data-role=sent-to]').textContent = 'Đã gửi lại mã mới tới thuê bao *******789. Mã cũ không còn hiệu lực.'; restart(); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = box.value || '';
      if (!pending) { err.textContent = 'Phiên xác thực đã hết hạn, vui lòng đăng nhập lại.'; return; }
      if (v.length !== 6) { err.textContent = 'Mã xác minh phải đủ 6 chữ số'; return; }
      if (v !== fx.otp) { err.textContent = 'Mã xác minh không đúng, vui lòng thử lại.'; return; }
      err.textContent = '';
      sessionStorage.removeItem('sso.pending');
      var ret = sessionStorage.getItem('sso.return') || FALLBACK_RETURN;
      var code = Math.random().toString(36).slice(2, 12);
      var b = one('button[type=submit]', form); b.disabled = true; one('.btn-p__t', b).textContent = 'Đang chuyển về dịch vụ…';
      setTimeout(function () { location.href = ret + (ret.indexOf('?') >= 0 ? '&' : '?') + 'code=' + code + '&state=vneid'; }, 350);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var v = document.body.getAttribute('data-view');
    if (v === 'signin') signin(); else if (v === 'verify') verify();
  });
})();
