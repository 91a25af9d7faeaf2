/* EVN CSKH — giao diện 2027 */
(function () {
  'use strict';
  function $(s, r) { return (r || document).querySelector(s); }
  function $$(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
  function qp(n) { return new URLSearchParams(location.search).get(n); }
  function vnd(n) { return Number(n).toLocaleString('vi-VN') + ' đ'; }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  var MA_KH = /^P[A-Z]\d{11}$/;

  function bieuGia(kwh) {
    var bac = [[50, 1984], [50, 2050], [100, 2380], [100, 2998], [100, 3350], [Infinity, 3460]], con = kwh, tien = 0;
    bac.forEach(function (b) { var u = Math.min(con, b[0]); tien += u * b[1]; con -= u; });
    return Math.round(tien * 1.08);
  }
  function hoSo(ma) {
    var seed = 0; for (var i = 0; i < ma.length; i++) seed = (seed * 31 + ma.charCodeAt(i)) % 100000;
    var ten = ['NGUYỄN VĂN AN', 'TRẦN THỊ MAI', 'LÊ HOÀNG NAM', 'PHẠM THU HƯƠNG'];
    var dau = 4000 + seed % 3000, ky2 = 180 + seed % 120, ky1 = 150 + seed % 90;
    return {
      code: ma, name: ten[seed % ten.length], address: 'Số ' + (seed % 200 + 1) + ' phố Trần Duy Hưng, Phường Yên Hòa, Hà Nội',
      bills: [
        { period: 'Tháng 10/2026', from: dau, to: dau + ky1, kwh: ky1, amount: bieuGia(ky1), paid: true },
        { period: 'Tháng 11/2026', from: dau + ky1, to: dau + ky1 + ky2, kwh: ky2, amount: bieuGia(ky2), paid: false }
      ]
    };
  }
  function conNo(c) { return c.bills.filter(function (b) { return !b.paid; }).reduce(function (s, b) { return s + b.amount; }, 0); }
  function maHienTai() { return (qp('ma') || sessionStorage.getItem('evn.code') || '').toUpperCase(); }
  function decoy(btns, msg) {
    btns.forEach(function (b) {
      b.addEventListener('click', function () {
        var slot = b.closest('.ev-card').querySelector('[data-slot=decoy]');
        if (slot) { slot.textContent = msg; slot.hidden = false; setTimeout(function () { slot.hidden = true; }, 2500); }
      });
    });
  }

  if (window.customElements && !customElements.get('evn-customer-card')) {
    customElements.define('evn-customer-card', class extends HTMLElement {
      constructor() {
        super();
        var root = this.attachShadow({ mode: 'open' });
        root.innerHTML = '<style>' +
          ':host{display:block}' +
          '.cc{display:grid;grid-template-columns:auto 1fr;gap:16px;align-items:center}' +
          '.cc__av{width:56px;height:56px;border-radius:16px;background:#e0edff;color:#0a4da2;display:flex;align-items:center;justify-content:center}' +
          '.cc__t{margin:0 0 2px;font-size:12px;letter-spacing:.6px;text-transform:uppercase;color:#64748b;font-weight:700}' +
          '.cc__name{margin:0;font-size:20px;font-weight:800;color:#0b1f3a}' +
          '.cc__meta{display:flex;flex-wrap:wrap;gap:8px 20px;margin-top:8px;font-size:14px;color:#334155}' +
          '.cc__meta span b{font-weight:700;color:#0b1f3a}' +
          '.cc__tag{display:inline-block;background:#fff4d6;color:#8a5a00;border-radius:999px;padding:2px 10px;font-size:12px;font-weight:700}' +
          '</style>' +
          '<div class="cc"><div class="cc__av" aria-hidden="true"><svg viewBox="0 0 24 24" width="28" height="28"><path d="M13 2L4 14h7l-1 8 9-12h-7z" fill="currentColor"/></svg></div>' +
          '<div><p class="cc__t">Chủ hợp đồng mua bán điện</p><p class="cc__name" data-f="ten-kh">…</p>' +
          '<div class="cc__meta"><span>Mã KH: <b data-f="ma-kh"></b></span><span class="cc__tag">Sinh hoạt bậc thang</span></div>' +
          '<div class="cc__meta"><span data-f="dia-chi"></span></div></div></div>';
      }
      fill(c) {
        var r = this.shadowRoot;
        r.querySelector('[data-f=ten-kh]').textContent = c.name;
        r.querySelector('[data-f=ma-kh]').textContent = c.code;
        r.querySelector('[data-f=dia-chi]').textContent = 'Địa chỉ dùng điện: ' + c.address;
      }
    });
  }

  var view = {};
  view['tra-cuu'] = function () {
    var f = $('#f-7ad2'), inp = f.querySelector('input[name=ma_kh]'), err = $('[data-err=ma]', f);
    var prev = sessionStorage.getItem('evn.code'); if (prev) inp.value = prev;
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = inp.value.trim().toUpperCase();
      var m = !v ? 'Bạn chưa nhập mã khách hàng' : (!MA_KH.test(v) ? 'Mã khách hàng chưa đúng định dạng (13 ký tự, ví dụ PE01000123456)' : '');
      err.textContent = m; f.classList.toggle('is-err', !!m);
      if (m) { inp.focus(); return; }
      sessionStorage.setItem('evn.code', v);
      location.href = '/hoa-don.html?ma=' + encodeURIComponent(v);
    });
    decoy($$('[data-decoy]'), 'Chức năng này đang được bảo trì, vui lòng quay lại sau.');
    setTimeout(function () {
      $('[data-late=news]').innerHTML = '<h2 class="ev-card__h">Tin tức</h2><ul class="ev-news__list">' +
        '<li><a href="#tin-tuc">Điều chỉnh giá bán lẻ điện bình quân từ tháng 01/2027</a><time>10/01/2027</time></li>' +
        '<li><a href="#tin-tuc">Khuyến cáo sử dụng điện an toàn dịp Tết Nguyên đán</a><time>06/01/2027</time></li>' +
        '<li><a href="#tin-tuc">Cảnh báo tin nhắn giả mạo yêu cầu thanh toán tiền điện</a><time>02/01/2027</time></li></ul>';
    }, 800);
  };
  view['hoa-don'] = function () {
    var ma = maHienTai();
    if (!MA_KH.test(ma)) { location.replace('/index.html'); return; }
    var c = hoSo(ma), due = conNo(c);
    var card = $('evn-customer-card');
    customElements.whenDefined('evn-customer-card').then(function () { card.fill(c); });
    $('[data-slot=tong-no]').textContent = vnd(due);
    $('[data-act=tra-tien]').addEventListener('click', function () { location.href = '/thanh-toan.html?ma=' + encodeURIComponent(ma); });
    decoy($$('[data-act=tai-hoa-don],[data-act=dang-ky-tu-dong]'), 'Tính năng sẽ sớm được cung cấp.');
    setTimeout(function () {
      $('[data-list=ky-hoa-don]').innerHTML = c.bills.slice().reverse().map(function (b) {
        var i = c.bills.indexOf(b);
        return '<article class="ev-bill' + (b.paid ? ' ev-bill--paid' : ' ev-bill--due') + '" data-ky="' + i + '">' +
          '<header class="ev-bill__hd"><h3>' + b.period + '</h3><span class="ev-pill ' + (b.paid ? 'ev-pill--ok">Đã trả' : 'ev-pill--due">Còn nợ') + '</span></header>' +
          '<dl class="ev-bill__dl"><div><dt>Chỉ số đầu kỳ</dt><dd>' + b.from.toLocaleString('vi-VN') + '</dd></div>' +
          '<div><dt>Chỉ số cuối kỳ</dt><dd>' + b.to.toLocaleString('vi-VN') + '</dd></div>' +
          '<div><dt>Sản lượng</dt><dd>' + b.kwh + ' kWh</dd></div>' +
          '<div class="ev-bill__amt"><dt>Tiền điện</dt><dd>' + vnd(b.amount) + '</dd></div></dl></article>';
      }).join('');
    }, 600);
  };
  view['thanh-toan'] = function () {
    var ma = maHienTai();
    if (!MA_KH.test(ma)) { location.replace('/index.html'); return; }
    var c = hoSo(ma), due = conNo(c), f = $('#f-c19e');
    $('[data-f=ma]').textContent = ma; $('[data-f=ten]').textContent = c.name; $('[data-f=sotien]').textContent = vnd(due);
    var VI = [['momo', 'Ví MoMo', 'MoMo', '#a50064'], ['zalopay', 'ZaloPay', 'Zalo', '#0068ff'], ['vnpay', 'VNPAY-QR', 'VNP', '#005baa']];
    var NH = [['vcb', 'Vietcombank', 'VCB', '#0a7a3d'], ['bidv', 'BIDV', 'BIDV', '#0d6a73'], ['agribank', 'Agribank', 'AGR', '#a1162b']];
    function tile(k) {
      return '<label class="ev-ch"><input type="radio" name="kenh_tt" value="' + k[0] + '" data-label="' + k[1] + '">' +
        '<span class="ev-ch__logo" style="background:' + k[3] + '">' + k[2] + '</span><span class="ev-ch__name">' + k[1] + '</span></label>';
    }
    setTimeout(function () {
      $('[data-slot=kenh]').innerHTML =
        '<fieldset class="ev-chset"><legend>Ví điện tử</legend><div class="ev-chgrid">' + VI.map(tile).join('') + '</div></fieldset>' +
        '<fieldset class="ev-chset"><legend>Ngân hàng liên kết</legend><div class="ev-chgrid">' + NH.map(tile).join('') +
        '<label class="ev-ch ev-ch--off"><input type="radio" name="kenh_tt" value="card" disabled><span class="ev-ch__logo" style="background:#64748b">VISA</span><span class="ev-ch__name">Thẻ quốc tế <small>(tạm ngưng)</small></span></label></div></fieldset>';
    }, 500);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var m = f.querySelector('input[name=kenh_tt]:checked'), err = $('[data-slot=loi-tt]');
      if (!m) { err.textContent = 'Bạn chưa chọn ví điện tử hoặc ngân hàng để thanh toán.'; err.hidden = false; return; }
      err.hidden = true;
      var b = f.querySelector('button[type=submit]'); b.disabled = true; b.querySelector('span').textContent = 'Đang xử lý…';
      sessionStorage.setItem('evn.paid', JSON.stringify({ code: ma, name: c.name, amount: due, channel: m.getAttribute('data-label'), ref: 'EVN' + Date.now().toString().slice(-9), time: new Date().toLocaleString('vi-VN') }));
      setTimeout(function () { location.href = '/thanh-cong.html'; }, 500);
    });
  };
  view['ket-qua'] = function () {
    var p = null; try { p = JSON.parse(sessionStorage.getItem('evn.paid') || 'null'); } catch (e) { p = null; }
    if (!p) { $('[data-box=ket-qua]').innerHTML = '<p>Chưa có giao dịch nào. <a href="/index.html">Xem hóa đơn tiền điện</a></p>'; return; }
    $('[data-f=da-tra]').textContent = vnd(p.amount); $('[data-f=ma-gd]').textContent = p.ref; $('[data-f=thoi-gian]').textContent = p.time;
    $('[data-f=kenh]').textContent = p.channel; $('[data-f=ma-kh]').textContent = p.code; $('[data-f=ten-kh]').textContent = p.name;
    $('[data-act=in]').addEventListener('click', function () { window.print(); });
  };

  document.addEventListener('DOMContentLoaded', function () {
    var ok = $('[data-cookie-ok]');
    if (ok) {
      if (localStorage.getItem('evn.cookie') === '1') $('[data-cookie]').hidden = true;
      ok.addEventListener('click', function () { localStorage.setItem('evn.cookie', '1'); $('[data-cookie]').hidden = true; });
    }
    var v = document.body.getAttribute('data-view'); if (view[v]) view[v]();
  });
  window.esc = esc;
})();
