// Issue 18 groundwork: what the codes on residents' papers say (core/read-document/qr.ts) and the checks a value
// must pass before it is offered as exact (core/read-document/checks.ts).
import { describe, expect, it } from 'vitest';
import { cardDate, crc16, parseCardQr, parsePaymentQr, parseTlv } from '../../core/read-document/qr';
import { qrPixels, tlv, vietQr } from '../support/qr-codes';
import { checkAmount, checkCccd, checkEvnCode, checkPhone } from '../../core/read-document/checks';
import { neighbours, spellAmount, wordsConfirm, wordsNear, wordsOf } from '../../core/read-document/amount-words';
import { decodeQrCodes, findQrCodes } from '../../core/read-document/decode-qr';
import { amountWordsLine, OCR_PAGE_MODE, readDocument } from '../../core/read-document/index';
import type { RgbaImage } from '../../core/image-prep';

describe('18.3 QR parsers', () => {
  it('18.3 CRC-16/CCITT-FALSE gives the standard check value', () => {
    expect(crc16('123456789')).toBe('29B1');
    expect(crc16('')).toBe('FFFF');
  });

  it('18.3 EMVCo TLV splits exactly, or not at all', () => {
    expect(parseTlv('000201010212')).toEqual([
      { id: '00', value: '01' },
      { id: '01', value: '12' },
    ]);
    expect(parseTlv('0002010102')).toBeNull();
    expect(parseTlv('0a0201')).toBeNull();
    expect(parseTlv('')).toEqual([]);
  });

  it('18.3 a VietQR gives the bank BIN, the account and the amount; any changed character fails its CRC', () => {
    const code = vietQr('970436', '0011004123456', tlv('54', '150000') + tlv('62', tlv('08', 'Tien dien T11')));
    expect(parsePaymentQr(code)).toEqual({
      ok: true,
      payment: { bin: '970436', account: '0011004123456', to: 'account', amount: '150000', purpose: 'Tien dien T11' },
    });
    // One digit of the account changed (the worst error the helper could make): refused.
    const tampered = code.replace('0011004123456', '0011004123457');
    expect(parsePaymentQr(tampered)).toEqual({ ok: false, reason: 'bad-crc' });
    // No amount in the code: none offered.
    const open = parsePaymentQr(vietQr('970418', '12010000123456'));
    expect(open.ok && open.payment).toEqual({ bin: '970418', account: '12010000123456', to: 'account' });
    // A decimal amount is not a đồng amount: not offered.
    const odd = parsePaymentQr(vietQr('970418', '12010000123456', tlv('54', '1000.5')));
    expect(odd.ok && odd.payment.amount).toBeUndefined();
  });

  it('18.3 other QR payloads are not taken for payment codes', () => {
    expect(parsePaymentQr('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=G22.99')).toEqual({ ok: false, reason: 'not-emvco' });
    // EMVCo, but another scheme's merchant account (no NAPAS GUID).
    const body = tlv('00', '01') + tlv('26', tlv('00', 'com.example.pay') + tlv('01', '123')) + '6304';
    expect(parsePaymentQr(body + crc16(body))).toEqual({ ok: false, reason: 'not-vietqr' });
    // No CRC at the end.
    expect(parsePaymentQr(tlv('00', '01') + tlv('58', 'VN'))).toEqual({ ok: false, reason: 'not-emvco' });
  });

  it('18.3 a căn cước QR gives its fields; newer cards add fields after the seventh; anything else is not one', () => {
    const qr = '001090012345|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|20042021';
    expect(parseCardQr(qr)).toEqual({
      id: '001090012345',
      oldId: '123456789',
      name: 'Nguyễn Văn An',
      birthDate: '1990-03-15',
      sex: 'Nam',
      address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
      issueDate: '2021-04-20',
    });
    expect(parseCardQr(`${qr.replace('|123456789|', '||')}|extra|fields`)).toMatchObject({ id: '001090012345', issueDate: '2021-04-20' });
    expect(parseCardQr(qr)?.oldId).toBe('123456789');
    expect(parseCardQr(qr.replace('|123456789|', '||'))?.oldId).toBeUndefined();
    // A day that does not exist, a short number, too few fields.
    expect(parseCardQr(qr.replace('15031990', '31021990'))).toBeNull();
    expect(parseCardQr(qr.replace('001090012345', '00109001234'))).toBeNull();
    expect(parseCardQr('001090012345|123456789|Nguyễn Văn An')).toBeNull();
    expect(cardDate('29022024')).toBe('2024-02-29');
    expect(cardDate('29022023')).toBeNull();
  });
});

