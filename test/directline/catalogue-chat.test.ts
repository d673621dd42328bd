import { rmSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { csvFile, tempDir } from '../catalogue/catalogue-files.js';
import { PollingClient } from './client.js';

// The real server started with CATALOGUE_FILE, chatted with over Direct Line: imported
// procedures are answered from their cells, and an empty cell is said to be empty.

const CATALOGUE = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cách thức thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,"Phí, lệ phí",Cơ quan thực hiện,Nơi tiếp nhận,Căn cứ pháp lý,Mức độ dịch vụ công trực tuyến',
  '2.000633,Cấp Giấy phép bán lẻ rượu,Lưu thông hàng hóa trong nước,Cấp xã,Trực tiếp; Trực tuyến,"1. Đơn đề nghị cấp Giấy phép bán lẻ rượu\n2. Bản sao Giấy chứng nhận đăng ký hộ kinh doanh","10 ngày làm việc","Phí thẩm định: 1.200.000 đồng/điểm (thành phố); 600.000 đồng/điểm (khu vực khác)",Phòng Kinh tế,Bộ phận một cửa Ủy ban nhân dân cấp xã,Nghị định số 105/2017/NĐ-CP,Một phần',
  '1.004253,Cấp giấy phép khai thác sử dụng nước dưới đất,Tài nguyên nước,Cấp tỉnh,,,,,,,,',
].join('\n');

let dir: string;
let t: TestApp;
let url: string;
beforeAll(async () => {
  dir = tempDir('dvc-catalogue-chat-');
  t = await startTestApp({ CATALOGUE_FILE: csvFile(dir, CATALOGUE) });
  url = `${t.url}/v3/directline`;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('chatting about an imported procedure', () => {
  it('answers the documents, the fee, the time and the place from its cells, naming it by its code', async () => {
    const client = await PollingClient.start(url);
    const [documents] = await client.ask('xin giấy phép bán lẻ rượu cần giấy tờ gì');
    expect(documents.channelData).toEqual({ intent: 'procedure.documents', procedure: '2.000633' });
    expect(documents.text).toContain('1. Đơn đề nghị cấp Giấy phép bán lẻ rượu');
    expect(documents.text).toContain('Nghị định số 105/2017/NĐ-CP');
    const [fee] = await client.ask('lệ phí bao nhiêu?');
    expect(fee.channelData).toEqual({ intent: 'procedure.fee', procedure: '2.000633' });
    expect(fee.text).toMatch(/1\.200\.000 đồng/);
    expect(fee.text).toMatch(/600\.000 đồng/);
    const [duration] = await client.ask('bao lâu thì có?');
    expect(duration.text).toContain('10 ngày làm việc');
    const [place] = await client.ask('nộp ở đâu');
    expect(place.text).toContain('Bộ phận một cửa Ủy ban nhân dân cấp xã');
    const [online] = await client.ask('có làm online được không');
    expect(online.channelData).toEqual({ intent: 'procedure.online', procedure: '2.000633' });
    expect(online.text).toMatch(/trực tuyến một phần/);
  });

  it.each([
    ['giấy phép khai thác nước dưới đất cần giấy tờ gì', 'procedure.documents', /Danh mục chưa có thông tin thành phần hồ sơ/],
    ['giay phep khai thac nuoc duoi dat le phi bao nhieu', 'procedure.fee', /Danh mục chưa có thông tin lệ phí của thủ tục này/],
    ['giấy phép khai thác nước dưới đất mất bao lâu', 'procedure.duration', /Danh mục chưa có thông tin thời hạn giải quyết/],
    ['giấy phép khai thác nước dưới đất nộp ở đâu', 'procedure.location', /Danh mục chưa có thông tin nơi tiếp nhận/],
    ['giấy phép khai thác nước dưới đất làm online được không', 'procedure.online', /Danh mục chưa có thông tin về việc làm thủ tục/],
  ])('says plainly that the catalogue leaves the cell empty: "%s"', async (text, intent, said) => {
    const client = await PollingClient.start(url);
    const [reply] = await client.ask(text);
    expect(reply.channelData).toEqual({ intent, procedure: '1.004253' });
    expect(reply.text).toMatch(said);
    expect(reply.text).toMatch(/danh mục chưa ghi căn cứ pháp lý/);
  });

  it('answers "how to do it" for a procedure without documents with its (empty) steps, not a checklist', async () => {
    const client = await PollingClient.start(url);
    const [reply] = await client.ask('hướng dẫn tôi xin giấy phép khai thác nước dưới đất');
    expect(reply.channelData).toEqual({ intent: 'procedure.steps', procedure: '1.004253' });
    expect(reply.text).toMatch(/Danh mục chưa có thông tin trình tự thực hiện/);
  });

  it('still answers the curated procedures as before', async () => {
    const client = await PollingClient.start(url);
    const [reply] = await client.ask('đăng ký tạm trú cần giấy tờ gì');
    expect(reply.channelData).toEqual({ intent: 'procedure.documents', procedure: 'dang-ky-tam-tru' });
  });
});
