/* EVN CSKH portal – ui bundle 2.4 */
(function () {
  'use strict';
  var $ = function (s, c) { return (c || document).querySelector(s); };
  var $$ = function (s, c) { return Array.prototype.slice.call((c || document).querySelectorAll(s)); };
  var KH_PATTERN = /^P[A-Z]\d{11}$/;
  function vnd(n) { return Number(n).toLocaleString('vi-VN') + ' đ'; }
  function qs(k) { return new URLSearchParams(location.search).get(k); }
  function later(ms, fn) { setTimeout(fn, ms); }
  function toast(t) {
    var d = document.createElement('div'); d.className = 'ev-toast'; d.setAttribute('role', 'status'); d.textContent = t;
    document.body.appendChild(d); later(2400, function () { d.remove(); });
  }
  function price(kwh) {
    var tiers = [[50, 1984], [50, 2050], [100, 2380], [100, 2998], [100, 3350], [Infinity, 3460]], rest = kwh, sum = 0;
    tiers.forEach(function (t) { var u = Math.min(rest, t[0]); sum += u * t[1]; rest -= u; });
    return Math.round(sum * 1.08);
  }
  function account(code) {
    var seed = 0; for (var i = 0; i < code.length; i++) seed = (seed * 31 + code.charCodeAt(i)) % 100000;
    var owners = ['NGUYỄN VĂN AN', 'TRẦN THỊ MAI', 'LÊ HOÀNG NAM', 'PHẠM THU HƯƠNG'];
    var base = 4000 + seed % 3000, cur = 180 + seed % 120, prev = 150 + seed % 90;
    return {
      code: code, name: owners[seed % owners.length],
      address: 'Số ' + (seed % 200 + 1) + ' phố Trần Duy Hưng, Phường Yên Hòa, Hà Nội',
      periods: [
        { label: 'Tháng 10/2026', start: base, end: base + prev, kwh: prev, amount: price(prev), paid: true },
        { label: 'Tháng 11/2026', start: base + prev, end: base + prev + cur, kwh: cur, amount: price(cur), paid: false }
      ]
    };
  }
  function due(acc) { return acc.periods.filter(function (p) { return !p.paid; }).reduce(function (s, p) { return s + p.amount; }, 0); }
  function currentCode() { return (qs('ma') || sessionStorage.getItem('evn.code') || '').toUpperCase(); }
  function fill(scope, map) { Object.keys(map).forEach(function (k) { $$('[data-f=' + k + ']', scope).forEach(function (n) { n.textContent = map[k]; }); }); }

  function chrome() {
    var ck = $('[data-js=cookie]');
    if (ck) { if (sessionStorage.getItem('evn.cookieOk')) ck.remove(); else $('[data-js=cookie-ok]').addEventListener('click', function () { sessionStorage.setItem('evn.cookieOk', '1'); ck.remove(); }); }
    $$('[data-js=soon]').forEach(function (b) { b.addEventListener('click', function () { toast('Tính năng sẽ sớm được cung cấp.'); }); });
  }

  var screens = {};
  screens.find = function () {
    var form = $('[data-js=find-form]'), box = form.ma_kh, warn = $('[data-js=find-err]');
    var prev = sessionStorage.getItem('evn.code'); if (prev) box.value = prev;
    box.addEventListener('input', function () { box.value = box.value.toUpperCase(); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = box.value.trim().toUpperCase();
      var m = !v ? 'Bạn chưa nhập mã khách hàng.' : (!KH_PATTERN.test(v) ? 'Mã KH chưa đúng định dạng: 13 ký tự, bắt đầu bằng P (ví dụ PE01000123456).' : '');
      warn.textContent = m; box.classList.toggle('is-bad', !!m);
      if (m) { box.focus(); return; }
      sessionStorage.setItem('evn.code', v);
      location.href = '/hoa-don.html?ma=' + encodeURIComponent(v);
    });
    later(900, function () {
      var n = $('[data-js=news]');
      n.removeAttribute('aria-busy');
      n.innerHTML = '<h2 class="sec-h">Tin tức</h2><div class="news__grid">' + [
        ['25/11/2026', 'Điều chỉnh lịch ghi chỉ số công tơ dịp cuối năm'],
        ['18/11/2026', 'Cảnh báo tin nhắn giả mạo nhân viên điện lực yêu cầu chuyển tiền'],
        ['09/11/2026', 'Thanh toán tiền điện qua ví điện tử: miễn phí giao dịch đến hết năm']
      ].map(function (x) { return '<a class="news__it" href="#"><time>' + x[0] + '</time><span>' + x[1] + '</span></a>'; }).join('') + '</div>';
    });
  };
  screens.bill = function () {
    var code = currentCode();
    if (!KH_PATTERN.test(code)) { location.replace('/index.html'); return; }
    var acc = account(code);
    fill(document, { code: acc.code, name: acc.name, addr: acc.address });
    later(650, function () {
      var g = $('[data-js=periods]');
      g.removeAttribute('aria-busy');
      g.innerHTML = acc.periods.slice().reverse().map(function (p) {
        var st = p.paid ? 'paid' : 'due';
        return '<article class="kcard kcard--' + st + '" role="listitem" data-state="' + st + '">' +
          '<header class="kcard__hd"><span class="kcard__ky">' + p.label + '</span><span class="kcard__tag">' + (p.paid ? '✓ Đã thanh toán' : '● Chưa thanh toán') + '</span></header>' +
          '<dl class="kcard__dl"><div><dt>Chỉ số đầu kỳ</dt><dd>' + p.start.toLocaleString('vi-VN') + '</dd></div>' +
          '<div><dt>Chỉ số cuối kỳ</dt><dd>' + p.end.toLocaleString('vi-VN') + '</dd></div>' +
          '<div><dt>Sản lượng</dt><dd>' + p.kwh + ' kWh</dd></div>' +
          '<div class="kcard__money"><dt>Thành tiền</dt><dd>' + vnd(p.amount) + '</dd></div></dl></article>';
      }).join('');
      fill(document, { due: vnd(due(acc)) });
    });
    $('[data-js=go-pay]').addEventListener('click', function () { location.href = '/thanh-toan.html?ma=' + encodeURIComponent(code); });
    $('[data-js=later]').addEventListener('click', function () { toast('Đã lưu nhắc nhở. Bạn có thể quay lại thanh toán trước hạn.'); });
  };
  var CHANNELS = [
    { id: 'vnpay', label: 'VNPAY-QR', logo: 'VNPAY', sub: 'Quét mã bằng app ngân hàng', kind: 'Ví & QR', color: '#005baa' },
    { id: 'momo', label: 'Ví MoMo', logo: 'momo', sub: 'Ví điện tử', kind: 'Ví & QR', color: '#a50064' },
    { id: 'zalopay', label: 'ZaloPay', logo: 'Zalo·Pay', sub: 'Ví điện tử', kind: 'Ví & QR', color: '#0068ff' },
    { id: 'agribank', label: 'Agribank', logo: 'AGRIBANK', sub: 'Ngân hàng NN&PTNT', kind: 'Ngân hàng', color: '#a1162b' },
    { id: 'bidv', label: 'BIDV', logo: 'BIDV', sub: 'Ngân hàng ĐT&PT', kind: 'Ngân hàng', color: '#0d6a73' },
    { id: 'vcb', label: 'Vietcombank', logo: 'VCB', sub: 'Ngân hàng Ngoại thương', kind: 'Ngân hàng', color: '#0a7a3d' }
  ];
  screens.pay = function () {
    var code = currentCode();
    if (!KH_PATTERN.test(code)) { location.replace('/index.html'); return; }
    var acc = account(code), amt = due(acc);
    fill(document, { code: code, name: acc.name, due: vnd(amt) });
    later(420, function () {
      var t = $('[data-js=tiles]'), groups = {};
      CHANNELS.forEach(function (c) { (groups[c.kind] = groups[c.kind] || []).push(c); });
      t.removeAttribute('aria-busy');
      t.innerHTML = Object.keys(groups).map(function (k) {
        return '<p class="tiles__grp">' + k + '</p><div class="tiles__row">' + groups[k].map(function (c) {
          return '<label class="tile" data-ch="' + c.id + '"><input class="tile__r" type="radio" name="channel" value="' + c.id + '" data-label="' + c.label + '">' +
            '<span class="tile__logo" style="color:' + c.color + ';border-color:' + c.color + '">' + c.logo + '</span>' +
            '<span class="tile__nm">' + c.label + '<small>' + c.sub + '</small></span></label>';
        }).join('') + '</div>';
      }).join('');
      $$('.tile__r', t).forEach(function (r) { r.addEventListener('change', function () { $$('.tile', t).forEach(function (l) { l.classList.toggle('is-picked', l.contains(r) && r.checked); }); $('[data-js=pay-err]').classList.add('hidden'); }); });
    });
    $('[data-js=later]').addEventListener('click', function () { toast('Hóa đơn vẫn chưa được thanh toán. Vui lòng trả trước hạn để tránh bị nhắc nợ.'); });
    var form = $('[data-js=pay-form]');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var pick = $('input[name=channel]:checked', form), err = $('[data-js=pay-err]');
      if (!pick) { err.textContent = '⚠ Bạn cần chọn một ví điện tử hoặc ngân hàng trước khi thanh toán.'; err.classList.remove('hidden'); return; }
      err.classList.add('hidden');
      var b = $('button[type=submit]', form); b.disabled = true; b.textContent = 'Đang kết nối cổng thanh toán…';
      sessionStorage.setItem('evn.paid', JSON.stringify({ code: code, name: acc.name, amount: amt, channel: pick.getAttribute('data-label'), ref: 'EVN' + Date.now().toString().slice(-9), time: new Date().toLocaleString('vi-VN') }));
      later(550, function () { location.href = '/thanh-cong.html'; });
    });
  };
  screens.done = function () {
    var rec = null; try { rec = JSON.parse(sessionStorage.getItem('evn.paid') || 'null'); } catch (e) { rec = null; }
    var box = $('[data-js=done]');
    if (!rec) { box.innerHTML = '<p>Chưa có giao dịch nào được ghi nhận. <a href="/index.html">Tra cứu tiền điện</a></p>'; return; }
    fill(box, { code: rec.code, name: rec.name, amount: vnd(rec.amount), channel: rec.channel, ref: rec.ref, time: rec.time });
  };
  document.addEventListener('DOMContentLoaded', function () { chrome(); var s = document.body.getAttribute('data-screen'); if (screens[s]) screens[s](); });
})();