describe('18.4 checks before a value is offered as exact', () => {
  it('18.4 CCCD: province code, century and sex digit, birth year, against what the card says', () => {
    expect(checkCccd('001090012345')).toEqual({ ok: true });
    expect(checkCccd('001090012345', { birthDate: '1990-03-15', sex: 'Nam' })).toEqual({ ok: true });
    expect(checkCccd('079305012345', { birthDate: '2005-07-01', sex: 'Nữ' })).toEqual({ ok: true });
    expect(checkCccd('003090012345')).toEqual({ ok: false, why: 'province' });
    expect(checkCccd('001090012345', { birthDate: '2001-01-01' })).toEqual({ ok: false, why: 'century' });
    expect(checkCccd('001090012345', { birthDate: '1991-03-15' })).toEqual({ ok: false, why: 'birth-year' });
    expect(checkCccd('001090012345', { sex: 'NỮ' })).toEqual({ ok: false, why: 'sex' });
    expect(checkCccd('001590012345')).toEqual({ ok: false, why: 'century' });
    expect(checkCccd('00109001234')).toEqual({ ok: false, why: 'shape' });
  });

  it('18.4 phone: ten digits with a mobile prefix in use; EVN code: a known letter and 11 digits', () => {
    expect(checkPhone('0912345678')).toEqual({ ok: true });
    expect(checkPhone('0212345678')).toEqual({ ok: false, why: 'mobile-prefix' });
    expect(checkPhone('091234567')).toEqual({ ok: false, why: 'shape' });
    expect(checkEvnCode('PE01000123456')).toEqual({ ok: true });
    expect(checkEvnCode('PZ01000123456')).toEqual({ ok: false, why: 'evn-region' });
    expect(checkEvnCode('PE0100012345')).toEqual({ ok: false, why: 'shape' });
  });

  it('18.4 amounts: the digits are spelled in Vietnamese, in the ways people write them', () => {
    expect(spellAmount(1_205_000)).toEqual(['mot trieu hai tram linh nam nghin']);
    expect(spellAmount(21_500)).toEqual(['hai muoi mot nghin nam tram']);
    expect(spellAmount(15_050_000)).toEqual(['muoi nam trieu khong tram nam muoi nghin', 'muoi nam trieu nam muoi nghin']);
    expect(spellAmount(344_000)).toEqual(['ba tram bon muoi bon nghin']);
    expect(spellAmount(1_000_000_000)).toEqual(['mot ty']);
    expect(spellAmount(-1)).toEqual([]);
    // "lăm", "tư", "ngàn", "lẻ", "mốt", "mười": the same words as spellAmount writes them.
    expect(wordsOf('Ba trăm bốn mươi tư ngàn đồng')).toBe('ba tram bon muoi bon nghin');
    expect(wordsOf('Số tiền bằng chữ: Mười lăm nghìn lẻ một đồng chẵn. Ghi chú')).toBe('muoi nam nghin linh mot');
    expect(neighbours('105')).toEqual(expect.arrayContaining(['100', '905', '15', '1055', '1005']));
    expect(neighbours('105')).not.toContain('105');
    expect(neighbours('105').some((n) => /^0\d/.test(n))).toBe(false);
  });

  it('18.4 amounts: the words confirm digits they match better than every amount one digit away, OCR errors and all', () => {
    const words = 'Một triệu hai trăm linh năm nghìn đồng';
    expect(checkAmount('1205000', words)).toEqual({ ok: true });
    expect(checkAmount('1205000', 'Mot trieu hai tràm linh nam nghìn dong')).toEqual({ ok: true });
    // One digit changed, dropped or added: the words say otherwise.
    expect(checkAmount('1206000', words)).toEqual({ ok: false, why: 'words-differ' });
    expect(checkAmount('12050000', words)).toEqual({ ok: false, why: 'words-differ' });
    expect(checkAmount('205000', words)).toEqual({ ok: false, why: 'words-differ' });
    expect(checkAmount('1205000')).toEqual({ ok: true });
    // A letter misread here and there, noise after "đồng": still the words of 25 980 000 and of no neighbour.
    expect(wordsConfirm('25980000', 'Hai mươi lăm tiệu chín trăm tám mưoi nghìn đồng Am vi')).toBe(true);
    // The first word lost: "tám trăm hai mươi ba nghìn" fits 823 000 as well as 7 823 000: neither is confirmed.
    const lost = '23 tiêu tâm trăm hai mượt bạ nghìn đống chan,';
    expect(wordsConfirm('7823000', lost)).toBe(false);
    expect(wordsConfirm('823000', lost)).toBe(false);
    // Words that are no amount, or an address, confirm nothing.
    expect(wordsConfirm('158', '158 Đồng Khởi')).toBe(false);
    expect(wordsConfirm('1205000', 'Nội dung chuyển tiền')).toBe(false);
    expect(wordsNear('1206000', words)).toBe(true);
    expect(wordsNear('11000', words)).toBe(false);
  });
});

