/* EBank Digital web 2027 */
(function () {
  'use strict';
  var app = document.getElementById('app');
  var SESSION = 'eb.session', DRAFT = 'eb.transfer', RESULT = 'eb.result';
  var ACCTS = [
    { no: '0451000123456', name: 'Tài khoản thanh toán', bal: 25450000 },
    { no: '0451000789012', name: 'Tài khoản lương', bal: 8320500 }
  ];
  var BANKS = [
    ['VCB', 'Vietcombank', 'Ngân hàng TMCP Ngoại thương Việt Nam', '#0a7a3d'], ['CTG', 'VietinBank', 'Ngân hàng TMCP Công thương Việt Nam', '#0b4ea2'],
    ['BIDV', 'BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', '#0d6a73'], ['VBA', 'Agribank', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn', '#a1162b'],
    ['TCB', 'Techcombank', 'Ngân hàng TMCP Kỹ thương Việt Nam', '#e31b23'], ['MB', 'MB Bank', 'Ngân hàng TMCP Quân đội', '#1c3f94'],
    ['ACB', 'ACB', 'Ngân hàng TMCP Á Châu', '#1f4e9c'], ['VPB', 'VPBank', 'Ngân hàng TMCP Việt Nam Thịnh Vượng', '#00a650'],
    ['STB', 'Sacombank', 'Ngân hàng TMCP Sài Gòn Thương Tín', '#0066b3'], ['TPB', 'TPBank', 'Ngân hàng TMCP Tiên Phong', '#5b2c83']
  ];
  var HOLDERS = ['NGUYEN THI BICH NGOC', 'TRAN VAN HUNG', 'LE MINH TUAN', 'PHAM THU HA', 'HOANG DUC ANH'];
  var ICON = {
    arrow: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M5 12h14M13 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
    swap: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M4 8h14l-4-4M20 16H6l4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
    bill: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 2h12v20l-3-2-3 2-3-2-3 2z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M9 8h6M9 12h6" stroke="currentColor" stroke-width="2"/></svg>',
    phone: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><rect x="7" y="2" width="10" height="20" rx="2" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    pig: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><circle cx="12" cy="13" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 9v8M9.5 11h4a1.5 1.5 0 010 3h-3a1.5 1.5 0 000 3h4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>',
    globe: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>',
    out: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M15 17l5-5-5-5M20 12H9M12 3H5a2 2 0 00-2 2v14a2 2 0 002 2h7" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    check: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" stroke-width="2.4"/></svg>',
    shield: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8.5 12l2.5 2.5 4.5-5" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    home: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M3 11l9-8 9 8v10h-6v-6H9v6H3z" fill="none" stroke="currentColor" stroke-width="2"/></svg>'
  };
  function load(k) { try { return JSON.parse(sessionStorage.getItem(k) || 'null'); } catch (e) { return null; } }
  function save(k, v) { sessionStorage.setItem(k, JSON.stringify(v)); }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function vnd(n) { return Number(n).toLocaleString('vi-VN') + ' VND'; }
  function fold(s) { return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase(); }
  function pick(s) { return app.querySelector(s); }
  function notify(m) {
    var t = document.createElement('div'); t.className = '_tst2'; t.setAttribute('role', 'status'); t.textContent = m;
    document.body.appendChild(t); setTimeout(function () { t.remove(); }, 2400);
  }
  function go(path, replace) {
    if (replace) history.replaceState({}, '', path); else history.pushState({}, '', path);
    render();
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-link]');
    if (a && a.origin === location.origin) { e.preventDefault(); go(a.getAttribute('href')); }
  });
  window.addEventListener('popstate', render);

  if (window.customElements && !customElements.get('eb-accounts')) {
    customElements.define('eb-accounts', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var r = this.attachShadow({ mode: 'open' });
        r.innerHTML = '<style>' +
          ':host{display:block}' +
          '.wrap{display:flex;gap:16px;overflow-x:auto;padding-bottom:4px}' +
          '.acc{flex:1 1 0;min-width:260px;border-radius:20px;padding:20px 22px;color:#fff;position:relative;overflow:hidden;background:linear-gradient(140deg,#0e2a5c,#1d5fd1)}' +
          '.acc--alt{background:linear-gradient(140deg,#14532d,#16a34a)}' +
          '.acc::after{content:"";position:absolute;right:-40px;top:-40px;width:140px;height:140px;border-radius:50%;background:rgba(255,255,255,.08)}' +
          '.acc__type{font-size:12px;text-transform:uppercase;letter-spacing:1px;opacity:.8;margin:0}' +
          '.acc__no{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:15px;margin:6px 0 18px;letter-spacing:1px}' +
          '.acc__lbl{font-size:12px;opacity:.75;margin:0}' +
          '.acc__bal{font-size:26px;font-weight:800;margin:2px 0 0}' +
          '</style><div class="wrap" role="list">' +
          ACCTS.map(function (a, i) {
            return '<article class="acc' + (i ? ' acc--alt' : '') + '" role="listitem" data-no="' + a.no + '" tabindex="0">' +
              '<p class="acc__type">' + a.name + '</p><p class="acc__no">' + a.no.replace(/(\d{4})(?=\d)/g, '$1 ') + '</p>' +
              '<p class="acc__lbl">Số dư khả dụng</p><p class="acc__bal">' + vnd(a.bal) + '</p></article>';
          }).join('') + '</div>';
      }
    });
  }

  function frame(body, authed) {
    var s = load(SESSION);
    if (!authed || !s) {
      return '<div class="_pg0 _pg0--out"><header class="_tb7"><a href="/" data-link class="_lg3"><b>E</b>EBank<span>Digital</span></a>' +
        '<div class="_tb7__r"><span class="_mut">Tổng đài 24/7: 1900 1234</span><a class="_tb7__biz" href="#doanh-nghiep">Đăng nhập doanh nghiệp</a></div></header>' +
        '<main class="_mn5 _mn5--out">' + body + '</main>' +
        '<footer class="_ft9">© 2027 EBank. Nhân viên ngân hàng không bao giờ hỏi mật khẩu hay mã OTP của quý khách.</footer></div>';
    }
    return '<div class="_pg0"><header class="_tb7"><a href="/trang-chu" data-link class="_lg3"><b>E</b>EBank<span>Digital</span></a>' +
      '<div class="_tb7__r"><a href="/chuyen-tien" data-link class="_qk4">' + ICON.swap + '<span>Chuyển tiền</span></a>' +
      '<span class="_usr"><i>' + esc(s.name.charAt(0)) + '</i>' + esc(s.name) + '</span>' +
      '<button type="button" class="_ic2" data-action="sign-out" title="Thoát khỏi EBank">' + ICON.out + '<span>Thoát</span></button></div></header>' +
      '<div class="_lay"><aside class="_sd1"><nav aria-label="Điều hướng">' +
      '<a href="/trang-chu" data-link class="_sd1__a">' + ICON.home + 'Tổng quan</a>' +
      '<a href="/chuyen-tien" data-link class="_sd1__a">' + ICON.swap + 'Chuyển tiền</a>' +
      '<a href="#tiet-kiem" class="_sd1__a">' + ICON.pig + 'Tiết kiệm</a>' +
      '<a href="#the" class="_sd1__a">' + ICON.bill + 'Thẻ</a></nav>' +
      '<button type="button" class="_sd1__out" data-action="sign-out-side">' + ICON.out + 'Đăng xuất</button></aside>' +
      '<main class="_mn5">' + body + '</main></div>' +
      '<footer class="_ft9">© 2027 EBank. Nhân viên ngân hàng không bao giờ hỏi mật khẩu hay mã OTP của quý khách.</footer></div>';
  }

  var screens = {};
  screens['/dang-nhap'] = function () {
    app.innerHTML = frame('<div class="_sg1"><section class="_sg1__promo"><h2>Ngân hàng số trong tầm tay</h2><p>Chuyển tiền 24/7 miễn phí, mở tiết kiệm trực tuyến, thanh toán hóa đơn chỉ với vài thao tác.</p><ul><li>Miễn phí chuyển khoản liên ngân hàng</li><li>Bảo mật bằng Smart OTP</li></ul></section>' +
      '<section class="_cd6 _sg1__card"><h1 class="_h1x">Vào tài khoản</h1><p class="_mut">Dành cho khách hàng cá nhân</p>' +
      '<form class="eb-signin" novalidate>' +
      '<div class="_fl4"><label class="_fl4__l" for="k-91ad">Tên truy cập</label><input class="_in3" id="k-91ad" name="userId" autocomplete="username" placeholder="Tên đăng nhập EBank"><small class="_er0" data-msg="userId"></small></div>' +
      '<div class="_fl4"><input class="_in3" id="k-2b7e" name="passcode" type="password" autocomplete="current-password" aria-label="Mật khẩu" placeholder="Mật khẩu"><small class="_er0" data-msg="passcode"></small></div>' +
      '<div class="_rw2"><label class="_ck"><input type="checkbox" name="remember"> Ghi nhớ tên truy cập</label><a href="/dang-nhap" data-link data-action="reset-pass">Khôi phục mật khẩu</a></div>' +
      '<button type="submit" class="_bt1 _bt1--pri _bt1--wide"><span>Vào tài khoản</span>' + ICON.arrow + '</button>' +
      '<button type="button" class="_bt1 _bt1--ghost _bt1--wide" data-action="bio">Đăng nhập bằng khuôn mặt</button>' +
      '<p class="_mut _ctr">Chưa có tài khoản? <a href="#mo-tai-khoan">Mở tài khoản trực tuyến</a></p></form></section></div>', false);
    var f = pick('form.eb-signin');
    pick('[data-action=bio]').addEventListener('click', function () { notify('Vui lòng dùng ứng dụng EBank trên điện thoại để đăng nhập bằng khuôn mặt.'); });
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var u = f.userId.value.trim(), p = f.passcode.value;
      var eu = !u ? 'Quý khách chưa nhập tên đăng nhập' : (u.length < 4 ? 'Tên đăng nhập cần tối thiểu 4 ký tự' : '');
      var ep = !p ? 'Quý khách chưa nhập mật khẩu' : (p.length < 6 ? 'Mật khẩu cần tối thiểu 6 ký tự' : '');
      pick('[data-msg=userId]').textContent = eu; pick('[data-msg=passcode]').textContent = ep;
      if (eu || ep) return;
      var b = f.querySelector('button[type=submit]'); b.disabled = true; b.querySelector('span').textContent = 'Đang xác thực…';
      setTimeout(function () { save(SESSION, { user: u, name: 'NGUYEN VAN AN' }); go('/trang-chu'); }, 400);
    });
  };
  screens['/trang-chu'] = function () {
    var s = load(SESSION);
    app.innerHTML = frame('<div class="_hd3"><div><p class="_mut">Chào buổi sáng,</p><h1 class="_h1x">' + esc(s.name) + '</h1></div><span class="_bdg">Khách hàng ưu tiên</span></div>' +
      '<section class="_cd6"><div class="_cd6__bar"><h2 class="_h2x">Tài khoản của tôi</h2><a href="#tat-ca" class="_mut">Xem tất cả</a></div><eb-accounts></eb-accounts></section>' +
      '<section class="_cd6"><h2 class="_h2x">Tiện ích</h2><div class="_sv8">' +
      '<a href="/chuyen-tien" data-link data-tile="transfer" class="_sv8__t"><span class="_sv8__i">' + ICON.swap + '</span><span>Chuyển tiền</span></a>' +
      '<button type="button" data-tile="intl" class="_sv8__t"><span class="_sv8__i">' + ICON.globe + '</span><span>Chuyển tiền quốc tế</span></button>' +
      '<button type="button" data-tile="bills" class="_sv8__t"><span class="_sv8__i">' + ICON.bill + '</span><span>Trả hóa đơn</span></button>' +
      '<button type="button" data-tile="topup" class="_sv8__t"><span class="_sv8__i">' + ICON.phone + '</span><span>Nạp tiền di động</span></button>' +
      '<button type="button" data-tile="save" class="_sv8__t"><span class="_sv8__i">' + ICON.pig + '</span><span>Gửi tiết kiệm</span></button>' +
      '</div></section><div class="_promo" data-late="promo"></div>' +
      '<section class="_cd6"><h2 class="_h2x">Biến động gần đây</h2><ul class="_tx5">' +
      '<li><span><b>Thanh toán tiền điện EVN</b><small>20/11</small></span><em class="_neg">-452.300 VND</em></li>' +
      '<li><span><b>Nhận lương tháng 11</b><small>18/11</small></span><em class="_pos">+18.500.000 VND</em></li></ul></section>', true);
    app.querySelectorAll('button[data-tile]').forEach(function (b) { b.addEventListener('click', function () { notify('Dịch vụ đang được nâng cấp, quý khách vui lòng quay lại sau.'); }); });
    setTimeout(function () {
      var p = pick('[data-late=promo]');
      if (p) p.innerHTML = '<div class="_promo__in"><b>Ưu đãi tháng 1/2027</b><span>Hoàn tiền 5% khi thanh toán hóa đơn điện, nước qua EBank Digital.</span><a href="#uu-dai">Chi tiết</a></div>';
    }, 1000);
  };
  screens['/chuyen-tien'] = function () {
    var d = load(DRAFT) || {};
    app.innerHTML = frame('<nav class="_bc" aria-label="Đường dẫn"><a href="/trang-chu" data-link>Tổng quan</a> › <span>Chuyển tiền</span></nav>' +
      '<h1 class="_h1x">Chuyển khoản liên ngân hàng</h1>' +
      '<form class="eb-xfer" novalidate><div class="_x2c"><div class="_x2c__main">' +
      '<section class="_cd6"><h2 class="_h2x"><i class="_n">1</i>Người thụ hưởng</h2>' +
      '<div class="_fl4"><label class="_fl4__l" for="q-bk7">Chọn ngân hàng</label><input class="_in3 _in3--search" id="q-bk7" name="bankQuery" placeholder="Gõ tên hoặc mã ngân hàng…" autocomplete="off"><small class="_er0" data-msg="bank"></small>' +
      '<div class="_bkg" role="listbox" aria-label="Ngân hàng thụ hưởng"></div></div>' +
      '<div class="_g2"><div class="_fl4"><label class="_fl4__l" for="n-ac3">Số tài khoản thụ hưởng</label><input class="_in3" id="n-ac3" name="toAcct" inputmode="numeric" placeholder="6 – 19 chữ số"><small class="_er0" data-msg="toAcct"></small></div>' +
      '<div class="_fl4"><label class="_fl4__l" for="n-nm4">Tên thụ hưởng</label><input class="_in3 _in3--ro" id="n-nm4" name="toName" readonly tabindex="-1" placeholder="Hệ thống tự điền"><small class="_mut" data-msg="toName"></small></div></div>' +
      '</section>' +
      '<section class="_cd6"><h2 class="_h2x"><i class="_n">2</i>Số tiền &amp; nội dung</h2>' +
      '<div class="_fl4"><label class="_fl4__l" for="m-am5">Số tiền chuyển</label><div class="_sfx"><input class="_in3" id="m-am5" name="sum" inputmode="numeric" placeholder="0"><span>VND</span></div><small class="_er0" data-msg="sum"></small></div>' +
      '<div class="_chips" aria-hidden="true"><span>100.000</span><span>500.000</span><span>1.000.000</span></div>' +
      '<div class="_fl4"><label class="_fl4__l" for="m-ms6">Lời nhắn</label><input class="_in3" id="m-ms6" name="note" maxlength="140"><small class="_er0" data-msg="note"></small></div>' +
      '</section></div>' +
      '<aside class="_x2c__side"><section class="_cd6"><h2 class="_h2x">Trích tiền từ</h2>' +
      '<div class="_fl4"><select class="_in3" id="s-src8" name="fromAcct" aria-label="Tài khoản trích tiền">' +
      ACCTS.map(function (a) { return '<option value="' + a.no + '">' + a.no + ' · ' + vnd(a.bal) + '</option>'; }).join('') + '</select></div>' +
      '<p class="_mut">Phí chuyển tiền: <b>Miễn phí</b></p><p class="_mut">Hạn mức còn lại hôm nay: 500.000.000 VND</p></section>' +
      '<div class="_act"><button type="submit" class="_bt1 _bt1--pri _bt1--wide"><span>Tiếp theo</span>' + ICON.arrow + '</button>' +
      '<a href="/trang-chu" data-link class="_bt1 _bt1--ghost _bt1--wide" data-action="abort">Hủy giao dịch</a>' +
      '<button type="button" class="_bt1 _bt1--link" data-action="save-template">Lưu làm mẫu chuyển tiền</button></div></aside></div></form>', true);
    var f = pick('form.eb-xfer'), grid = pick('._bkg'), chosen = d.bank || null, t = null;
    function tiles() {
      var k = fold(f.bankQuery.value);
      var rows = BANKS.filter(function (b) { return !k || fold(b[1] + ' ' + b[2] + ' ' + b[0]).indexOf(k) >= 0; });
      grid.innerHTML = rows.map(function (b) {
        return '<button type="button" class="_bkt' + (chosen === b[0] ? ' is-sel' : '') + '" role="option" data-code="' + b[0] + '" aria-selected="' + (chosen === b[0]) + '" title="' + b[2] + '">' +
          '<span class="_bkt__logo" style="background:' + b[3] + '">' + b[0] + '</span><span class="_bkt__nm">' + b[1] + '</span></button>';
      }).join('') || '<p class="_mut">Không có ngân hàng phù hợp</p>';
    }
    function resolve() {
      clearTimeout(t); f.toName.value = ''; pick('[data-msg=toName]').textContent = '';
      var n = f.toAcct.value.replace(/\D/g, '');
      if (!chosen || n.length < 6) return;
      pick('[data-msg=toName]').textContent = 'Đang tra cứu tên thụ hưởng…';
      t = setTimeout(function () {
        var sum = 0; for (var i = 0; i < n.length; i++) sum += Number(n[i]);
        if (/^0+$/.test(n)) { pick('[data-msg=toName]').textContent = 'Không tìm thấy tài khoản thụ hưởng'; return; }
        f.toName.value = HOLDERS[sum % HOLDERS.length]; pick('[data-msg=toName]').textContent = '';
      }, 500);
    }
    grid.addEventListener('click', function (e) {
      var b = e.target.closest('[data-code]'); if (!b) return;
      chosen = b.getAttribute('data-code');
      f.bankQuery.value = BANKS.filter(function (x) { return x[0] === chosen; })[0][1];
      pick('[data-msg=bank]').textContent = ''; tiles(); resolve();
    });
    f.bankQuery.addEventListener('input', function () { chosen = null; tiles(); resolve(); });
    f.toAcct.addEventListener('input', function () { f.toAcct.value = f.toAcct.value.replace(/\D/g, ''); resolve(); });
    f.sum.addEventListener('input', function () { var v = f.sum.value.replace(/\D/g, ''); f.sum.value = v ? Number(v).toLocaleString('vi-VN') : ''; });
    pick('[data-action=save-template]').addEventListener('click', function () { notify('Cần hoàn tất giao dịch trước khi lưu mẫu.'); });
    f.note.value = d.message || 'NGUYEN VAN AN chuyen tien';
    if (d.source) f.fromAcct.value = d.source;
    tiles();
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var amt = Number(f.sum.value.replace(/\D/g, '')), src = ACCTS.filter(function (a) { return a.no === f.fromAcct.value; })[0];
      var errs = {
        bank: !chosen ? 'Quý khách chưa chọn ngân hàng thụ hưởng' : '',
        toAcct: !f.toAcct.value ? 'Quý khách chưa nhập số tài khoản thụ hưởng' : (f.toAcct.value.length < 6 || f.toAcct.value.length > 19 ? 'Số tài khoản thụ hưởng gồm 6 đến 19 chữ số' : (!f.toName.value ? 'Chưa xác định được tên thụ hưởng' : '')),
        sum: !amt ? 'Quý khách chưa nhập số tiền' : (amt < 10000 ? 'Số tiền tối thiểu 10.000 VND' : (amt > src.bal ? 'Số dư khả dụng không đủ' : '')),
        note: !f.note.value.trim() ? 'Quý khách chưa nhập lời nhắn' : ''
      };
      var bad = false; Object.keys(errs).forEach(function (k) { pick('[data-msg=' + k + ']').textContent = errs[k]; if (errs[k]) bad = true; });
      if (bad) return;
      save(DRAFT, { source: src.no, bank: chosen, bankName: f.bankQuery.value, account: f.toAcct.value, receiver: f.toName.value, amount: amt, message: f.note.value.trim() });
      go('/xac-nhan');
    });
  };
  screens['/xac-nhan'] = function () {
    var d = load(DRAFT);
    app.innerHTML = frame('<nav class="_bc" aria-label="Đường dẫn"><a href="/trang-chu" data-link>Tổng quan</a> › <a href="/chuyen-tien" data-link>Chuyển tiền</a> › <span>Xác thực</span></nav>' +
      '<div class="_cf2"><section class="_cd6"><h1 class="_h1x">Kiểm tra thông tin</h1><div class="_big"><small>Số tiền</small><b>' + vnd(d.amount) + '</b></div><dl class="_dl7">' +
      [['Từ tài khoản', d.source], ['Đến ngân hàng', d.bankName], ['Tài khoản thụ hưởng', d.account], ['Tên thụ hưởng', d.receiver], ['Phí', 'Miễn phí'], ['Lời nhắn', d.message]].map(function (r) { return '<dt>' + r[0] + '</dt><dd>' + esc(r[1]) + '</dd>'; }).join('') +
      '</dl></section><section class="_cd6"><h2 class="_h2x">' + ICON.shield + ' Xác thực giao dịch</h2>' +
      '<form class="eb-verify" novalidate><p class="_mut">Mã OTP đã được gửi qua SMS tới số ****789.</p>' +
      '<div class="_fl4"><input class="_in3 _in3--otp" id="v-ot9" name="otpCode" inputmode="numeric" maxlength="6" autocomplete="one-time-code" aria-label="Mã OTP" placeholder="• • • • • •"><small class="_er0" data-msg="otpCode"></small></div>' +
      '<button type="submit" class="_bt1 _bt1--pri _bt1--wide">' + ICON.check + '<span>Xác thực</span></button>' +
      '<div class="_rw2"><a href="/chuyen-tien" data-link data-action="edit">‹ Sửa thông tin</a><button type="button" class="_bt1 _bt1--link" data-action="resend-otp">Gửi lại OTP</button></div></form></section></div>', true);
    var f = pick('form.eb-verify');
    pick('[data-action=resend-otp]').addEventListener('click', function () { notify('Đã gửi lại mã OTP.'); });
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = f.otpCode.value.trim(), m = pick('[data-msg=otpCode]');
      if (!/^\d{6}$/.test(v)) { m.textContent = 'Mã OTP phải gồm 6 chữ số'; return; }
      if (v !== '123456') { m.textContent = 'Mã OTP chưa đúng, quý khách vui lòng nhập lại'; return; }
      var r = Object.assign({}, d, { ref: 'FT' + Date.now().toString().slice(-10), time: new Date().toLocaleString('vi-VN') });
      save(RESULT, r); sessionStorage.removeItem(DRAFT); go('/ket-qua', true);
    });
  };
  screens['/ket-qua'] = function () {
    var r = load(RESULT);
    app.innerHTML = frame('<section class="_cd6 _ok3"><div class="_ok3__ic">' + ICON.check + '</div><h2 class="_ok3__h">Chuyển tiền thành công</h2>' +
      '<p class="_ok3__amt">' + vnd(r.amount) + '</p><p class="_mut">tới ' + esc(r.receiver) + ' · ' + esc(r.bankName) + '</p><dl class="_dl7">' +
      [['Số tham chiếu', r.ref, 'ref'], ['Tài khoản thụ hưởng', r.account, 'acct'], ['Thời gian', r.time, 'time']].map(function (x) { return '<dt>' + x[0] + '</dt><dd data-k="' + x[2] + '">' + esc(x[1]) + '</dd>'; }).join('') +
      '</dl><div class="_ok3__act"><a href="/trang-chu" data-link class="_bt1 _bt1--pri">' + ICON.home + '<span>Về Tổng quan</span></a>' +
      '<a href="/chuyen-tien" data-link class="_bt1 _bt1--ghost">Tạo giao dịch khác</a>' +
      '<button type="button" class="_bt1 _bt1--link" data-action="share">Chia sẻ biên lai</button></div></section>', true);
    pick('[data-action=share]').addEventListener('click', function () { notify('Đã sao chép biên lai.'); });
  };

  var ticket = 0;
  var TITLES = { '/dang-nhap': 'Đăng nhập', '/trang-chu': 'Tổng quan', '/chuyen-tien': 'Chuyển tiền', '/xac-nhan': 'Xác thực giao dịch', '/ket-qua': 'Kết quả' };
  function render() {
    var path = location.pathname.replace(/\/+$/, '') || '/';
    var s = load(SESSION);
    if (path === '/') return go(s ? '/trang-chu' : '/dang-nhap', true);
    if (!screens[path]) return go(s ? '/trang-chu' : '/dang-nhap', true);
    if (path !== '/dang-nhap' && !s) return go('/dang-nhap', true);
    if (path === '/dang-nhap' && s) return go('/trang-chu', true);
    if (path === '/xac-nhan' && !load(DRAFT)) return go('/chuyen-tien', true);
    if (path === '/ket-qua' && !load(RESULT)) return go('/trang-chu', true);
    var mine = ++ticket;
    app.innerHTML = frame('<div class="_ld8k" aria-busy="true"><span class="_spin"></span>Đang tải dữ liệu…</div>', path !== '/dang-nhap');
    setTimeout(function () {
      if (mine !== ticket) return;
      screens[path]();
      document.title = TITLES[path] + ' · EBank Digital';
      app.querySelectorAll('[data-action=sign-out],[data-action=sign-out-side]').forEach(function (b) {
        b.addEventListener('click', function () { sessionStorage.clear(); go('/dang-nhap'); });
      });
    }, 350 + Math.floor(Math.random() * 550));
  }
  render();
})();
