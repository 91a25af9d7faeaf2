// Words a redesign swaps for others of the same meaning, on Vietnamese public-service, banking and bill
// pages (and their English versions): "Đăng nhập" ~ "Vào tài khoản", "Tra cứu" ~ "Tìm kiếm", "Số định danh"
// ~ "CCCD". General interface vocabulary, written from the domain before any redesign was measured; a
// phrase maps to a concept, and texts are compared on concepts plus the words left over. Folded forms
// (core/text.ts foldText: lower case, no diacritics, đ → d).
import { foldText } from '../text';

/** Each group: phrases with one meaning. Longer phrases win over the shorter ones inside them. */
const GROUPS: readonly (readonly string[])[] = [
  ['dang nhap', 'vao tai khoan', 'truy cap tai khoan', 'sign in', 'log in', 'login', 'signin'],
  ['dang ky', 'tao tai khoan', 'mo tai khoan', 'register', 'sign up', 'signup'],
  ['dang xuat', 'thoat', 'logout', 'log out', 'sign out'],
  ['tim kiem', 'tra cuu', 'search', 'lookup', 'look up', 'find'],
  ['tiep tuc', 'tiep theo', 'buoc tiep', 'continue', 'next'],
  ['xac nhan', 'dong y', 'confirm', 'ok', 'xac thuc'],
  ['quay lai', 'tro lai', 'tro ve', 'back', 'go back'],
  ['huy', 'huy bo', 'cancel', 'bo qua'],
  ['mat khau', 'password', 'passcode'],
  ['so dinh danh ca nhan', 'so dinh danh', 'ma dinh danh', 'so cccd', 'cccd', 'can cuoc cong dan', 'can cuoc', 'cmnd', 'chung minh nhan dan', 'so giay to tuy than', 'id number', 'personal id', 'vneid'],
  ['ten dang nhap', 'ten truy cap', 'username', 'user name', 'tai khoan dang nhap'],
  ['ma xac thuc', 'ma bao mat', 'ma kiem tra', 'captcha', 'ma captcha', 'ky tu trong anh', 'chuoi ky tu', 'security code'],
  ['ma otp', 'otp', 'mat khau mot lan', 'ma mot lan', 'one time password', 'one time code', 'ma xac nhan giao dich'],
  ['nop ho so', 'gui ho so', 'nop don', 'submit', 'gui di'],
  ['nop truc tuyen', 'nop online', 'dang ky truc tuyen', 'lam ho so truc tuyen', 'thuc hien truc tuyen', 'nop ho so truc tuyen', 'bat dau nop ho so', 'bat dau nop', 'apply online'],
  ['thanh toan', 'tra tien', 'chi tra', 'pay', 'payment', 'nop tien', 'tra phi', 'tra le phi', 'nop phi', 'nop le phi'],
  ['thanh toan truc tuyen', 'thanh toan online', 'pay online'],
  ['so tien', 'amount', 'gia tri', 'tong tien', 'tong cong'],
  ['noi dung chuyen tien', 'noi dung chuyen khoan', 'noi dung', 'loi nhan', 'dien giai', 'message', 'ghi chu'],
  ['so tai khoan', 'stk', 'account number', 'so tk'],
  ['tai khoan nguon', 'tu tai khoan', 'tai khoan chuyen', 'source account'],
  ['ten nguoi nhan', 'nguoi nhan', 'chu tai khoan', 'ten chu tai khoan', 'beneficiary', 'receiver'],
  ['ngan hang', 'bank', 'ngan hang nhan'],
  ['ho ten', 'ho va ten', 'ten day du', 'full name', 'ho ten nguoi nop'],
  ['ngay sinh', 'ngay thang nam sinh', 'sinh ngay', 'date of birth', 'birthday'],
  ['gioi tinh', 'gender', 'sex'],
  ['so dien thoai', 'dien thoai', 'sdt', 'so di dong', 'di dong', 'phone', 'mobile', 'so dt'],
  ['email', 'e mail', 'thu dien tu', 'dia chi email', 'hop thu'],
  ['tinh thanh pho', 'tinh thanh', 'thanh pho', 'province', 'city'],
  ['phuong xa', 'xa phuong', 'phuong', 'ward', 'commune'],
  ['dia chi', 'address', 'noi o', 'cho o', 'dia chi chi tiet', 'so nha', 'noi cu tru'],
  ['muc dich', 'ly do', 'purpose', 'muc dich su dung'],
  ['so luong', 'quantity', 'so ban'],
  ['dinh kem', 'tep dinh kem', 'tai len', 'tai tep', 'tep', 'upload', 'attachment', 'giay to kem theo', 'chon tep', 'file'],
  ['cam doan', 'cam ket', 'toi xin cam doan', 'dong y dieu khoan'],
  ['tra cuu ho so', 'theo doi ho so', 'kiem tra ho so', 'tinh trang ho so', 'track application'],
  ['ma ho so', 'so ho so', 'ma so ho so', 'ma hs'],
  ['ma giao dich', 'so giao dich', 'ma tham chieu', 'so tham chieu', 'transaction', 'reference'],
  ['ma khach hang', 'ma kh', 'customer code', 'customer id'],
  ['hoa don', 'bill', 'invoice', 'phieu thanh toan'],
  ['trang chu', 'home', 'trang dau', 'trang chinh'],
  ['chuyen tien', 'chuyen khoan', 'transfer'],
  ['quen mat khau', 'lay lai mat khau', 'khoi phuc mat khau', 'dat lai mat khau', 'forgot password'],
  ['gui lai', 'gui lai ma', 'nhan lai ma', 'resend'],
  ['luu nhap', 'luu tam', 'save draft'],
  ['cong dan', 'ca nhan', 'nguoi dan', 'citizen'],
  ['doanh nghiep', 'to chuc', 'business', 'company'],
  ['dich vu cong', 'thu tuc hanh chinh', 'thu tuc', 'public service'],
  ['le phi', 'fee', 'chi phi'],
  ['thoi han giai quyet', 'thoi gian giai quyet', 'thoi han', 'processing time'],
  ['co quan thuc hien', 'noi tiep nhan', 'co quan giai quyet', 'agency'],
  ['trang thai', 'tinh trang', 'status'],
  ['thanh cong', 'hoan tat', 'da xong', 'success', 'successful'],
  ['vi dien tu', 'e wallet', 'wallet'],
  ['ky hoa don', 'ky thanh toan', 'billing period'],
  ['chi so', 'chi so cong to', 'meter reading'],
  ['dien nang tieu thu', 'san luong', 'kwh', 'so dien'],
];

