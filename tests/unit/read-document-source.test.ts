// Issue 18, item 4: where every value came from. The OCR line a value was read from is found again in tesseract's
// symbols (separators and look-alike letters as extractFields allows them), with its box, a crop of the prepared
// image and the confidence in each character; a value with an unsure character is not offered as exact; a bank
// account's length is checked only for a bank known for sure (banks.ts).
import { describe, expect, it } from 'vitest';
import { BANKS, bankByBin, beneficiaryBank } from '../../core/read-document/banks';
import { checkBankAccount } from '../../core/read-document/checks';
import { blottedAt, cropGray, locateValue, ocrLines, UNSURE_CONFIDENCE, unsureAt, type OcrBlock } from '../../core/read-document/locate';
import { readDocument } from '../../core/read-document/index';
import { qrPixels, tlv, vietQr } from '../support/qr-codes';

/**
 * Tesseract's blocks for `lines` of text, one line 20 px high under the other, each character 10 px wide; every
 * symbol at confidence 96 but those `low` names (line, index in the line's text → confidence).
 */
function blocksOf(lines: string[], low: Record<string, number> = {}): OcrBlock[] {
  return [
    {
      paragraphs: [
        {
          lines: lines.map((text, li) => {
            const words: { symbols: { text: string; confidence: number }[] }[] = [];
            let word: { text: string; confidence: number }[] = [];
            [...text].forEach((ch, ci) => {
              if (ch === ' ') {
                if (word.length) words.push({ symbols: word });
                word = [];
              } else word.push({ text: ch, confidence: low[`${li}:${ci}`] ?? 96 });
            });
            if (word.length) words.push({ symbols: word });
            return { bbox: { x0: 10, y0: 10 + 20 * li, x1: 10 + 10 * text.length, y1: 26 + 20 * li }, words };
          }),
        },
      ],
    },
  ];
}

const worker = (lines: string[], low: Record<string, number> = {}) => ({
  setParameters: async () => undefined,
  recognize: async () => ({ data: { text: lines.join('\n'), blocks: blocksOf(lines, low) } }),
});

const white = qrPixels(400, 200, []);

