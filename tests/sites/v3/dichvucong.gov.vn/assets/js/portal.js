/* Cổng DVCQG — portal.js (bản dựng 2025). Trạng thái phiên lưu trong sessionStorage. */
(function () {
  'use strict';
  var SSO_URL = 'https://sso.dancuquocgia.gov.vn/index.html';
  var S_USER = 'dvc.user', S_DRAFT = 'dvc.draft', S_HOSO = 'dvc.hoso', S_RETURN = 'dvc.return';

  function q(sel, root) { return (root || document).querySelector(sel); }
  function qa(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function readJSON(k) { try { return JSON.parse(sessionStorage.getItem(k) || 'null'); } catch (e) { return null; } }
  function writeJSON(k, v) { sessionStorage.setItem(k, JSON.stringify(v)); }
  function qs(n) { return new URLSearchParams(location.search).get(n); }
  function html(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function fold(s) { return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim(); }
  function pad2(n) { return String(n).padStart(2, '0'); }
  function notify(msg) {
    var t = document.createElement('div'); t.className = 'c-toast'; t.setAttribute('role', 'status'); t.textContent = msg;
    document.body.appendChild(t); setTimeout(function () { t.remove(); }, 2600);
  }
  function me() { return readJSON(S_USER); }

  /* ---------- tài khoản trên thanh đầu trang ---------- */
  function paintAccount() {
    var slot = q('[data-slot="acct"]'); var u = me();
    if (!slot || !u) return;
    var parts = String(u.name || 'Công dân').split(/\s+/).filter(Boolean);
    var ini = (parts[0].charAt(0) + (parts.length > 1 ? parts[parts.length - 1].charAt(0) : '')).toUpperCase();
    slot.innerHTML =
      '<details class="c-avatar">' +
      '<summary aria-label="Tài khoản của tôi"><span class="c-avatar__disc" aria-hidden="true">' + html(ini) + '</span>' +
      '<span class="c-avatar__nm">' + html(u.name) + '</span><span aria-hidden="true">▾</span></summary>' +
      '<div class="c-avatar__menu" role="menu"><p class="c-avatar__who">Đã xác thực qua VNeID</p>' +
      '<a role="menuitem" href="/ket-qua.html">▤ Hồ sơ của tôi</a>' +
      '<a role="menuitem" href="/thanh-toan.html">▣ Lệ phí cần nộp</a>' +
      '<a role="menuitem" href="#" data-act="signout">⎋ Thoát</a></div></details>';
    q('[data-act="signout"]', slot).addEventListener('click', function (e) {
      e.preventDefault(); sessionStorage.removeItem(S_USER); location.href = '/index.html';
    });
    var dockAcct = q('.c-dock [data-dock="acct"]');
    if (dockAcct) { dockAcct.setAttribute('href', '/ket-qua.html'); dockAcct.lastChild.textContent = ini; }
  }

  function wireCookie() {
    var bar = q('.c-cookie'); if (!bar) return;
    if (localStorage.getItem('dvc.cookie.ok')) { bar.remove(); return; }
    var b = q('button', bar); if (b) b.addEventListener('click', function () { localStorage.setItem('dvc.cookie.ok', '1'); bar.remove(); });
  }

  function wireSearch(form, input) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      location.href = '/tim-kiem.html?q=' + encodeURIComponent(input.value.trim());
    });
  }

  var CATALOG = [
    { name: 'Tra cứu tiến độ giải quyết hồ sơ cấp Phiếu lý lịch tư pháp', href: '/ket-qua.html', org: 'Cổng Dịch vụ công quốc gia', level: 'Thông tin', views: 98120 },
    { name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', href: '/thu-tuc/ly-lich-tu-phap.html', org: 'Sở Tư pháp; Trung tâm Lý lịch tư pháp quốc gia', level: 'Toàn trình', views: 91544 },
    { name: 'Cấp Phiếu lý lịch tư pháp cho người nước ngoài đã cư trú tại Việt Nam', href: '/tim-kiem.html?q=ng%C6%B0%E1%BB%9Di%20n%C6%B0%E1%BB%9Bc%20ngo%C3%A0i', org: 'Sở Tư pháp', level: 'Một phần', views: 4210 },
    { name: 'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan tiến hành tố tụng', href: '/tim-kiem.html?q=t%E1%BB%91%20t%E1%BB%A5ng', org: 'Trung tâm Lý lịch tư pháp quốc gia', level: 'Một phần', views: 1302 },
    { name: 'Đăng ký khai sinh', href: '/tim-kiem.html?q=khai%20sinh', org: 'UBND cấp xã', level: 'Toàn trình', views: 80211 },
    { name: 'Đăng ký thường trú', href: '/tim-kiem.html?q=th%C6%B0%E1%BB%9Dng%20tr%C3%BA', org: 'Công an cấp xã', level: 'Toàn trình', views: 66034 },
    { name: 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', href: '/tim-kiem.html?q=gi%E1%BA%A5y%20ph%C3%A9p%20l%C3%A1i%20xe', org: 'Sở Xây dựng', level: 'Toàn trình', views: 70402 },
    { name: 'Đăng ký kết hôn', href: '/tim-kiem.html?q=k%E1%BA%BFt%20h%C3%B4n', org: 'UBND cấp xã', level: 'Một phần', views: 30987 },
    { name: 'Cấp bản sao trích lục hộ tịch', href: '/tim-kiem.html?q=tr%C3%ADch%20l%E1%BB%A5c', org: 'UBND cấp xã', level: 'Toàn trình', views: 25110 }
  ];

  var WARDS = {
    'HN': ['Phường Ba Đình', 'Phường Hoàn Kiếm', 'Phường Cửa Nam', 'Phường Đống Đa', 'Phường Cầu Giấy', 'Xã Sóc Sơn'],
    'HCM': ['Phường Sài Gòn', 'Phường Bến Thành', 'Phường Tân Định', 'Phường Thủ Đức', 'Xã Cần Giờ'],
    'DN': ['Phường Hải Châu', 'Phường Thanh Khê', 'Phường Sơn Trà', 'Xã Hòa Vang'],
    'HP': ['Phường Hồng Bàng', 'Phường Lê Chân', 'Phường Ngô Quyền', 'Xã Cát Hải'],
    'CT': ['Phường Ninh Kiều', 'Phường Cái Khế', 'Phường Bình Thủy', 'Xã Phong Điền'],
    'HUE': ['Phường Thuận Hóa', 'Phường Phú Xuân', 'Phường Kim Long', 'Xã Phú Vang']
  };

  var views = {};

  /* ---------- Trang chủ ---------- */
  views.home = function () {
    wireSearch(q('#x7q-form'), q('#x7q-term'));
    var grid = q('#pl-tiles');
    setTimeout(function () {
      var tiles = [
        { ico: '⚖', t: 'Phiếu lý lịch tư pháp', s: 'Cấp cho công dân Việt Nam · nộp toàn trình', href: '/thu-tuc/ly-lich-tu-phap.html', k: 'lltp' },
        { ico: '☆', t: 'Khai sinh', s: 'Đăng ký khai sinh, cấp bản sao', href: '/tim-kiem.html?q=khai%20sinh', k: 'ks' },
        { ico: '⌂', t: 'Thường trú', s: 'Đăng ký, xóa đăng ký thường trú', href: '/tim-kiem.html?q=th%C6%B0%E1%BB%9Dng%20tr%C3%BA', k: 'tt' },
        { ico: '◉', t: 'Giấy phép lái xe', s: 'Cấp đổi GPLX do ngành GTVT cấp', href: '/tim-kiem.html?q=gi%E1%BA%A5y%20ph%C3%A9p%20l%C3%A1i%20xe', k: 'gplx' },
        { ico: '♥', t: 'Kết hôn', s: 'Đăng ký kết hôn trong nước', href: '/tim-kiem.html?q=k%E1%BA%BFt%20h%C3%B4n', k: 'kh' },
        { ico: '✈', t: 'Lý lịch tư pháp (người nước ngoài)', s: 'Dành cho người nước ngoài từng cư trú tại Việt Nam', href: '/tim-kiem.html?q=ng%C6%B0%E1%BB%9Di%20n%C6%B0%E1%BB%9Bc%20ngo%C3%A0i', k: 'lltp-nn' }
      ];
      grid.innerHTML = tiles.map(function (x) {
        return '<a class="g-tile" data-svc="' + x.k + '" href="' + x.href + '"><span class="g-tile__ico" aria-hidden="true">' + x.ico +
          '</span><span class="g-tile__t">' + html(x.t) + '</span><span class="g-tile__s">' + html(x.s) + '</span></a>';
      }).join('');
      grid.removeAttribute('aria-busy');
    }, 650);
    setTimeout(function () {
      var news = q('#tin-moi');
      if (news) news.innerHTML =
        '<li><time>12/11/2025</time><a href="/index.html#tin-1">Thí điểm cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID tại 63 tỉnh, thành</a></li>' +
        '<li><time>05/11/2025</time><a href="/index.html#tin-2">Hướng dẫn thanh toán lệ phí trực tuyến qua ví điện tử</a></li>' +
        '<li><time>28/10/2025</time><a href="/index.html#tin-3">Cổng Dịch vụ công quốc gia ra mắt giao diện mới</a></li>';
    }, 1100);
  };

  /* ---------- Đăng nhập ---------- */
  views.signin = function () {
    var code = qs('code');
    if (code) {
      writeJSON(S_USER, { name: 'Nguyễn Văn An', id: qs('sub') || '', loginAt: Date.now() });
      q('#k2-ok').classList.remove('is-off');
      q('#k2-pick').classList.add('is-off');
      var back = sessionStorage.getItem(S_RETURN) || '/index.html';
      sessionStorage.removeItem(S_RETURN);
      setTimeout(function () { location.replace(back); }, 700);
      return;
    }
    var ret = qs('return');
    if (ret && ret.charAt(0) === '/') sessionStorage.setItem(S_RETURN, ret);
    if (qs('action') === 'dang-ky') q('#k2-reg').classList.remove('is-off');
    var grid = q('#k2-idp');
    setTimeout(function () {
      grid.innerHTML =
        '<button type="button" class="c-idp c-idp--main" data-idp="cong-dan"><span class="c-idp__ico" aria-hidden="true">☷</span>' +
          '<span class="c-idp__t">Công dân <span class="c-idp__tag">VNeID</span></span>' +
          '<span class="c-idp__s">Dùng tài khoản định danh điện tử do Bộ Công an cấp cho cá nhân</span></button>' +
        '<button type="button" class="c-idp" data-idp="to-chuc" disabled><span class="c-idp__ico" aria-hidden="true">▦</span>' +
          '<span class="c-idp__t">Tổ chức, doanh nghiệp</span>' +
          '<span class="c-idp__s">Tài khoản định danh điện tử của tổ chức — chưa mở trên bản thử nghiệm</span></button>' +
        '<button type="button" class="c-idp" data-idp="cong-dvc" disabled><span class="c-idp__ico" aria-hidden="true">✈</span>' +
          '<span class="c-idp__t">Người nước ngoài</span>' +
          '<span class="c-idp__s">Tài khoản riêng do Cổng Dịch vụ công quốc gia cấp</span></button>' +
        '<button type="button" class="c-idp" data-idp="ky-so" disabled><span class="c-idp__ico" aria-hidden="true">⚷</span>' +
          '<span class="c-idp__t">Chữ ký số</span>' +
          '<span class="c-idp__s">Xác thực bằng thiết bị USB token (cần phần mềm ký số)</span></button>';
      q('[data-idp="cong-dan"]', grid).addEventListener('click', function () {
        location.href = SSO_URL + '?client_id=dvcqg&redirect_uri=' + encodeURIComponent('https://dichvucong.gov.vn/dang-nhap.html');
      });
    }, 380);
  };

  /* ---------- Tìm kiếm ---------- */
  views.search = function () {
    var term = qs('q') || '';
    var input = q('#sr-term'); input.value = term;
    wireSearch(q('#sr-form'), input);
    var words = fold(term).split(/\s+/).filter(Boolean);
    var found = CATALOG.filter(function (s) {
      var n = fold(s.name); return words.every(function (w) { return n.indexOf(w) >= 0; });
    }).sort(function (a, b) { return b.views - a.views; });
    setTimeout(function () {
      q('#sr-wait').classList.add('is-off');
      q('#sr-total').innerHTML = found.length
        ? '<b>' + found.length + '</b> thủ tục phù hợp' + (term ? ' với “' + html(term) + '”' : '') + ' · sắp xếp theo lượt xem'
        : 'Chưa có thủ tục nào khớp' + (term ? ' với “' + html(term) + '”' : '');
      q('#sr-hits').innerHTML = found.length ? found.map(function (s) {
        return '<article class="c-hit"><h3><a href="' + s.href + '">' + html(s.name) + '</a></h3>' +
          '<dl><dt>Nơi giải quyết</dt><dd>' + html(s.org) + '</dd><dt>Lượt xem</dt><dd>' + s.views.toLocaleString('vi-VN') + '</dd></dl>' +
          '<div class="c-hit__foot"><span class="c-pill' + (s.level === 'Toàn trình' ? ' c-pill--full' : '') + '">' + html(s.level) + '</span>' +
          '<a href="' + s.href + '" class="c-hit__more">Xem chi tiết →</a></div></article>';
      }).join('') : '<p class="c-note c-note--warn">Thử lại với từ khóa ngắn hơn, ví dụ “khai sinh”.</p>';
    }, 750);
  };

  /* ---------- Chi tiết thủ tục ---------- */
  views.procedure = function () {
    var box = q('#pc-cta');
    setTimeout(function () {
      box.innerHTML =
        '<p class="c-cta__price">Lệ phí nhà nước<b>200.000 ₫</b>Thanh toán trực tuyến sau khi gửi hồ sơ</p>' +
        '<button type="button" class="k-btn k-btn--solid" data-cta="apply">✎ Thực hiện trực tuyến</button>' +
        '<button type="button" class="k-btn k-btn--line" data-cta="track">⚲ Theo dõi hồ sơ</button>' +
        '<p class="f-hint">' + (me() ? 'Bạn đã đăng nhập bằng VNeID.' : 'Cần tài khoản VNeID mức độ 2 để nộp hồ sơ.') + '</p>';
      q('[data-cta="apply"]', box).addEventListener('click', function () {
        if (!me()) { location.href = '/dang-nhap.html?return=' + encodeURIComponent('/nop-ho-so.html'); return; }
        location.href = '/nop-ho-so.html';
      });
      q('[data-cta="track"]', box).addEventListener('click', function () { location.href = '/ket-qua.html'; });
    }, 450);
    qa('.c-tabs a').forEach(function (a) {
      a.addEventListener('click', function () { qa('.c-tabs a').forEach(function (b) { b.classList.toggle('is-on', b === a); }); });
    });
  };

  /* ---------- Phần nhân thân (Shadow DOM) ---------- */
  var NT_CSS =
    ':host{display:block}' +
    '.nt{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4px 18px}' +
    '.nt__row{display:flex;flex-direction:column;margin-bottom:12px}.nt__row--wide{grid-column:1/-1}' +
    'label{font-size:13px;font-weight:600;color:#38414f;margin-bottom:5px}' +
    'input,select{font:inherit;font-size:14.5px;padding:10px 12px;border:1px solid #c4ccd8;border-radius:9px;background:#fff;width:100%;box-sizing:border-box}' +
    'input:focus,select:focus{outline:2px solid #9cc0f0;border-color:#184a8c}' +
    '.has-err input,.has-err select{border-color:#b42318;background:#fff8f7}' +
    '.err{color:#b42318;font-size:12.5px}.star{color:#c8102e}.hint{font-size:12px;color:#5d6675}' +
    '.wait{color:#5d6675;font-size:14px;padding:24px 0}.vneid{display:inline-block;font-size:11px;font-weight:700;background:#e3f4ea;color:#127a3e;border-radius:999px;padding:1px 8px;margin-left:6px}';

  if (window.customElements && !customElements.get('lltp-nhan-than')) {
    customElements.define('lltp-nhan-than', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }); this.ready = false; }
      connectedCallback() {
        if (this._started) return; this._started = true;
        var root = this.shadowRoot, self = this;
        root.innerHTML = '<style>' + NT_CSS + '</style><p class="wait">◔ Đang lấy dữ liệu định danh từ VNeID…</p>';
        setTimeout(function () {
          root.innerHTML = '<style>' + NT_CSS + '</style><div class="nt" part="grid">' +
            '<div class="nt__row nt__row--wide"><label for="nt-a1">Họ, chữ đệm và tên khai sinh <span class="star">*</span><span class="vneid">✓ VNeID</span></label>' +
              '<input type="text" id="nt-a1" name="hoTen" placeholder="VD: NGUYỄN VĂN AN" autocomplete="name"><span class="err" data-err="hoTen" aria-live="polite"></span></div>' +
            '<div class="nt__row"><label for="nt-a2">Ngày, tháng, năm sinh <span class="star">*</span></label>' +
              '<input type="date" id="nt-a2" name="ngaySinh"><span class="err" data-err="ngaySinh" aria-live="polite"></span></div>' +
            '<div class="nt__row"><label for="nt-a3">Giới tính <span class="star">*</span></label>' +
              '<select id="nt-a3" name="gioiTinh"><option value="">— Chọn —</option><option value="nam">Nam</option><option value="nu">Nữ</option><option value="khac">Khác</option></select>' +
              '<span class="err" data-err="gioiTinh" aria-live="polite"></span></div>' +
            '<div class="nt__row nt__row--wide"><label for="nt-a4">Số CCCD / Căn cước <span class="star">*</span></label>' +
              '<input type="text" id="nt-a4" name="soDinhDanh" inputmode="numeric" maxlength="12" placeholder="12 số in trên thẻ căn cước">' +
              '<span class="hint">Là mã định danh cá nhân của bạn</span><span class="err" data-err="soDinhDanh" aria-live="polite"></span></div>' +
            '</div>';
          self.ready = true;
          self.dispatchEvent(new CustomEvent('nt-ready'));
        }, 420);
      }
      field(name) { return this.shadowRoot.querySelector('[name="' + name + '"]'); }
      errSlot(name) { return this.shadowRoot.querySelector('[data-err="' + name + '"]'); }
    });
  }

  /* ---------- Tờ khai ---------- */
  // khóa lưu trữ (giữ nguyên cấu trúc dvc.hoso / dvc.draft) -> tên trường trên giao diện mới
  var FIELD = {
    fullName: 'hoTen', dob: 'ngaySinh', gender: 'gioiTinh', idNumber: 'soDinhDanh',
    phone: 'dienThoai', email: 'thuDienTu', province: 'tinhThanh', ward: 'xaPhuong', addressDetail: 'diaChiCuThe',
    purpose: 'mucDich', quantity: 'soBan', commitment: 'camDoan'
  };
  var ORDER = ['phone', 'email', 'fullName', 'dob', 'gender', 'idNumber', 'province', 'ward', 'addressDetail', 'purpose', 'quantity', 'commitment'];

  views.apply = function () {
    var form = q('#f-lltp');
    var nt = q('lltp-nhan-than');
    var prov = form.elements.tinhThanh, ward = form.elements.xaPhuong, wait = q('#f-ward-wait');
    var u = me();

    function el(key) {
      var n = FIELD[key];
      if (key === 'fullName' || key === 'dob' || key === 'gender' || key === 'idNumber') return nt.field(n);
      return form.elements[n];
    }
    function errBox(key) {
      var n = FIELD[key];
      if (key === 'fullName' || key === 'dob' || key === 'gender' || key === 'idNumber') return nt.errSlot(n);
      return q('[data-err="' + n + '"]', form);
    }

    function fillWards(code, keep) {
      ward.innerHTML = '<option value="">Chọn xã, phường</option>';
      ward.disabled = true;
      if (!code) return;
      wait.classList.remove('is-off');
      setTimeout(function () {
        if (prov.value !== code) return;
        (WARDS[code] || []).forEach(function (w) {
          var o = document.createElement('option'); o.value = w; o.textContent = w; ward.appendChild(o);
        });
        ward.disabled = false; wait.classList.add('is-off');
        if (keep) ward.value = keep;
      }, 600);
    }
    prov.addEventListener('change', function () { fillWards(prov.value); });

    function whenIdentity(fn) { if (nt.ready) fn(); else nt.addEventListener('nt-ready', fn, { once: true }); }

    whenIdentity(function () {
      var draft = readJSON(S_DRAFT);
      if (u && !el('fullName').value) el('fullName').value = u.name;
      if (draft) {
        Object.keys(draft).forEach(function (k) {
          if (!FIELD[k] || k === 'ward') return;
          var x = el(k); if (!x) return;
          if (x.type === 'checkbox') x.checked = !!draft[k]; else x.value = draft[k];
        });
        if (draft.province) fillWards(draft.province, draft.ward);
        q('#f-draft-note').classList.remove('is-off');
      }
    });

    function mark(key, msg) {
      var x = el(key), box = errBox(key); var row = x.closest('.f-row, .nt__row, .f-agree') || x.parentNode;
      if (msg) { row.classList.add('has-err'); box.textContent = msg; x.setAttribute('aria-invalid', 'true'); }
      else { row.classList.remove('has-err'); box.textContent = ''; x.removeAttribute('aria-invalid'); }
      return !msg;
    }
    function check() {
      var ok = true, v;
      ok = mark('phone', !(v = el('phone').value.trim()) ? 'Chưa nhập số điện thoại' : (!/^0\d{9}$/.test(v) ? 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0' : '')) && ok;
      v = el('email').value.trim();
      ok = mark('email', v && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v) ? 'Thư điện tử chưa đúng định dạng' : '') && ok;
      ok = mark('fullName', el('fullName').value.trim().length < 2 ? 'Chưa nhập họ tên' : '') && ok;
      v = el('dob').value;
      ok = mark('dob', !v ? 'Chưa chọn ngày sinh' : (new Date(v) > new Date() ? 'Ngày sinh không thể sau ngày hôm nay' : '')) && ok;
      ok = mark('gender', !el('gender').value ? 'Chưa chọn giới tính' : '') && ok;
      v = el('idNumber').value.trim();
      ok = mark('idNumber', !v ? 'Chưa nhập số CCCD/định danh' : (!/^\d{12}$/.test(v) ? 'Số CCCD/định danh phải đủ 12 chữ số' : '')) && ok;
      ok = mark('province', !prov.value ? 'Chưa chọn tỉnh, thành' : '') && ok;
      ok = mark('ward', !ward.value ? 'Chưa chọn xã, phường' : '') && ok;
      ok = mark('addressDetail', !el('addressDetail').value.trim() ? 'Chưa nhập số nhà, đường phố/thôn, tổ' : '') && ok;
      ok = mark('purpose', el('purpose').value.trim().length < 5 ? 'Cho biết lý do cần Phiếu lý lịch tư pháp' : '') && ok;
      v = Number(el('quantity').value);
      ok = mark('quantity', !(v >= 1 && v <= 10 && Math.floor(v) === v) ? 'Chỉ được yêu cầu từ 1 đến 10 bản' : '') && ok;
      var file = form.elements.tepDinhKem.files[0];
      var fileBox = q('[data-err="tepDinhKem"]', form), fileRow = form.elements.tepDinhKem.closest('.f-row');
      var fileBad = file && (!/\.(pdf|jpe?g|png)$/i.test(file.name) || file.size > 5 * 1024 * 1024);
      fileBox.textContent = fileBad ? 'Tệp phải là PDF, JPG hoặc PNG và không quá 5 MB' : '';
      fileRow.classList.toggle('has-err', !!fileBad);
      ok = !fileBad && ok;
      ok = mark('commitment', !el('commitment').checked ? 'Vui lòng đánh dấu ô cam kết trước khi gửi' : '') && ok;
      return ok;
    }
    function gather() {
      var d = {};
      ORDER.forEach(function (k) { var x = el(k); if (!x) return; d[k] = x.type === 'checkbox' ? x.checked : x.value; });
      return d;
    }
    function firstBad() {
      for (var i = 0; i < ORDER.length; i++) { var x = el(ORDER[i]); if (x && x.getAttribute('aria-invalid') === 'true') return x; }
      return null;
    }

    q('[data-act="luu-tam"]').addEventListener('click', function () {
      writeJSON(S_DRAFT, gather());
      var t = new Date();
      notify('⇩ Đã lưu tạm tờ khai lúc ' + pad2(t.getHours()) + ':' + pad2(t.getMinutes()));
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var sum = q('#f-alert');
      if (!nt.ready || !check()) {
        sum.textContent = '⚠ Tờ khai còn thông tin thiếu hoặc sai. Hãy xem lại các ô viền đỏ.';
        sum.classList.remove('is-off');
        var f = firstBad(); if (f) f.focus();
        return;
      }
      sum.classList.add('is-off');
      var d = gather(); var now = new Date();
      var ymd = String(now.getFullYear()).slice(2) + pad2(now.getMonth() + 1) + pad2(now.getDate());
      d.ma = 'G22.99-' + ymd + '-' + String(Math.floor(1000 + Math.random() * 9000));
      d.ngayNop = now.toLocaleDateString('vi-VN');
      writeJSON(S_HOSO, d);
      sessionStorage.removeItem(S_DRAFT);
      location.href = '/ket-qua.html';
    });
  };

  /* ---------- Biên nhận ---------- */
  views.receipt = function () {
    var h = readJSON(S_HOSO);
    setTimeout(function () {
      q('#rc-wait').classList.add('is-off');
      if (!h) { q('#rc-none').classList.remove('is-off'); return; }
      q('#rc-slot').appendChild(document.importNode(q('#rc-tpl').content, true));
      var box = q('#rc-ticket');
      q('.c-ticket__code', box).textContent = h.ma;
      q('[data-f="nguoi-nop"]', box).textContent = h.fullName;
      q('[data-f="ngay-nop"]', box).textContent = h.ngayNop;
      q('[data-f="so-ban"]', box).textContent = h.quantity + ' bản';
      var st = q('[data-f="trang-thai"]', box);
      st.innerHTML = h.paid ? '<span class="c-badge c-badge--paid">✓ Đã nộp lệ phí · đang thụ lý</span>' : '<span class="c-badge">◔ Chưa nộp lệ phí</span>';
      var pay = q('[data-act="nop-phi"]', box);
      if (h.paid) pay.disabled = true;
      pay.addEventListener('click', function () { location.href = '/thanh-toan.html'; });
    }, 320);
  };

  /* ---------- Thanh toán (cổng thanh toán nhúng) ---------- */
  views.payment = function () {
    var h = readJSON(S_HOSO);
    q('#pm-ma').textContent = h ? h.ma : '(chưa có hồ sơ)';
    var holder = q('#pm-gw'), frame = null, busy = false;
    function fit() {
      try { frame.style.height = Math.ceil(frame.contentDocument.body.getBoundingClientRect().height + 2) + 'px'; } catch (e) { /* ignore */ }
    }
    function tell(msg) { if (frame && frame.contentWindow) frame.contentWindow.postMessage(msg, location.origin); }
    setTimeout(function () {
      q('#pm-gw-wait').remove();
      frame = document.createElement('iframe');
      frame.className = 'c-gw__frame';
      frame.name = 'cong-tt';
      frame.title = 'Cổng thanh toán trực tuyến';
      frame.src = '/assets/embed/cong-thanh-toan.html';
      frame.addEventListener('load', fit);
      holder.appendChild(frame);
    }, 900);
    window.addEventListener('message', function (e) {
      if (e.origin !== location.origin || !e.data || e.data.src !== 'cong-tt') return;
      if (e.data.kind === 'resize') { fit(); return; }
      if (e.data.kind !== 'pay' || busy) return;
      if (!h) { tell({ src: 'dvc', kind: 'error', text: 'Không tìm thấy hồ sơ cần nộp lệ phí.' }); return; }
      busy = true;
      setTimeout(function () {
        h.paid = true; h.method = e.data.method; writeJSON(S_HOSO, h);
        q('#pm-box').classList.add('is-off');
        q('#pm-done .c-paid__ref').textContent = 'GD' + Date.now().toString().slice(-10);
        q('#pm-done [data-f="kenh"]').textContent = e.data.label;
        q('#pm-done').classList.remove('is-off');
      }, 500);
    });
  };

  document.addEventListener('DOMContentLoaded', function () {
    paintAccount();
    wireCookie();
    var v = document.body.getAttribute('data-view');
    if (views[v]) views[v]();
  });
})();
