// Vietnamese words for what the console shows: dossier statuses, waiting times, dates.

export const STATUS_NAMES = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplement_required: 'Yêu cầu bổ sung',
  completed: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối',
};

export const statusName = (status) => STATUS_NAMES[status] ?? status;

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
const time = new Intl.DateTimeFormat('vi-VN', { timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');
export const clock = (iso) => (iso ? time.format(new Date(iso)) : '');

/** "vừa xong", "7 phút", "1 giờ 5 phút", "2 ngày 3 giờ". */
export function duration(fromIso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60000));
  if (minutes < 1) return 'vừa xong';
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} giờ ${minutes % 60} phút` : `${hours} giờ`;
  return hours % 24 ? `${Math.floor(hours / 24)} ngày ${hours % 24} giờ` : `${Math.floor(hours / 24)} ngày`;
}

/** The same officer, whatever the case or spacing of the name (as the server compares them). */
export function sameOfficer(a, b) {
  const key = (name) => (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return key(a) !== '' && key(a) === key(b);
}