describe('18.4 the line a value was read from', () => {
  it('18.4 finds a value whatever separators the paper (or the engine) put in it', () => {
    const lines = ocrLines(blocksOf(['Điện thoại: 0912.345-678', 'Mã hồ sơ: G22.99 - 260315 - 0042', 'Số tiền: 1.250.000 đ']));
    expect(locateValue('0912345678', lines)).toMatchObject({ line: { x: 10, y: 10, width: 240, height: 16 } });
    // A dossier code's own dots and dashes: as sure as their neighbours.
    const dossier = locateValue('G22.99-260315-0042', lines)!;
    expect(dossier.line.y).toBe(30);
    expect(dossier.confidences).toHaveLength('G22.99-260315-0042'.length);
    expect(locateValue('1250000', lines)!.line.y).toBe(50);
    expect(locateValue('5551234', lines)).toBeUndefined();
  });

  it('18.4 a look-alike letter the value was built from matches its digit; a letter of a code matches only itself', () => {
    const lines = ocrLines(blocksOf(['So dinh danh: O79O9OO12345', 'Ma KH: PE01000123456']));
    expect(locateValue('079090012345', lines)!.line.y).toBe(10);
    expect(locateValue('PE01000123456', lines)!.line.y).toBe(30);
    expect(locateValue('P601000123456', lines)).toBeUndefined();
  });

  it('18.4 prefers the number standing alone to digits inside a longer one, and follows a value over two lines', () => {
    const lines = ocrLines(blocksOf(['Mã giao dịch: 1912345678901', 'Số điện thoại: 0912 345', '678']));
    // "0912345678" is not the middle of the transaction number: it runs from line 2 into line 3.
    const phone = locateValue('0912345678', lines)!;
    expect(phone.line).toEqual({ x: 10, y: 30, width: 230, height: 36 });
    // The code inside the longer number comes first on the page; the one standing alone is the one read.
    const later = ocrLines(blocksOf(['Mã giao dịch: 10912345678', 'Điện thoại: 0912 345 678']));
    expect(locateValue('0912345678', later)!.line.y).toBe(30);
    // With nothing else, digits inside a longer number are still its place.
    expect(locateValue('0912345678', later.slice(0, 1))!.line.y).toBe(10);
  });

  it('18.4 gives each character its own confidence, and the threshold rule names the unsure ones', () => {
    // "Số tiền: 694.400 đ": the 4 after the dot (index 13 of the line) was hard to read.
    const lines = ocrLines(blocksOf(['Số tiền: 694.400 đ'], { '0:13': 41, '0:9': UNSURE_CONFIDENCE }));
    const at = locateValue('694400', lines)!;
    expect(at.confidences).toEqual([UNSURE_CONFIDENCE, 96, 96, 41, 96, 96]);
    // Strictly below the threshold is unsure; at it is not.
    expect(unsureAt(at.confidences)).toEqual([3]);
    expect(unsureAt([99, UNSURE_CONFIDENCE - 0.1, UNSURE_CONFIDENCE, 12])).toEqual([1, 3]);
    expect(unsureAt([99, 70, 12], 50)).toEqual([2]);
  });

  it('18.4 a character cell filled with ink (a blot the engine read as a digit, sure of it) is named; strokes and bars are not', () => {
    // Six 12 px cells, 16 px high, on white: "1" stems, an "8"'s three bars, a "0"'s two sides, and one blot.
    const w = 100;
    const img = { data: new Uint8ClampedArray(w * 30).fill(255), width: w, height: 30 };
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * w + x] = 20;
    };
    const cell = (i: number) => 10 + 12 * i;
    ink(cell(0) + 5, cell(0) + 8, 5, 21); // 1
    for (const y of [5, 12, 18]) ink(cell(1) + 1, cell(1) + 10, y, y + 3); // 8
    ink(cell(2) + 1, cell(2) + 4, 5, 21); // 0
    ink(cell(2) + 7, cell(2) + 10, 5, 21);
    ink(cell(3), cell(3) + 11, 3, 23); // the blot, a little over the line
    ink(cell(4) + 5, cell(4) + 8, 5, 21); // 1
    ink(cell(5) + 5, cell(5) + 8, 5, 21); // 1
    const box = (i: number, y0 = 5, y1 = 21) => ({ x0: cell(i), y0, x1: cell(i) + 11, y1 });
    // A value "18.0X11": the dot is a separator (no box); tesseract's box for the blot is taller than the others'.
    const boxes = [box(0), box(1), undefined, box(2), box(3, 3, 23), box(4), box(5)];
    expect(blottedAt(img, boxes)).toEqual([4]);
    // Tesseract's LSTM boxes may run on over the next characters: still only the blot.
    expect(blottedAt(img, [{ ...box(0), x1: cell(3) }, box(1), box(2), box(3, 3, 23), { ...box(4), x0: cell(2) }, box(5)])).toEqual([3]);
    expect(blottedAt(img, [box(0), box(1), box(2)])).toEqual([]);
    expect(blottedAt(img, [undefined, undefined])).toEqual([]);
  });

  it('18.4 the crop is the line with a margin, clipped to the image, from the prepared pixels', () => {
    const img = { data: new Uint8ClampedArray(Array.from({ length: 100 }, (_, i) => i)), width: 10, height: 10 };
    const crop = cropGray(img, { x: 2, y: 3, width: 3, height: 2 }, 1);
    expect(crop).toMatchObject({ width: 5, height: 4 });
    expect(Array.from(crop.data.slice(0, 5))).toEqual([21, 22, 23, 24, 25]);
    expect(cropGray(img, { x: 8, y: 8, width: 5, height: 5 }, 4)).toMatchObject({ width: 6, height: 6 });
  });
});

