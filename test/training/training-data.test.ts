import { slug } from '../../src/training/training-data.js';

it.each([['Giờ làm việc', 'gio-lam-viec'], ['Đăng ký ô tô (xe con)!', 'dang-ky-o-to-xe-con'], ['???', 'cau-hoi']])('names a staff intent "%s" faq.%s', (title, expected) => {
  expect(slug(title)).toBe(expected);
});
