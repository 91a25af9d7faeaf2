/* EBank Online – web client build 5.0.3 */
(function () {
  'use strict';
  var mount = document.getElementById('eb-mount');
  var K_SESSION = 'eb.session', K_DRAFT = 'eb.transfer', K_DONE = 'eb.result';
  var MY_ACCOUNTS = [
    { no: '0451000123456', title: 'Tài khoản thanh toán', bal: 25450000, tone: 'ocean' },
    { no: '0451000789012', title: 'Tài khoản lương', bal: 8320500, tone: 'grape' }
  ];
  // [swift, code, short name, full name]
  var BANK_DIR = [
    ['ASCBVNVX', 'ACB', 'ACB', 'Ngân hàng TMCP Á Châu'],
    ['VBAAVNVX', 'VBA', 'Agribank', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam'],
    ['BIDVVNVX', 'BIDV', 'BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam'],
    ['MSCBVNVX', 'MB', 'MB Bank', 'Ngân hàng TMCP Quân đội'],
    ['SGTTVNVX', 'STB', 'Sacombank', 'Ngân hàng TMCP Sài Gòn Thương Tín'],
    ['VTCBVNVX', 'TCB', 'Techcombank', 'Ngân hàng TMCP Kỹ thương Việt Nam'],
    ['TPBVVNVX', 'TPB', 'TPBank', 'Ngân hàng TMCP Tiên Phong'],
    ['BFTVVNVX', 'VCB', 'Vietcombank', 'Ngân hàng TMCP Ngoại thương Việt Nam'],
    ['ICBVVNVX', 'CTG', 'VietinBank', 'Ngân hàng TMCP Công thương Việt Nam'],
    ['VPBKVNVX', 'VPB', 'VPBank', 'Ngân hàng TMCP Việt Nam Thịnh Vượng']
  ];
  var PAYEES = ['NGUYEN THI BICH NGOC', 'TRAN VAN HUNG', 'LE MINH TUAN', 'PHAM THU HA', 'HOANG DUC ANH'];
  function load(k) { try { return JSON.parse(sessionStorage.getItem(k) || 'null'); } catch (e) { return null; } }
  function save(k, v) { sessionStorage.setItem(k, JSON.stringify(v)); }
  function h(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function vnd(n) { return Number(n).toLocaleString('vi-VN') + ' VND'; }
  function fold(s) { return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase(); }
  function pick(s) { return mount.querySelector(s); }
  function bankByCode(c) { return BANK_DIR.filter(function (b) { return b[1] === c; })[0]; }
  function notify(msg) {
    var n = document.createElement('div'); n.className = 'eb-note'; n.setAttribute('role', 'status'); n.textContent = msg;
    document.body.appendChild(n); setTimeout(function () { n.remove(); }, 2300);
  }
  function go(path, replace) { if (replace) history.replaceState({}, '', path); else history.pushState({}, '', path); render(); }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-route]');
    if (a && a.origin === location.origin) { e.preventDefault(); go(a.getAttribute('href')); }
  });
  window.addEventListener('popstate', render);

  function frame(body, key) {
    var s = load(K_SESSION);
    if (!s) {
      return '<div class="eb-guest"><header class="eb-guest__top"><a href="/" data-route class="eb-logo"><b>E</b>Bank<sup>online</sup></a>' +
        '<span class="eb-guest__help">☎ 1900 1234 · Hỗ trợ 24/7</span></header>' + body +
        '<footer class="eb-guest__ft">© EBank. EBank không bao giờ yêu cầu khách hàng cung cấp mật khẩu hay mã OTP qua điện thoại, tin nhắn.</footer></div>';
    }
    function side(k, icon, label, href) {
      return href ? '<a href="' + href + '" data-route data-key="' + k + '" class="eb-side__it' + (key === k ? ' is-on' : '') + '"><i>' + icon + '</i>' + label + '</a>'
                  : '<button type="button" data-key="' + k + '" class="eb-side__it"><i>' + icon + '</i>' + label + '</button>';
    }
    function tab(k, icon, label, href) {
      return href ? '<a href="' + href + '" data-route data-tab="' + k + '" class="eb-tabs__it' + (key === k ? ' is-on' : '') + '"><i>' + icon + '</i><span>' + label + '</span></a>'
                  : '<button type="button" data-tab="' + k + '" class="eb-tabs__it"><i>' + icon + '</i><span>' + label + '</span></button>';
    }
    return '<div class="eb-shell">' +
      '<header class="eb-top"><a href="/trang-chu" data-route class="eb-logo"><b>E</b>Bank<sup>online</sup></a>' +
      '<div class="eb-top__right"><button type="button" class="eb-top__bell" data-soon aria-label="Thông báo">🔔<em>2</em></button>' +
      '<span class="eb-top__who"><span class="eb-top__av" aria-hidden="true">' + h(s.name.charAt(0)) + '</span>' + h(s.name) + '</span>' +
      '<button type="button" class="eb-top__out" data-op="sign-out" title="Đăng xuất">⏻ Thoát</button></div></header>' +
      '<div class="eb-body"><aside class="eb-side"><p class="eb-side__cap">DỊCH VỤ</p><nav aria-label="Chức năng">' +
      side('home', '◧', 'Tổng quan', '/trang-chu') + side('xfer', '⇆', 'Chuyển khoản', '/chuyen-tien') +
      side('bills', '🧾', 'Trả hóa đơn') + side('topup', '📱', 'Nạp tiền di động') + side('save', '🐷', 'Gửi tiết kiệm') +
      side('card', '💳', 'Thẻ của tôi') + side('later', '🕑', 'Mua trước, trả sau') +
      '</nav></aside><main class="eb-main">' + body + '</main></div>' +
      '<nav class="eb-tabs" aria-label="Thanh điều hướng">' + tab('home', '⌂', 'Trang chủ', '/trang-chu') + tab('xfer', '⇄', 'Chuyển tiền', '/chuyen-tien') +
      tab('qr', '▣', 'Quét QR') + tab('inbox', '✉', 'Hộp thư') + tab('more', '☰', 'Tiện ích') + '</nav></div>';
  }
  function wireFrame() {
    var out = mount.querySelector('[data-op=sign-out]');
    if (out) out.addEventListener('click', function () { sessionStorage.clear(); go('/dang-nhap'); });
    Array.prototype.forEach.call(mount.querySelectorAll('.eb-side button[data-key], .eb-tabs button[data-tab], [data-soon]'), function (b) {
      b.addEventListener('click', function () { notify('Chức năng đang được bảo trì nâng cấp. Quý khách vui lòng quay lại sau.'); });
    });
  }

  var screens = {};
  screens['/dang-nhap'] = function () {
    mount.innerHTML = frame('<div class="lg-split"><section class="lg-promo"><p class="lg-promo__k">NGÂN HÀNG SỐ</p><h2>Chuyển tiền 24/7,<br>miễn phí mọi giao dịch</h2><p>Quản lý tài khoản, chuyển khoản liên ngân hàng và thanh toán hóa đơn mọi lúc, mọi nơi.</p></section>' +
      '<section class="lg-card"><h1 class="lg-card__h">Chào mừng bạn quay lại</h1><p class="lg-card__sub">Đăng nhập để tiếp tục sử dụng EBank Online</p>' +
      '<form class="lg-form" novalidate autocomplete="on">' +
      '<div class="lg-form__f"><input class="lg-form__in" id="lg-u91" name="username" autocomplete="username" placeholder="Tên truy cập" aria-label="Tên đăng nhập"><p class="lg-form__err" data-for="username"></p></div>' +
      '<div class="lg-form__f"><input class="lg-form__in" id="lg-p27" name="password" type="password" autocomplete="current-password" placeholder="Mật khẩu truy cập" aria-label="Mật khẩu"><p class="lg-form__err" data-for="password"></p></div>' +
      '<div class="lg-form__row"><label><input type="checkbox" name="keep"> Ghi nhớ</label><a href="/dang-nhap" data-route data-op="recover">Lấy lại mật khẩu</a></div>' +
      '<button type="submit" class="eb-btn eb-btn--main eb-btn--block">Truy cập <span aria-hidden="true">➜</span></button>' +
      '<div class="lg-form__or"><span>hoặc</span></div>' +
      '<button type="button" class="eb-btn eb-btn--line eb-btn--block" data-soon>▣ Đăng nhập bằng mã QR trên app</button>' +
      '<p class="lg-form__more"><a href="#" data-soon>Đăng nhập doanh nghiệp</a> · <a href="#" data-soon>Mở tài khoản trực tuyến</a></p>' +
      '</form></section></div>', null);
    var f = pick('form.lg-form');
    Array.prototype.forEach.call(mount.querySelectorAll('[data-soon]'), function (b) { b.addEventListener('click', function (e) { e.preventDefault(); notify('Vui lòng sử dụng ứng dụng EBank trên điện thoại cho chức năng này.'); }); });
    pick('[data-op=recover]').addEventListener('click', function () { setTimeout(function () { notify('Quý khách vui lòng liên hệ 1900 1234 hoặc quầy giao dịch gần nhất để cấp lại mật khẩu.'); }, 0); });
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var u = f.username.value.trim(), p = f.password.value;
      var eu = !u ? 'Bạn chưa nhập tên truy cập' : (u.length < 4 ? 'Tên truy cập cần tối thiểu 4 ký tự' : '');
      var ep = !p ? 'Bạn chưa nhập mật khẩu' : (p.length < 6 ? 'Mật khẩu cần tối thiểu 6 ký tự' : '');
      pick('[data-for=username]').textContent = eu; pick('[data-for=password]').textContent = ep;
      if (eu || ep) return;
      var b = f.querySelector('button[type=submit]'); b.disabled = true; b.textContent = 'Đang xác thực…';
      setTimeout(function () { save(K_SESSION, { user: u, name: 'NGUYEN VAN AN' }); go('/trang-chu'); }, 450);
    });
  };
  screens['/trang-chu'] = function () {
    var s = load(K_SESSION);
    mount.querySelector('.eb-main').innerHTML =
      '<section class="hm-hello"><div><p class="hm-hello__k">Xin chào 👋</p><h1>' + h(s.name) + '</h1></div><button type="button" class="eb-btn eb-btn--line" data-soon>👁 Ẩn số dư</button></section>' +
      '<section class="eb-box"><h2 class="eb-box__h">Tài khoản của tôi</h2><ul class="hm-accts">' +
      MY_ACCOUNTS.map(function (a) {
        return '<li class="hm-acct hm-acct--' + a.tone + '" data-acc-no="' + a.no + '"><span class="hm-acct__t">' + a.title + '</span><span class="hm-acct__no">' + a.no.replace(/(\d{4})(\d{3})(\d+)/, '$1 $2 $3') + '</span><span class="hm-acct__bal">' + vnd(a.bal) + '</span><span class="hm-acct__lbl">Số dư khả dụng</span></li>';
      }).join('') + '</ul></section>' +
      '<section class="eb-box hm-promo"><b>Mua trước, trả sau 0% lãi</b><span>Thanh toán sau tới 45 ngày cho hóa đơn điện, nước, Internet.</span><button type="button" class="eb-btn eb-btn--line" data-soon>Tìm hiểu</button></section>' +
      '<section class="eb-box"><h2 class="eb-box__h">Lịch sử gần đây</h2><ul class="hm-hist">' +
      '<li><span>20/11</span><b>Thanh toán tiền điện EVN</b><em class="neg">−452.300 VND</em></li>' +
      '<li><span>18/11</span><b>Nhận lương tháng 11</b><em class="pos">+18.500.000 VND</em></li>' +
      '<li><span>15/11</span><b>Chuyển tiền cho TRAN VAN HUNG</b><em class="neg">−1.200.000 VND</em></li></ul></section>';
  };
  screens['/chuyen-tien'] = function () {
    var draft = load(K_DRAFT) || {};
    mount.querySelector('.eb-main').innerHTML =
      '<div class="tx-head"><h1>Chuyển khoản liên ngân hàng</h1><div class="tx-mode" role="tablist"><button type="button" role="tab" aria-selected="true" class="is-on">Nhanh 24/7</button><button type="button" role="tab" aria-selected="false" data-soon>Trong EBank</button><button type="button" role="tab" aria-selected="false" data-soon>Đặt lịch</button></div></div>' +
      '<form class="tx-form" novalidate><div class="tx-form__cols">' +
      '<section class="eb-box tx-form__bank"><h2 class="eb-box__h">① Ngân hàng thụ hưởng</h2>' +
      '<div class="tx-srch"><span aria-hidden="true">🔍</span><input name="bankSearch" id="tx-bq" class="tx-in" autocomplete="off" placeholder="Tìm theo tên hoặc mã ngân hàng" aria-label="Ngân hàng nhận"></div>' +
      '<ul class="bk-list" role="listbox" aria-label="Ngân hàng"></ul><p class="tx-err" data-e="bank"></p></section>' +
      '<section class="eb-box tx-form__info"><h2 class="eb-box__h">② Thông tin chuyển</h2>' +
      '<div class="tx-f"><label for="tx-an">Số tài khoản thụ hưởng</label><input class="tx-in" id="tx-an" name="account" inputmode="numeric" placeholder="6 – 19 chữ số"><p class="tx-err" data-e="account"></p></div>' +
      '<div class="tx-f"><label for="tx-rn">Tên chủ tài khoản</label><input class="tx-in tx-in--ro" id="tx-rn" name="receiver" readonly tabindex="-1" placeholder="Hệ thống tự điền sau khi kiểm tra"><p class="tx-hint" data-e="receiver"></p></div>' +
      '<div class="tx-f"><label for="tx-am">Số tiền chuyển</label><div class="tx-amt"><input class="tx-in" id="tx-am" name="amount" inputmode="numeric" placeholder="0"><span>VND</span></div><p class="tx-err" data-e="amount"></p></div>' +
      '<div class="tx-f"><label for="tx-ms">Lời nhắn</label><input class="tx-in" id="tx-ms" name="message" maxlength="140"><p class="tx-err" data-e="message"></p></div>' +
      '<div class="tx-f"><label for="tx-src">Trích từ tài khoản</label><select class="tx-in" id="tx-src" name="source">' +
      MY_ACCOUNTS.map(function (a) { return '<option value="' + a.no + '">' + a.title + ' · ' + a.no + ' (' + vnd(a.bal) + ')</option>'; }).join('') + '</select></div>' +
      '<div class="tx-form__foot"><a href="/trang-chu" data-route class="eb-btn eb-btn--line">Hủy bỏ</a><button type="submit" class="eb-btn eb-btn--main">Tiếp theo →</button></div>' +
      '</section></div></form>';
    var f = pick('form.tx-form'), list = pick('.bk-list'), chosen = draft.bank || null, timer = null;
    function paintBanks() {
      var term = fold(f.bankSearch.value);
      var rows = BANK_DIR.filter(function (b) { return !term || fold(b[2] + ' ' + b[3] + ' ' + b[1]).indexOf(term) >= 0; });
      list.innerHTML = rows.map(function (b) {
        return '<li class="bk-row" role="option" data-swift="' + b[0] + '" aria-selected="' + (chosen === b[1]) + '"><span class="bk-row__badge">' + b[1] + '</span><span class="bk-row__txt"><b>' + b[2] + '</b><small>' + b[3] + '</small></span><span class="bk-row__tick" aria-hidden="true">' + (chosen === b[1] ? '✓' : '›') + '</span></li>';
      }).join('') || '<li class="bk-row bk-row--none">Không có ngân hàng phù hợp</li>';
    }
    function resolve() {
      clearTimeout(timer); f.receiver.value = ''; pick('[data-e=receiver]').textContent = '';
      var n = f.account.value.replace(/\D/g, '');
      if (!chosen || n.length < 6) return;
      pick('[data-e=receiver]').textContent = '⏳ Đang tra cứu chủ tài khoản…';
      timer = setTimeout(function () {
        var sum = 0; for (var i = 0; i < n.length; i++) sum += Number(n[i]);
        if (/^0+$/.test(n)) { pick('[data-e=receiver]').textContent = 'Tài khoản thụ hưởng không tồn tại'; return; }
        f.receiver.value = PAYEES[sum % PAYEES.length]; pick('[data-e=receiver]').textContent = '';
      }, 500);
    }
    list.addEventListener('click', function (e) {
      var li = e.target.closest('[data-swift]'); if (!li) return;
      var b = BANK_DIR.filter(function (x) { return x[0] === li.getAttribute('data-swift'); })[0];
      chosen = b[1]; f.bankSearch.value = b[2]; pick('[data-e=bank]').textContent = '';
      paintBanks(); resolve();
    });
    f.bankSearch.addEventListener('input', function () { chosen = null; paintBanks(); resolve(); });
    f.account.addEventListener('input', function () { f.account.value = f.account.value.replace(/\D/g, ''); resolve(); });
    f.amount.addEventListener('input', function () { var d = f.amount.value.replace(/\D/g, ''); f.amount.value = d ? Number(d).toLocaleString('vi-VN') : ''; });
    f.message.value = draft.message || 'NGUYEN VAN AN chuyen tien';
    if (draft.source) f.source.value = draft.source;
    if (chosen && bankByCode(chosen)) f.bankSearch.value = draft.bankName || bankByCode(chosen)[2];
    paintBanks();
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var amt = Number(f.amount.value.replace(/\D/g, '')), src = MY_ACCOUNTS.filter(function (a) { return a.no === f.source.value; })[0];
      var errs = {
        bank: !chosen ? 'Hãy chọn ngân hàng thụ hưởng' : '',
        account: !f.account.value ? 'Hãy nhập số tài khoản thụ hưởng' : (f.account.value.length < 6 || f.account.value.length > 19 ? 'Số tài khoản gồm từ 6 đến 19 chữ số' : (!f.receiver.value ? 'Chưa xác minh được chủ tài khoản' : '')),
        amount: !amt ? 'Hãy nhập số tiền' : (amt < 10000 ? 'Mỗi lần chuyển tối thiểu 10.000 VND' : (amt > src.bal ? 'Số dư không đủ để thực hiện giao dịch' : '')),
        message: !f.message.value.trim() ? 'Hãy nhập lời nhắn' : ''
      };
      var bad = false; Object.keys(errs).forEach(function (k) { pick('[data-e=' + k + ']').textContent = errs[k]; if (errs[k]) bad = true; });
      if (bad) return;
      save(K_DRAFT, { source: src.no, bank: chosen, bankName: f.bankSearch.value, account: f.account.value, receiver: f.receiver.value, amount: amt, message: f.message.value.trim() });
      go('/xac-nhan');
    });
  };
  screens['/xac-nhan'] = function () {
    var t = load(K_DRAFT);
    mount.querySelector('.eb-main').innerHTML =
      '<section class="eb-box cf-box"><h1 class="cf-box__h">Kiểm tra lại giao dịch</h1><p class="cf-box__amt">' + vnd(t.amount) + '</p><dl class="cf-dl">' +
      [['Người thụ hưởng', t.receiver], ['Số tài khoản', t.account], ['Ngân hàng', t.bankName], ['Từ tài khoản', t.source], ['Lời nhắn', t.message], ['Phí', '0 VND (miễn phí)']]
        .map(function (r) { return '<div><dt>' + r[0] + '</dt><dd>' + h(r[1]) + '</dd></div>'; }).join('') + '</dl>' +
      '<form class="cf-form" novalidate><label class="cf-form__lb" for="cf-otp">Mã xác thực giao dịch</label>' +
      '<input class="tx-in cf-form__in" id="cf-otp" name="otp" inputmode="numeric" maxlength="6" autocomplete="one-time-code" placeholder="Nhập 6 số OTP gửi về ****789">' +
      '<p class="cf-form__err" role="alert"></p><p class="cf-form__re">Không nhận được mã? <button type="button" class="eb-link" data-soon>Gửi lại mã</button></p>' +
      '<div class="cf-form__foot"><a href="/chuyen-tien" data-route class="eb-btn eb-btn--line">‹ Sửa lại</a><button type="submit" class="eb-btn eb-btn--main">Đồng ý chuyển ✓</button></div></form></section>';
    var f = pick('form.cf-form');
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = f.otp.value.trim(), err = pick('.cf-form__err');
      if (!/^\d{6}$/.test(v)) { err.textContent = 'OTP phải gồm đúng 6 chữ số'; return; }
      if (v !== '123456') { err.textContent = 'OTP chưa chính xác, xin thử lại'; return; }
      save(K_DONE, Object.assign({}, t, { ref: 'FT' + Date.now().toString().slice(-10), time: new Date().toLocaleString('vi-VN') }));
      sessionStorage.removeItem(K_DRAFT); go('/ket-qua', true);
    });
  };
  screens['/ket-qua'] = function () {
    var r = load(K_DONE);
    mount.querySelector('.eb-main').innerHTML =
      '<section class="eb-box rs-card"><div class="rs-card__ok" aria-hidden="true">✓</div><h1>Chuyển tiền thành công</h1><p class="rs-card__amt">' + vnd(r.amount) + '</p><dl class="cf-dl">' +
      [['ref', 'Số tham chiếu', r.ref], ['who', 'Người thụ hưởng', r.receiver], ['bank', 'Ngân hàng', r.bankName], ['time', 'Thời điểm', r.time]]
        .map(function (x) { return '<div><dt>' + x[1] + '</dt><dd data-k="' + x[0] + '">' + h(x[2]) + '</dd></div>'; }).join('') + '</dl>' +
      '<div class="rs-card__act"><button type="button" class="eb-btn eb-btn--line" data-soon>⤴ Chia sẻ biên lai</button><a href="/chuyen-tien" data-route class="eb-btn eb-btn--line">Tạo giao dịch khác</a><a href="/trang-chu" data-route class="eb-btn eb-btn--main">Về màn hình chính</a></div></section>';
  };

  var TITLES = { '/dang-nhap': 'Đăng nhập', '/trang-chu': 'Tổng quan', '/chuyen-tien': 'Chuyển khoản', '/xac-nhan': 'Xác nhận', '/ket-qua': 'Kết quả' };
  var KEYS = { '/trang-chu': 'home', '/chuyen-tien': 'xfer', '/xac-nhan': 'xfer', '/ket-qua': 'xfer' };
  var ticket = 0;
  function render() {
    var path = location.pathname.replace(/\/+$/, '') || '/';
    var s = load(K_SESSION);
    if (path === '/' || !screens[path]) return go(s ? '/trang-chu' : '/dang-nhap', true);
    if (path !== '/dang-nhap' && !s) return go('/dang-nhap', true);
    if (path === '/dang-nhap' && s) return go('/trang-chu', true);
    if (path === '/xac-nhan' && !load(K_DRAFT)) return go('/chuyen-tien', true);
    if (path === '/ket-qua' && !load(K_DONE)) return go('/trang-chu', true);
    var mine = ++ticket;
    mount.innerHTML = frame('<div class="eb-boot" aria-busy="true"><span class="eb-spin"></span>Đang tải dữ liệu…</div>', KEYS[path]);
    if (s) wireFrame();
    var wait = path === '/dang-nhap' ? 350 + Math.floor(Math.random() * 250) : 520 + Math.floor(Math.random() * 600);
    setTimeout(function () {
      if (mine !== ticket) return;
      screens[path]();
      document.title = TITLES[path] + ' · EBank Online';
      Array.prototype.forEach.call(mount.querySelectorAll('.eb-main [data-soon]'), function (b) {
        b.addEventListener('click', function () { notify('Chức năng sẽ sớm ra mắt.'); });
      });
    }, wait);
  }
  render();
})();