describe('18.4 readDocument: every text value with its line, crop and confidences', () => {
  it('18.4 a value read with an unsure digit is "unsure-digits", the digit named; the others stay exact, each with its crop', async () => {
    const lines = ['Mã khách hàng: PE01000123456', 'Điện thoại: 0912 345 678'];
    // The 7th digit of the customer code ("PE0100|0|123456": index 21 of the line) was a blot.
    const reading = await readDocument(white, { worker: worker(lines, { '0:21': 35 }) });
    const [code, phone] = reading.fields;
    expect(code).toMatchObject({ kind: 'evn-customer', value: 'PE01000123456', sure: false, why: 'unsure-digits', unsureAt: [6] });
    expect(phone).toMatchObject({ kind: 'phone', value: '0912345678', sure: true, from: 'text' });
    expect(phone!.unsureAt).toBeUndefined();
    expect(phone!.confidences).toEqual(Array(10).fill(96));
    // Boxes and crops in the prepared image's pixels (prepareForOcr scaled the 400 px page up to its minimum width).
    for (const f of reading.fields) {
      expect(f.line!.width).toBeGreaterThan(0);
      expect(f.crop!.width).toBeGreaterThanOrEqual(f.line!.width);
      expect(f.crop!.data).toHaveLength(f.crop!.width * f.crop!.height);
    }
  });

  it('18.4 a failed check stays the reason, the unsure digits are still named', async () => {
    // The words say 1.205.000; the digits' 6 (index 13 of the line) was unsure too.
    const lines = ['Số tiền: 1.206.000 đ', 'Số tiền viết bằng chữ: Một triệu hai trăm linh năm nghìn đồng'];
    const reading = await readDocument(white, { worker: worker(lines, { '0:13': 50 }) });
    expect(reading.fields).toMatchObject([{ kind: 'amount', value: '1206000', sure: false, why: 'words-differ', unsureAt: [3] }]);
  });

  it('18.4 a QR value has no crop; a worker without blocks gives values without line nor confidences', async () => {
    const img = qrPixels(500, 400, [{ text: vietQr('970436', '0011004123456', tlv('54', '150000')), x: 40, y: 40, scale: 4 }]);
    const reading = await readDocument(img, { worker: { setParameters: async () => undefined, recognize: async () => ({ data: { text: 'Điện thoại: 0912 345 678' } }) } });
    expect(reading.fields.filter((f) => f.from === 'qr').every((f) => f.crop === undefined && f.line === undefined)).toBe(true);
    expect(reading.fields.find((f) => f.kind === 'phone')).toEqual({ kind: 'phone', value: '0912345678', sure: true, from: 'text' });
  });
});