/** Words that say what to do with a control rather than what it is ("Nhập…", "Vui lòng chọn…"). */
const FILLER = new Set(['nhap', 'chon', 'vui', 'long', 'hay', 'xin', 'quy', 'khach', 'ban', 'cua', 'day', 'o', 'bam', 'nhan', 'vao', 'de', 'cho', 'la', 'va', 'cac', 'mot', 'so', 'the', 'your', 'enter', 'please', 'select', 'choose', 'click', 'here', 'a', 'an', 'of', 'to', 'nut', 'button', 'link', 'o', 'truong']);

interface Entry {
  words: string[];
  concept: string;
}

// Phrases by their first word, longest first: a text is rewritten in one left-to-right pass.
const BY_FIRST = new Map<string, Entry[]>();
GROUPS.forEach((group, i) => {
  for (const phrase of group) {
    const words = phrase.split(' ');
    const list = BY_FIRST.get(words[0]!) ?? [];
    list.push({ words, concept: `#${i}` });
    BY_FIRST.set(words[0]!, list);
  }
});
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

const CACHE_LIMIT = 20_000;
const cache = new Map<string, string[]>();

/**
 * The meaning-bearing tokens of a text: known phrases become their concept (`#3`), filler words and bare
 * numbers are dropped, other words stay. Memoised; treat the array as read-only.
 */
export function conceptTokens(text: string): string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const words = foldText(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const entries = BY_FIRST.get(words[i]!);
    const match = entries?.find((e) => e.words.every((w, k) => words[i + k] === w));
    if (match) {
      if (!out.includes(match.concept)) out.push(match.concept);
      i += match.words.length;
      continue;
    }
    const w = words[i]!;
    if (!FILLER.has(w) && !/^\d+$/.test(w)) out.push(w);
    i++;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}
