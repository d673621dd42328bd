import { jsonAnswer } from './staff-page.js';

// The admin API with the token kept in sessionStorage (gone when the tab closes).

const TOKEN_KEY = 'dvc-admin-token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** What each error code means to staff; the server's message follows with the detail. */
const MEANING = {
  UNAUTHORIZED: 'Mã truy cập không đúng. Vui lòng đăng nhập lại.',
  UNKNOWN_INTENT: 'Ý định không tồn tại.',
  UNKNOWN_PROCEDURE: 'Mã thủ tục không tồn tại.',
  UTTERANCE_CONFLICT: 'Câu này đã là câu mẫu của một ý định khác.',
  EMPTY_INTENT: 'Mỗi ý định cần ít nhất một câu mẫu.',
  VALIDATION_FAILED: 'Dữ liệu chưa hợp lệ.',
  MODEL_WORSE: 'Mô hình mới kém hơn rõ rệt so với mô hình đang chạy.',
  TRAINING_FAILED: 'Huấn luyện không thành công; mô hình cũ vẫn đang phục vụ.',
  CONFLICT: 'Dữ liệu đã được người khác thay đổi.',
  NOT_FOUND: 'Không tìm thấy.',
};

export class ApiError extends Error {
  constructor(status, body) {
    const code = body?.error ?? 'INTERNAL';
    super(`${MEANING[code] ?? 'Có lỗi xảy ra.'} ${body?.message ?? ''}`.trim());
    this.status = status;
    this.code = code;
    this.details = body?.details;
  }
}

export async function api(method, path, body, extraHeaders = {}) {
  const headers = { authorization: `Bearer ${token.get() ?? ''}`, ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return jsonAnswer(res, (status, data) => new ApiError(status, data));
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}, headers) => api('POST', path, body, headers);
export const put = (path, body, headers) => api('PUT', path, body, headers);
export const del = (path) => api('DELETE', path);