/** A white page with QR codes drawn on it. */
const page = (width: number, height: number, codes: { text: string; x: number; y: number; scale: number }[]): RgbaImage => qrPixels(width, height, codes);

/** A worker that "reads" the given text, and says what it was asked. */
function fakeWorker(text: string) {
  const calls: string[] = [];
  return {
    calls,
    worker: {
      setParameters: async (p: Record<string, string>) => void calls.push(`set ${JSON.stringify(p)}`),
      recognize: async (image: never) => {
        calls.push(`recognize ${(image as Uint8Array).length > 0 ? 'pgm' : 'empty'}`);
        return { data: { text } };
      },
    },
  };
}

const CARD = '001090012345|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|20042021';

describe('18.5 readDocument: codes first, then the text, every value checked', () => {
  it('18.3 every QR in the image is read: a card QR and a payment QR on one page', () => {
    const pay = vietQr('970436', '0011004123456', tlv('54', '150000'));
    const img = page(900, 500, [
      { text: CARD, x: 40, y: 40, scale: 4 },
      { text: pay, x: 480, y: 40, scale: 4 },
    ]);
    expect(decodeQrCodes(img).sort()).toEqual([CARD, pay].sort());
    expect(decodeQrCodes(page(300, 300, []))).toEqual([]);
  });

  it('18.3 each code found comes with its area, close round its modules, for the text reading to leave out', () => {
    const pay = vietQr('970436', '0011004123456', tlv('54', '150000'));
    // A photo larger than the decoder looks at (reduced, then the areas given back in the photo's pixels).
    const img = page(2400, 1200, [{ text: pay, x: 1500, y: 300, scale: 10 }]);
    const { texts, areas } = findQrCodes(img);
    expect(texts).toEqual([pay]);
    expect(areas).toHaveLength(1);
    const [a] = areas;
    // Dark modules only inside the area; the area starts near the code's top-left corner (quiet zone kept out).
    for (let y = 0; y < img.height; y += 3)
      for (let x = 0; x < img.width; x += 3) {
        const inside = x >= a!.x0 && x <= a!.x1 && y >= a!.y0 && y <= a!.y1;
        if (!inside) expect(img.data[(y * img.width + x) * 4], `${x},${y}`).toBe(255);
      }
    expect(Math.abs(a!.x0 - 1500)).toBeLessThanOrEqual(60);
    expect(Math.abs(a!.y0 - 300)).toBeLessThanOrEqual(60);
  }, 30_000); // decoding a 1200 px page's codes: 2–6 s on a busy 2-core machine

  it('18.5 a value from a QR is exact and marked so; the text\'s other reading of it must be checked; a value failing its check is not sure', async () => {
    const pay = vietQr('970436', '0011004123456', tlv('54', '150000'));
    const img = page(900, 500, [
      { text: CARD, x: 40, y: 40, scale: 4 },
      { text: pay, x: 480, y: 40, scale: 4 },
    ]);
    // OCR misread one digit of the card's number.
    const { worker, calls } = fakeWorker('Số định danh cá nhân: 001090012346\nSố điện thoại: 0212345678\nSố tiền: 150.000 đ');
    const reading = await readDocument(img, { worker });
    // The prepared page, then the photo as it is (the plain reading).
    expect(calls).toEqual([`set {"tessedit_pageseg_mode":"${OCR_PAGE_MODE}"}`, 'recognize pgm', 'recognize pgm']);
    // The codes' values first (in the order the decoder found the codes), then the text's; the text's amount is
    // the code's, so it is not repeated; its phone (a landline-shaped number without a prefix in use) is no field.
    const byKey = (f: { kind: string; from: string }): string => `${f.from} ${f.kind}`;
    expect([...reading.fields].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual([
      { kind: 'amount', value: '150000', sure: true, from: 'qr' },
      { kind: 'bank-account', value: '0011004123456', sure: true, from: 'qr' },
      { kind: 'cccd', value: '001090012345', sure: true, from: 'qr' },
      { kind: 'cccd', value: '001090012346', sure: false, from: 'text', why: 'differs-from-qr' },
    ]);
    expect(reading.fields.at(-1)?.from).toBe('text');
    // The card's holder, for the volunteer's eyes only; the bank the code names.
    expect(reading.card).toEqual({ name: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'Nam', address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội' });
    expect(reading.bankBin).toBe('970436');
  });

  it('18.4 without codes: the text\'s values, each through its check (the words line cross-checks the amount)', async () => {
    const { worker } = fakeWorker('Số tiền: 1.206.000 đ\nSố tiền viết bằng chữ: Một triệu hai trăm linh năm nghìn đồng\nĐiện thoại: 0912 345 678');
    const reading = await readDocument(page(200, 200, []), { worker });
    expect(reading.fields).toEqual([
      { kind: 'amount', value: '1206000', sure: false, from: 'text', why: 'words-differ' },
      { kind: 'phone', value: '0912345678', sure: true, from: 'text' },
    ]);
    expect(reading.card).toBeUndefined();
    expect(amountWordsLine('Tổng cộng\nSố tiền viết bằng chữ: Một triệu đồng')).toBe('Một triệu đồng');
  });

  it('18.4 a total the words do not confirm is in doubt; a fee beside it is not, unless the words could describe it', async () => {
    // The total misread (7 828 000 where the words say 7 823 000): in doubt. The fee is no total: left to its checks.
    const misread = fakeWorker('Số tiền bằng số: 7.828.000\nSố tiền bằng chữ: Bảy triệu tám trăm hai mươi ba nghìn đồng\nPhí: 11.000 VND');
    expect((await readDocument(page(200, 200, []), { worker: misread.worker })).fields).toEqual([
      { kind: 'amount', value: '7828000', sure: false, from: 'text', why: 'words-differ' },
      { kind: 'amount', value: '11000', sure: true, from: 'text' },
    ]);
    // Read right: confirmed, and the fee stays exact.
    const right = fakeWorker('Số tiền bằng số: 7.823.000\nSố tiền bằng chữ / In words: Bảy triệu tám trăm hai mươi ba nghìn đồng\nPhí: 11.000 VND');
    expect((await readDocument(page(200, 200, []), { worker: right.worker })).fields.map((f) => f.sure)).toEqual([true, true]);
    expect(amountWordsLine('Số tiền bằng chữ / In words: Bảy triệu đồng')).toBe('Bảy triệu đồng');
  });
});
