/* Cổng DVCQG – portal bundle 3.0 (2027) */
(function () {
  'use strict';
  var SSO = 'https://sso.dancuquocgia.gov.vn/index.html';
  var CALLBACK = 'https://dichvucong.gov.vn/dang-nhap.html';
  var S = { user: 'dvc.user', draft: 'dvc.draft', hoso: 'dvc.hoso', ret: 'dvc.return' };

  function q(s, r) { return (r || document).querySelector(s); }
  function qa(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
  function read(k) { try { return JSON.parse(sessionStorage.getItem(k) || 'null'); } catch (e) { return null; } }
  function write(k, v) { sessionStorage.setItem(k, JSON.stringify(v)); }
  function qp(n) { return new URLSearchParams(location.search).get(n); }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function fold(s) { return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim(); }
  function later(ms, fn) { return setTimeout(fn, ms); }
  function toast(msg) {
    var t = document.createElement('div'); t.className = 'c-toast'; t.setAttribute('role', 'status'); t.textContent = msg;
    document.body.appendChild(t); later(2600, function () { t.remove(); });
  }
  function me() { return read(S.user); }
  var ICO = {
    check: '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12.5l4.5 4.5L19 7"/></svg>',
    arrow: '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12h14"/><path d="M13 6l6 6-6 6"/></svg>',
    card: '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true"><rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20"/></svg>',
    home: '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 11l9-8 9 8"/><path d="M5 10v10h14V10"/></svg>',
    copy: '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true"><rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h10"/></svg>'
  };

  /* ---------- catalogue ---------- */
  var CATALOGUE = [
    { t: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', u: '/thu-tuc/ly-lich-tu-phap.html', o: 'Sở Tư pháp; Trung tâm Lý lịch tư pháp quốc gia', lv: 'Toàn trình', hot: 1 },
    { t: 'Cấp Phiếu lý lịch tư pháp cho người nước ngoài đã cư trú tại Việt Nam', u: '/tim-kiem.html?q=ng%C6%B0%E1%BB%9Di%20n%C6%B0%E1%BB%9Bc%20ngo%C3%A0i', o: 'Sở Tư pháp', lv: 'Một phần' },
    { t: 'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan tiến hành tố tụng', u: '/tim-kiem.html?q=t%E1%BB%91%20t%E1%BB%A5ng', o: 'Trung tâm Lý lịch tư pháp quốc gia', lv: 'Một phần' },
    { t: 'Đăng ký khai sinh', u: '/tim-kiem.html?q=khai%20sinh', o: 'UBND cấp xã', lv: 'Toàn trình', hot: 1 },
    { t: 'Đăng ký thường trú', u: '/tim-kiem.html?q=th%C6%B0%E1%BB%9Dng%20tr%C3%BA', o: 'Công an cấp xã', lv: 'Toàn trình', hot: 1 },
    { t: 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', u: '/tim-kiem.html?q=gi%E1%BA%A5y%20ph%C3%A9p%20l%C3%A1i%20xe', o: 'Sở Xây dựng', lv: 'Toàn trình', hot: 1 },
    { t: 'Đăng ký kết hôn', u: '/tim-kiem.html?q=k%E1%BA%BFt%20h%C3%B4n', o: 'UBND cấp xã', lv: 'Một phần', hot: 1 },
    { t: 'Cấp bản sao trích lục hộ tịch', u: '/tim-kiem.html?q=tr%C3%ADch%20l%E1%BB%A5c', o: 'UBND cấp xã', lv: 'Toàn trình', hot: 1 }
  ];

  var AREAS = [
    ['HN', 'Hà Nội'], ['HCM', 'TP. Hồ Chí Minh'], ['HP', 'Hải Phòng'], ['DN', 'Đà Nẵng'], ['HUE', 'Huế'], ['CT', 'Cần Thơ']
  ];
  var SUB_AREAS = {
    'HN': ['Phường Ba Đình', 'Phường Hoàn Kiếm', 'Phường Cửa Nam', 'Phường Đống Đa', 'Phường Cầu Giấy', 'Xã Sóc Sơn'],
    'HCM': ['Phường Sài Gòn', 'Phường Bến Thành', 'Phường Tân Định', 'Phường Thủ Đức', 'Xã Cần Giờ'],
    'DN': ['Phường Hải Châu', 'Phường Thanh Khê', 'Phường Sơn Trà', 'Xã Hòa Vang'],
    'HP': ['Phường Hồng Bàng', 'Phường Lê Chân', 'Phường Ngô Quyền', 'Xã Cát Hải'],
    'CT': ['Phường Ninh Kiều', 'Phường Cái Khế', 'Phường Bình Thủy', 'Xã Phong Điền'],
    'HUE': ['Phường Thuận Hóa', 'Phường Phú Xuân', 'Phường Kim Long', 'Xã Phú Vang']
  };

  /* ---------- <ds-address-select> (design-system address picker) ---------- */
  var PICKER_CSS = ':host{display:block}' +
    '.row{display:grid;grid-template-columns:1fr 1fr;gap:14px 18px}' +
    '@media (max-width:640px){.row{grid-template-columns:1fr}}' +
    '.f{display:flex;flex-direction:column;gap:5px}' +
    'label{font-size:13px;font-weight:600;color:#4a5565;display:flex;gap:8px;align-items:center}' +
    '.req{color:#c5221f}' +
    '.spin{font-weight:400;color:#7b8494;font-size:12px}' +
    '.spin::before{content:"";display:inline-block;width:10px;height:10px;border:2px solid #cfd4dc;border-top-color:#a3161b;border-radius:50%;margin-right:5px;vertical-align:-1px;animation:r .8s linear infinite}' +
    '@keyframes r{to{transform:rotate(360deg)}}' +
    'select{width:100%;font:inherit;font-size:15px;padding:10px 12px;border:1px solid #cfd4dc;border-radius:6px;background:#fff;color:#1c2430}' +
    'select:focus{outline:2px solid #f3b0b2;border-color:#a3161b}' +
    'select:disabled{background:#f3f4f6;color:#98a0ac}' +
    '.f.bad select{border-color:#c5221f;background:#fffafa}' +
    '.err{color:#c5221f;font-size:12.5px;min-height:4px}' +
    '[hidden]{display:none!important}';

  class DsAddressSelect extends HTMLElement {
    connectedCallback() {
      if (this._ready) return; this._ready = true;
      var root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>' + PICKER_CSS + '</style>' +
        '<div class="row" part="row">' +
        '<div class="f" data-f="province"><label for="a-l1">Tỉnh / thành phố <span class="req">*</span></label>' +
        '<select id="a-l1" name="tinh_thanh"><option value="">Chọn tỉnh, thành phố</option>' +
        AREAS.map(function (a) { return '<option value="' + a[0] + '">' + a[1] + '</option>'; }).join('') + '</select>' +
        '<span class="err" aria-live="polite"></span></div>' +
        '<div class="f" data-f="ward"><label for="a-l2">Xã / phường <span class="req">*</span><span class="spin" hidden>đang tải</span></label>' +
        '<select id="a-l2" name="xa_phuong" disabled><option value="">Chọn xã, phường</option></select>' +
        '<span class="err" aria-live="polite"></span></div></div>';
      var self = this;
      this._p = root.getElementById('a-l1'); this._w = root.getElementById('a-l2'); this._spin = q('.spin', root);
      this._p.addEventListener('change', function () { self._load(self._p.value); });
    }
    _load(code, pick) {
      var self = this, w = this._w;
      w.innerHTML = '<option value="">Chọn xã, phường</option>'; w.disabled = true;
      if (!code) { this._spin.hidden = true; return; }
      this._spin.hidden = false;
      later(700, function () {
        if (self._p.value !== code) return;
        (SUB_AREAS[code] || []).forEach(function (n) {
          var o = document.createElement('option'); o.value = n; o.textContent = n; w.appendChild(o);
        });
        w.disabled = false; self._spin.hidden = true;
        if (pick) w.value = pick;
        self.dispatchEvent(new CustomEvent('ds-wards-ready', { bubbles: true }));
      });
    }
    restore(p, w) { if (!p) return; this._p.value = p; this._load(p, w); }
    val(k) { return k === 'province' ? this._p.value : this._w.value; }
    control(k) { return k === 'province' ? this._p : this._w; }
    setError(k, msg) {
      var box = q('[data-f=' + k + ']', this.shadowRoot), sel = this.control(k);
      box.classList.toggle('bad', !!msg); q('.err', box).textContent = msg || '';
      if (msg) sel.setAttribute('aria-invalid', 'true'); else sel.removeAttribute('aria-invalid');
      return !msg;
    }
  }
  if (!customElements.get('ds-address-select')) customElements.define('ds-address-select', DsAddressSelect);

  /* ---------- shell ---------- */
  function shell() {
    var ck = q('[data-cookie]');
    var seen = false; try { seen = localStorage.getItem('dvc27.cookie') === '1'; } catch (e) { }
    if (ck && !seen) {
      ck.hidden = false;
      q('[data-cookie-ok]', ck).addEventListener('click', function () { ck.hidden = true; try { localStorage.setItem('dvc27.cookie', '1'); } catch (e) { } });
    }
    var burger = q('.dvc-hdr__burger'), drawer = q('#c-mnav');
    if (burger && drawer) burger.addEventListener('click', function () {
      drawer.hidden = !drawer.hidden; burger.setAttribute('aria-expanded', String(!drawer.hidden));
    });
    var u = me(); if (!u) return;
    var initials = String(u.name || '?').trim().split(/\s+/).pop().charAt(0);
    function signout(e) { e.preventDefault(); sessionStorage.removeItem(S.user); location.href = '/index.html'; }
    var acc = q('[data-slot=account]');
    if (acc) {
      acc.innerHTML = '<div class="c-userchip"><span class="c-userchip__av" aria-hidden="true">' + esc(initials) + '</span><span>' + esc(u.name) + '</span><a href="#" data-act="thoat">Thoát</a></div>';
      q('[data-act=thoat]', acc).addEventListener('click', signout);
    }
    var accM = q('[data-slot=account-m]');
    if (accM) { accM.innerHTML = '<a class="o-btn o-btn--neutral" href="#">Thoát tài khoản</a>'; q('a', accM).addEventListener('click', signout); }
    var accF = q('[data-slot=account-f]');
    if (accF) { accF.innerHTML = '<li>' + esc(u.name) + '</li><li><a href="#">Đăng xuất</a></li>'; q('a', accF).addEventListener('click', signout); }
  }

  function goSearch(input) { location.href = '/tim-kiem.html?q=' + encodeURIComponent(input.value.trim()); }

  var views = {};

  views.home = function () {
    var f = q('#f-kw'), inp = q('#kw-home');
    f.addEventListener('submit', function (e) { e.preventDefault(); goSearch(inp); });
    var grid = q('#c-pop-7k');
    later(800, function () {
      grid.innerHTML = CATALOGUE.filter(function (s) { return s.hot; }).slice(0, 6).map(function (s) {
        return '<a class="c-svc" href="' + s.u + '"><span class="tag' + (s.lv === 'Toàn trình' ? ' tag--ok' : '') + '" style="align-self:flex-start">' + s.lv + '</span>' +
          '<span class="c-svc__t">' + esc(s.t) + '</span><span class="c-svc__m">' + esc(s.o) + '</span></a>';
      }).join('');
      grid.removeAttribute('aria-busy');
    });
  };

  views.signin = function () {
    var code = qp('code');
    if (code) {
      write(S.user, { name: 'Nguyễn Văn An', id: qp('sub') || '', loginAt: Date.now() });
      q('#c-st-91').hidden = false;
      var back = sessionStorage.getItem(S.ret) || '/index.html';
      sessionStorage.removeItem(S.ret);
      later(700, function () { location.replace(back); });
      return;
    }
    var ret = qp('return');
    if (ret && ret.charAt(0) === '/') sessionStorage.setItem(S.ret, ret);
    if (qp('action') === 'dang-ky') q('#c-reg-4a').hidden = false;
    q('[data-method=vneid-cd]').addEventListener('click', function () {
      location.href = SSO + '?client_id=dvcqg&redirect_uri=' + encodeURIComponent(CALLBACK);
    });
  };

  views.search = function () {
    var kw = qp('q') || '';
    var inp = q('#kw-sr'); inp.value = kw;
    q('#f-sr').addEventListener('submit', function (e) { e.preventDefault(); goSearch(inp); });
    var parts = fold(kw).split(/\s+/).filter(Boolean);
    var hits = CATALOGUE.filter(function (s) { var n = fold(s.t); return parts.every(function (p) { return n.indexOf(p) >= 0; }); });
    var sum = q('#c-sr-sum'), list = q('#c-rs-3m');
    sum.textContent = 'Đang tra cứu…';
    later(450, function () {
      sum.innerHTML = kw ? '<b>' + hits.length + '</b> thủ tục khớp với “' + esc(kw) + '”' : 'Hiển thị <b>' + hits.length + '</b> thủ tục';
      list.innerHTML = hits.length ? hits.map(function (s) {
        return '<article class="c-rs-card"><h3 class="c-rs-card__t"><a href="' + s.u + '">' + esc(s.t) + '</a></h3>' +
          '<p class="c-rs-card__m"><span class="tag' + (s.lv === 'Toàn trình' ? ' tag--ok' : '') + '">' + s.lv + '</span> · ' + esc(s.o) + '</p>' +
          '<a class="c-rs-card__go" href="' + s.u + '" tabindex="-1" aria-hidden="true">Chi tiết →</a></article>';
      }).join('') : '<div class="c-rs-empty">Chưa tìm thấy thủ tục nào. Hãy thử với từ khóa ngắn hơn.</div>';
      list.removeAttribute('aria-busy');
    });
  };

  var FEE_DOC = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>' +
    'body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2430}' +
    'dl{margin:0 0 12px;display:grid;grid-template-columns:1fr auto;gap:6px 10px}dt{color:#4a5565}dd{margin:0;font-weight:700;text-align:right}' +
    '#le-phi-co-ban{color:#a3161b}' +
    'form{background:#f6f7f9;border-radius:10px;padding:10px 12px;display:grid;gap:8px}' +
    'label{display:flex;justify-content:space-between;align-items:center;gap:8px;font-size:13px}' +
    'select,input{font:inherit;font-size:13px;padding:4px 6px;border:1px solid #cfd4dc;border-radius:6px;max-width:150px}' +
    '.tot{display:flex;justify-content:space-between;border-top:1px dashed #cfd4dc;padding-top:8px;font-size:13px}.tot output{font-weight:800;color:#a3161b;font-size:15px}' +
    '</style></head><body>' +
    '<dl><dt>Lệ phí cấp phiếu</dt><dd id="le-phi-co-ban">200.000 đ / người / lần</dd>' +
    '<dt>Sinh viên, người có công</dt><dd>100.000 đ</dd><dt>Từ phiếu thứ 3</dt><dd>5.000 đ / phiếu</dd></dl>' +
    '<form onsubmit="return false"><strong style="font-size:13px">Tính thử</strong>' +
    '<label>Đối tượng <select id="dt"><option value="200000">Công dân</option><option value="100000">Được giảm 50%</option><option value="0">Được miễn</option></select></label>' +
    '<label>Số phiếu <input id="sl" type="number" min="1" max="10" value="1"></label>' +
    '<div class="tot"><span>Tạm tính</span><output id="kq">200.000 đ</output></div></form>' +
    '<script>(function(){var d=document.getElementById("dt"),s=document.getElementById("sl"),o=document.getElementById("kq");' +
    'function f(){var n=Math.max(1,Math.min(10,parseInt(s.value,10)||1));var t=Number(d.value)+Math.max(0,n-2)*5000;o.textContent=t.toLocaleString("vi-VN")+" đ";}' +
    'd.addEventListener("change",f);s.addEventListener("input",f);f();})();<\/script></body></html>';

  views.procedure = function () {
    qa('[data-act=nop-truc-tuyen]').forEach(function (b) {
      b.addEventListener('click', function () {
        if (!me()) { location.href = '/dang-nhap.html?return=' + encodeURIComponent('/nop-ho-so.html'); return; }
        location.href = '/nop-ho-so.html';
      });
    });
    q('[data-act=theo-doi]').addEventListener('click', function () { location.href = '/ket-qua.html'; });
    var mount = q('[data-mount=fee-calc]');
    if (mount) {
      var fr = document.createElement('iframe');
      fr.name = 'tinh-le-phi'; fr.title = 'Bảng lệ phí và công cụ tính phí'; fr.className = 'c-fee-frame';
      fr.srcdoc = FEE_DOC; mount.appendChild(fr);
    }
  };

  /* stored shape (dvc.draft / dvc.hoso) -> control names */
  var FIELD = {
    fullName: 'ho_ten', dob: 'ngay_sinh', gender: 'gioi_tinh', idNumber: 'so_dinh_danh', phone: 'dien_thoai', email: 'thu_dien_tu',
    province: null, ward: null, addressDetail: 'dia_chi_cu_the', purpose: 'muc_dich', quantity: 'so_luong', commitment: 'cam_doan'
  };
  var ORDER = ['fullName', 'dob', 'gender', 'idNumber', 'phone', 'email', 'province', 'ward', 'addressDetail', 'purpose', 'quantity', 'attachment', 'commitment'];

  views.apply = function () {
    var form = q('#c-frm-x9f2');
    var picker = q('ds-address-select', form);
    function ctl(k) {
      if (k === 'province' || k === 'ward') return picker.control(k);
      if (k === 'attachment') return form.elements.tep_dinh_kem;
      return form.elements[FIELD[k]];
    }
    function v(k) { return k === 'province' || k === 'ward' ? picker.val(k) : String(ctl(k).value).trim(); }
    var u = me();
    if (u && !ctl('fullName').value) ctl('fullName').value = u.name;

    var draft = read(S.draft);
    if (draft) {
      Object.keys(FIELD).forEach(function (k) {
        if (!(k in draft) || !FIELD[k]) return;
        var el = ctl(k); if (el.type === 'checkbox') el.checked = !!draft[k]; else el.value = draft[k];
      });
      if (draft.province) picker.restore(draft.province, draft.ward);
      q('#c-dr-2b').hidden = false;
    }

    function flag(k, msg) {
      if (k === 'province' || k === 'ward') return picker.setError(k, msg);
      var el = ctl(k), wrap = el.closest('.fm-f'), slot = q('[data-err=' + k + ']', form);
      wrap.classList.toggle('has-err', !!msg); slot.textContent = msg || '';
      if (msg) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
      return !msg;
    }
    function check() {
      var bad = [], x;
      function r(k, msg) { if (!flag(k, msg)) bad.push(k); }
      r('fullName', v('fullName').length < 2 ? 'Vui lòng nhập họ và tên' : '');
      x = v('dob');
      r('dob', !x ? 'Vui lòng chọn ngày sinh' : (new Date(x) > new Date() ? 'Ngày sinh không được lớn hơn ngày hiện tại' : ''));
      r('gender', !v('gender') ? 'Vui lòng chọn giới tính' : '');
      x = v('idNumber');
      r('idNumber', !x ? 'Vui lòng nhập số định danh cá nhân' : (!/^\d{12}$/.test(x) ? 'Số định danh cá nhân phải gồm đúng 12 chữ số' : ''));
      x = v('phone');
      r('phone', !x ? 'Vui lòng nhập số điện thoại' : (!/^0\d{9}$/.test(x) ? 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0' : ''));
      x = v('email');
      r('email', x && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(x) ? 'Địa chỉ email không đúng định dạng' : '');
      r('province', !v('province') ? 'Vui lòng chọn Tỉnh/Thành phố' : '');
      r('ward', !v('ward') ? 'Vui lòng chọn Phường/Xã' : '');
      r('addressDetail', !v('addressDetail') ? 'Vui lòng nhập số nhà, tên đường/thôn/xóm' : '');
      r('purpose', v('purpose').length < 5 ? 'Vui lòng nhập mục đích sử dụng Phiếu lý lịch tư pháp' : '');
      x = Number(ctl('quantity').value);
      r('quantity', !(x >= 1 && x <= 10 && Math.floor(x) === x) ? 'Số lượng phiếu phải từ 1 đến 10' : '');
      var file = ctl('attachment').files[0];
      r('attachment', file && (!/\.(pdf|jpe?g|png)$/i.test(file.name) || file.size > 5 * 1024 * 1024) ? 'Chỉ chấp nhận tệp PDF, JPG, PNG, dung lượng tối đa 5 MB' : '');
      r('commitment', !ctl('commitment').checked ? 'Bạn cần xác nhận cam đoan trước khi nộp hồ sơ' : '');
      return bad;
    }
    function snapshot() {
      var d = {};
      ORDER.forEach(function (k) {
        if (k === 'attachment') return;
        if (k === 'province' || k === 'ward') { d[k] = picker.val(k); return; }
        var el = ctl(k); d[k] = el.type === 'checkbox' ? el.checked : el.value;
      });
      return d;
    }
    q('[data-act=luu-tam]', form).addEventListener('click', function () {
      write(S.draft, snapshot());
      var t = new Date();
      toast('Đã lưu tạm tờ khai lúc ' + String(t.getHours()).padStart(2, '0') + ':' + String(t.getMinutes()).padStart(2, '0'));
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var box = q('#c-sum-e7');
      var bad = check();
      if (bad.length) {
        box.textContent = 'Tờ khai còn ' + bad.length + ' mục chưa hợp lệ. Vui lòng xem lại các ô được tô đỏ.';
        box.hidden = false;
        var first = ctl(bad[0]); if (first) first.focus();
        return;
      }
      box.hidden = true;
      var d = snapshot(), now = new Date();
      var ymd = String(now.getFullYear()).slice(2) + String(now.getMonth() + 1).padStart(2, '0') + String(now.getDate()).padStart(2, '0');
      d.ma = 'G22.99-' + ymd + '-' + String(Math.floor(1000 + Math.random() * 9000));
      d.ngayNop = now.toLocaleDateString('vi-VN');
      write(S.hoso, d);
      sessionStorage.removeItem(S.draft);
      location.href = '/ket-qua.html';
    });
  };

  views.receipt = function () {
    var h = read(S.hoso), host = q('#c-rc-5d');
    if (!h) { host.remove(); q('#c-none-0q').hidden = false; return; }
    later(400, function () {
      host.innerHTML =
        '<section class="c-done"><div class="c-done__ic">' + ICO.check + '</div><div><h1>Hồ sơ đã được gửi</h1>' +
        '<p>Cơ quan giải quyết sẽ tiếp nhận và báo kết quả qua điện thoại, thư điện tử và ứng dụng VNeID.</p></div></section>' +
        '<div class="l-cols" style="margin-top:18px"><section class="ui-card">' +
        '<div class="c-codechip"><span class="ui-eyebrow">Số hồ sơ</span><span class="c-codechip__v" data-k="so-ho-so"></span>' +
        '<button type="button" data-act="chep">' + ICO.copy + ' Sao chép</button></div>' +
        '<dl class="c-dl"><dt>Thủ tục</dt><dd>Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam</dd>' +
        '<dt>Người đứng tên</dt><dd data-k="ten"></dd><dt>Ngày gửi</dt><dd data-k="ngay"></dd>' +
        '<dt>Số bản</dt><dd data-k="sl"></dd><dt>Lệ phí</dt><dd>200.000 đồng</dd>' +
        '<dt>Tình trạng</dt><dd><span class="tag tag--warn" data-k="tinh-trang"></span></dd></dl>' +
        '<div class="c-actions"><button type="button" class="o-btn o-btn--primary o-btn--lg" data-act="nop-le-phi">' + ICO.card + '<span>Nộp lệ phí trực tuyến</span></button>' +
        '<a class="o-btn o-btn--neutral o-btn--lg" href="/index.html" data-act="ve-trang-chu">' + ICO.home + '<span>Trở về trang chủ</span></a></div>' +
        '</section><aside class="ui-card"><h2 class="ui-card__h">Tiến độ xử lý</h2>' +
        '<ol class="c-track"><li class="is-done">Đã gửi</li><li data-k="buoc-phi">Lệ phí</li><li>Giải quyết</li><li>Trả kết quả</li></ol>' +
        '<p style="font-size:13.5px;color:#4a5565;margin:16px 0 0">Lưu lại số hồ sơ để tra cứu tình trạng bất cứ lúc nào tại mục Theo dõi hồ sơ.</p></aside></div>';
      host.removeAttribute('data-state');
      q('[data-k=so-ho-so]', host).textContent = h.ma;
      q('[data-k=ten]', host).textContent = h.fullName;
      q('[data-k=ngay]', host).textContent = h.ngayNop;
      q('[data-k=sl]', host).textContent = h.quantity;
      var st = q('[data-k=tinh-trang]', host);
      st.textContent = h.paid ? 'Đã nộp lệ phí · Đang giải quyết' : 'Chưa nộp lệ phí';
      if (h.paid) { st.className = 'tag tag--ok'; q('[data-k=buoc-phi]', host).className = 'is-done'; }
      var pay = q('[data-act=nop-le-phi]', host);
      if (h.paid) pay.disabled = true;
      pay.addEventListener('click', function () { location.href = '/thanh-toan.html'; });
      q('[data-act=chep]', host).addEventListener('click', function () {
        try { navigator.clipboard.writeText(h.ma); } catch (e) { }
        toast('Đã sao chép số hồ sơ');
      });
    });
  };

  views.checkout = function () {
    var h = read(S.hoso), form = q('#c-pay-f31');
    q('[data-k=ma-hs]', form).textContent = h ? h.ma : '(chưa có hồ sơ)';
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var pick = q('input[name=kenh_tt]:checked', form), err = q('[data-k=pay-err]', form);
      if (!h) { err.textContent = 'Không tìm thấy hồ sơ cần thanh toán.'; err.hidden = false; return; }
      if (!pick) { err.textContent = 'Vui lòng chọn ngân hàng hoặc ví điện tử để thanh toán.'; err.hidden = false; return; }
      err.hidden = true;
      var btn = q('button[type=submit]', form); btn.disabled = true; q('span', btn).textContent = 'Đang kết nối…';
      later(500, function () {
        h.paid = true; h.method = pick.value; write(S.hoso, h);
        form.hidden = true;
        var ok = q('#c-ok-p8');
        q('[data-k=ma-gd]', ok).textContent = 'GD' + Date.now().toString().slice(-10);
        q('[data-k=kenh]', ok).textContent = pick.getAttribute('data-label');
        ok.hidden = false;
      });
    });
  };

  document.addEventListener('DOMContentLoaded', function () {
    shell();
    var v = views[document.body.getAttribute('data-view')];
    if (v) v();
  });
})();