describe('18.4 bank account lengths', () => {
  it('18.4 the table: one entry per BIN, lengths only where known, each a real account length', () => {
    expect(new Set(BANKS.map((b) => b.bin)).size).toBe(BANKS.length);
    for (const b of BANKS) {
      expect(b.bin).toMatch(/^970\d{3}$/);
      for (const n of b.lengths ?? []) expect(n >= 6 && n <= 19).toBe(true);
    }
    expect(bankByBin('970405')?.lengths).toEqual([13]);
    expect(bankByBin('970407')).toMatchObject({ name: 'Techcombank' });
    expect(bankByBin('970407')?.lengths).toBeUndefined();
    expect(bankByBin('999999')).toBeUndefined();
  });

  it('18.4 the length check: only for a known length; an unknown bank gets none', () => {
    expect(checkBankAccount('1234567890123', [13])).toEqual({ ok: true });
    expect(checkBankAccount('123456789012', [13])).toEqual({ ok: false, why: 'bank-account-length' });
    expect(checkBankAccount('123456789012')).toEqual({ ok: true });
    expect(checkBankAccount('12a4567890')).toEqual({ ok: false, why: 'shape' });
  });

  it('18.4 the bank is the one the beneficiary line names, not the one that printed the slip', () => {
    const slip = 'Ngân hàng TMCP Ngoại thương Việt Nam\nBIÊN LAI CHUYỂN TIỀN\nSố tài khoản nhận: 1234 5678 9012\nNgân hàng nhận: Agribank - CN Hà Nội';
    expect(beneficiaryBank(slip)?.name).toBe('Agribank');
    // The header alone names the sender's bank: no beneficiary bank known.
    expect(beneficiaryBank('Ngân hàng TMCP Ngoại thương Việt Nam\nSố tài khoản nhận: 1234 5678 9012')).toBeUndefined();
    expect(beneficiaryBank('Số TK: 1234 5678 9012 3 tại Agribank', 'Số TK: 1234 5678 9012 3 tại Agribank')?.name).toBe('Agribank');
    expect(beneficiaryBank('Tại ngân hàng: Vietcombank\nNgân hàng thụ hưởng: Agribank')).toBeUndefined();
  });

  it('18.4 readDocument: an account too short for the bank named (or the BIN of a VietQR) is "bank-account-length"', async () => {
    const short = await readDocument(white, { worker: worker(['Số tài khoản nhận: 1500 2055 0123', 'Ngân hàng nhận: Agribank']) });
    expect(short.fields).toMatchObject([{ kind: 'bank-account', value: '150020550123', sure: false, why: 'bank-account-length' }]);
    const right = await readDocument(white, { worker: worker(['Số tài khoản nhận: 1500 2055 0123 4', 'Ngân hàng nhận: Agribank']) });
    expect(right.fields).toMatchObject([{ kind: 'bank-account', value: '1500205501234', sure: true }]);
    // A bank without a known length: no check.
    const free = await readDocument(white, { worker: worker(['Số tài khoản nhận: 1903 5555 1', 'Ngân hàng nhận: Techcombank']) });
    expect(free.fields).toMatchObject([{ kind: 'bank-account', value: '190355551', sure: true }]);
    // A VietQR's BIN names the bank: an OCR account of another length on the same paper is flagged for it.
    const img = qrPixels(500, 400, [{ text: vietQr('970405', '1500205501234'), x: 40, y: 40, scale: 4 }]);
    const withQr = await readDocument(img, { worker: worker(['STK: 1500 2055 0123']) });
    expect(withQr.bankBin).toBe('970405');
    expect(withQr.fields).toMatchObject([
      { kind: 'bank-account', value: '1500205501234', sure: true, from: 'qr' },
      { kind: 'bank-account', value: '150020550123', sure: false, from: 'text', why: 'bank-account-length' },
    ]);
  });
});

