import { jsonAnswer } from '../../admin/js/staff-page.js';

// The help-desk API, with the token and the officer's name kept in sessionStorage (gone when
// the tab closes). The name goes with every call as X-Officer, percent-encoded.

const TOKEN_KEY = 'dvc-helpdesk-token';
const OFFICER_KEY = 'dvc-helpdesk-officer';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  officer: () => sessionStorage.getItem(OFFICER_KEY) ?? '',
  set(token, officer) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(OFFICER_KEY, officer);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** What each error code means to an officer; the server's message follows with the detail. */
const MEANING = {
  UNAUTHORIZED: 'Mã truy cập không đúng. Vui lòng đăng nhập lại.',
  TICKET_HELD: 'Yêu cầu này đang do cán bộ khác xử lý.',
  TICKET_CLOSED: 'Yêu cầu này đã đóng.',
  TICKET_NOT_FOUND: 'Không tìm thấy yêu cầu.',
  OFFICER_REQUIRED: 'Cần họ tên cán bộ.',
  BAD_DOSSIER_CODE: 'Mã hồ sơ chưa đúng dạng (ví dụ 000.00.16.H17-261105-0007).',
  DOSSIER_NOT_FOUND: 'Không có hồ sơ nào mang mã này.',
  PORTAL_UNAVAILABLE: 'Cổng dịch vụ công đang không phản hồi, vui lòng thử lại sau.',
  VALIDATION_FAILED: 'Dữ liệu chưa hợp lệ.',
};

export class ApiError extends Error {
  constructor(status, body) {
    const code = body?.error ?? 'INTERNAL';
    const holder = body?.details?.holder;
    super(code === 'TICKET_HELD' && holder ? `Yêu cầu này đang do cán bộ ${holder} xử lý.` : (MEANING[code] ?? 'Có lỗi xảy ra, vui lòng thử lại.'));
    this.status = status;
    this.code = code;
    this.details = body?.details;
  }
}

export function headers(extra = {}) {
  return { authorization: `Bearer ${session.token() ?? ''}`, 'x-officer': encodeURIComponent(session.officer()), ...extra };
}

/** A call; its answer as a Response (for streams and files) when `raw`. */
export async function api(method, path, body, { raw = false, signal } = {}) {
  const res = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (res.ok && raw) return res;
  return jsonAnswer(res, (status, data) => new ApiError(status, data));
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