describe('18.4 a second look at each value\'s line', () => {
  it('18.4 a value the second reading of its line does not give is "readings-differ"; one it gives stays exact; each line is read again once', async () => {
    const lines = ['Số tài khoản: 2601 6865 46546', 'Điện thoại: 0912 345 678 - 0912 345 678'];
    const rereads: string[] = [];
    let calls = 0;
    const twice = {
      setParameters: async () => undefined,
      recognize: async () => {
        calls++;
        if (calls === 1) return { data: { text: lines.join('\n'), blocks: blocksOf(lines) } };
        // The account's line read again gives another digit; the phone's line the same digits.
        const text = calls === 2 ? 'Số tài khoản: 2691686546546' : 'Điện thoại: 0912 345 678 - 0912.345.678';
        rereads.push(text);
        return { data: { text, blocks: null } };
      },
    };
    const reading = await readDocument(white, { worker: twice, plainReading: false });
    const account = reading.fields.find((f) => f.kind === 'bank-account')!;
    expect(account).toMatchObject({ value: '2601686546546', sure: false, why: 'readings-differ' });
    expect(reading.fields.filter((f) => f.kind === 'phone').every((f) => f.sure)).toBe(true);
    // One first reading and one more per line, not per value.
    expect(calls).toBe(3);
    // Turned off, the first reading is all there is.
    calls = 0;
    const once = await readDocument(white, { worker: twice, secondLook: false, plainReading: false });
    expect(calls).toBe(1);
    expect(once.fields.find((f) => f.kind === 'bank-account')!.sure).toBe(true);
  });

  it('18.2 the photo read as it is too: a value both readings give needs no second look; one only it gives is added and looked at again; one it cannot place is not sure', async () => {
    const page = ['Số tài khoản: 2601 6865 46546', 'Điện thoại: 0912 345 678'];
    const plain = ['Số tài khoản: 2601 6865 46546', 'Điện thoại: 0912 345 678', 'Mã hồ sơ: G22.99-251214-0012', 'Người nhận: 0987 654 321'];
    const seen: string[] = [];
    let calls = 0;
    const worker = {
      setParameters: async () => undefined,
      recognize: async () => {
        calls++;
        if (calls === 1) return { data: { text: page.join('\n'), blocks: blocksOf(page) } };
        // The plain reading: its blocks place the dossier code on a line, not the second phone.
        if (calls === 2) return { data: { text: plain.join('\n'), blocks: blocksOf(plain.slice(0, 3)) } };
        seen.push('again');
        // The dossier code's line read again gives it back.
        return { data: { text: 'Mã hồ sơ: G22.99-251214-0012', blocks: null } };
      },
    };
    const reading = await readDocument(white, { worker });
    const byValue = Object.fromEntries(reading.fields.map((f) => [f.value, f.sure ? 'sure' : f.why]));
    expect(byValue).toEqual({
      // Both readings gave them: no second look.
      '2601686546546': 'sure',
      '0912345678': 'sure',
      // Only the plain reading: looked at again (once), and read again the same.
      'G22.99-251214-0012': 'sure',
      // Only the plain reading, on no line it could place: nothing to compare, not offered as exact.
      '0987654321': 'readings-differ',
    });
    expect(seen).toEqual(['again']);
    // Turned off: one reading.
    calls = 0;
    await readDocument(white, { worker, plainReading: false, secondLook: false });
    expect(calls).toBe(1);
  });

  it('18.4 the words line checks the total; a fee beside it is left to its own checks; words that cannot tell the total from its neighbours leave it in doubt', async () => {
    const clear = ['Số tiền: 7.823.000 đ', 'Bằng chữ: Bảy triệu tám trăm hai mươi ba nghìn đồng', 'Phí: 11.000 đ'];
    const amounts = async (lines: string[]) =>
      (await readDocument(white, { worker: worker(lines), secondLook: false })).fields.filter((f) => f.kind === 'amount').map((f) => [f.value, f.sure ? 'sure' : f.why]);
    expect(await amounts(clear)).toEqual([
      ['7823000', 'sure'],
      ['11000', 'sure'],
    ]);
    // Letters lost from the words that are no digit: the digits' words still fit 7 823 000 better than any neighbour.
    expect(await amounts(['Số tiền: 7.823.000 đ', 'Bằng chữ: Bầy triu tám tr hai mu ba ngn', 'Phí: 11.000 đ'])).toEqual([
      ['7823000', 'sure'],
      ['11000', 'sure'],
    ]);
    // The first word lost: 1 823 000 … 9 823 000 fit as well: the total (the largest amount) is in doubt, not the fee.
    expect(await amounts(['Số tiền: 7.823.000 đ', 'Bằng chữ: triệu tám trăm hai mươi ba nghìn đồng', 'Phí: 11.000 đ'])).toEqual([
      ['7823000', 'words-differ'],
      ['11000', 'sure'],
    ]);
    // The total misread: in doubt.
    expect(await amounts(['Số tiền: 7.828.000 đ', 'Bằng chữ: Bảy triệu tám trăm hai mươi ba nghìn đồng', 'Phí: 11.000 đ'])).toEqual([
      ['7828000', 'words-differ'],
      ['11000', 'sure'],
    ]);
  });
});
