// Name parts of a synthetic national catalogue, modelled on how the procedures of the
// national portal are named: an action ("Cấp lại"), an object ("giấy phép hoạt động nhà
// thuốc") and a scope ("cấp tỉnh", "đối với tổ chức"). Each part also has the words a
// citizen types instead ("làm lại", "giấy phép nhà thuốc", "ở tỉnh"), which become aliases.
// Only for benchmarks and scale tests: none of it is advice to a citizen.

export interface Action {
  name: string;
  /** What citizens say instead, first one preferred. */
  spoken: string[];
}

export interface ObjectPart {
  name: string;
  spoken: string;
}

export interface Field {
  name: string;
  agency: string;
  objects: ObjectPart[];
}

export interface Scope {
  name: string;
  spoken: string;
  level: 'commune' | 'province' | 'central';
}

export const ACTIONS: Action[] = [
  { name: 'Cấp', spoken: ['xin', 'làm'] },
  { name: 'Cấp lại', spoken: ['làm lại', 'xin cấp lại'] },
  { name: 'Cấp đổi', spoken: ['đổi', 'đổi lại'] },
  { name: 'Đăng ký', spoken: ['đăng ký', 'đk'] },
  { name: 'Gia hạn', spoken: ['gia hạn', 'xin gia hạn'] },
  { name: 'Thu hồi', spoken: ['thu hồi', 'bị thu hồi'] },
  { name: 'Điều chỉnh', spoken: ['sửa', 'điều chỉnh thông tin'] },
  { name: 'Sửa đổi, bổ sung', spoken: ['bổ sung', 'sửa đổi'] },
  { name: 'Đình chỉ', spoken: ['đình chỉ', 'tạm dừng'] },
  { name: 'Chấm dứt hiệu lực', spoken: ['hủy', 'chấm dứt'] },
  { name: 'Công nhận', spoken: ['công nhận', 'xin công nhận'] },
  { name: 'Xác nhận', spoken: ['xác nhận', 'xin xác nhận'] },
  { name: 'Thẩm định hồ sơ cấp', spoken: ['thẩm định', 'thẩm định hồ sơ'] },
];

export const SCOPES: Scope[] = [
  { name: '', spoken: '', level: 'province' },
  { name: 'cấp tỉnh', spoken: 'ở tỉnh', level: 'province' },
  { name: 'cấp huyện', spoken: 'ở huyện', level: 'province' },
  { name: 'cấp xã', spoken: 'ở xã', level: 'commune' },
  { name: 'đối với tổ chức', spoken: 'cho tổ chức', level: 'province' },
  { name: 'đối với cá nhân', spoken: 'cho cá nhân', level: 'commune' },
  { name: 'cho doanh nghiệp có vốn đầu tư nước ngoài', spoken: 'cho công ty nước ngoài', level: 'central' },
  { name: 'trong khu công nghiệp, khu kinh tế', spoken: 'trong khu công nghiệp', level: 'province' },
  { name: 'trong trường hợp bị mất, bị hỏng', spoken: 'bị mất', level: 'province' },
  { name: 'do hết thời hạn', spoken: 'hết hạn', level: 'province' },
  { name: 'theo thủ tục rút gọn', spoken: 'rút gọn', level: 'central' },
  { name: 'trên môi trường điện tử', spoken: 'online', level: 'central' },
];

const o = (name: string, spoken: string): ObjectPart => ({ name, spoken });

export const FIELDS: Field[] = [
  { name: 'y tế', agency: 'Sở Y tế', objects: [
    o('giấy phép hoạt động phòng khám đa khoa', 'giấy phép phòng khám'),
    o('chứng chỉ hành nghề khám bệnh, chữa bệnh', 'chứng chỉ hành nghề y'),
    o('chứng chỉ hành nghề dược', 'chứng chỉ dược'),
    o('giấy chứng nhận đủ điều kiện kinh doanh dược', 'giấy phép kinh doanh thuốc'),
    o('giấy phép hoạt động nhà thuốc', 'giấy phép nhà thuốc'),
    o('giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'giấy an toàn thực phẩm'),
    o('giấy phép lưu hành trang thiết bị y tế', 'giấy phép thiết bị y tế'),
    o('giấy chứng nhận lương y', 'chứng nhận lương y'),
    o('số đăng ký lưu hành mỹ phẩm', 'công bố mỹ phẩm'),
    o('giấy phép hoạt động dịch vụ thẩm mỹ', 'giấy phép spa thẩm mỹ'),
    o('giấy phép nhập khẩu thuốc', 'nhập khẩu thuốc'),
  ] },
  { name: 'giáo dục và đào tạo', agency: 'Sở Giáo dục và Đào tạo', objects: [
    o('giấy phép thành lập trường mầm non tư thục', 'mở trường mầm non'),
    o('giấy phép hoạt động trung tâm ngoại ngữ, tin học', 'giấy phép trung tâm ngoại ngữ'),
    o('bằng tốt nghiệp trung học phổ thông', 'bằng tốt nghiệp cấp 3'),
    o('giấy phép dạy thêm, học thêm', 'giấy phép dạy thêm'),
    o('giấy chứng nhận kiểm định chất lượng giáo dục', 'kiểm định chất lượng trường'),
    o('giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp', 'giấy phép trường nghề'),
    o('học bổng chính sách', 'học bổng'),
    o('quyết định công nhận trường đạt chuẩn quốc gia', 'trường chuẩn quốc gia'),
    o('giấy phép liên kết đào tạo với nước ngoài', 'liên kết đào tạo nước ngoài'),
  ] },
  { name: 'xây dựng', agency: 'Sở Xây dựng', objects: [
    o('chứng chỉ hành nghề hoạt động xây dựng', 'chứng chỉ hành nghề xây dựng'),
    o('chứng chỉ năng lực hoạt động xây dựng', 'chứng chỉ năng lực xây dựng'),
    o('giấy phép di dời công trình', 'giấy phép di dời nhà'),
    o('giấy phép sửa chữa, cải tạo công trình', 'giấy phép sửa nhà'),
    o('giấy phép xây dựng công trình quảng cáo', 'giấy phép biển quảng cáo'),
    o('chứng chỉ hành nghề môi giới bất động sản', 'chứng chỉ môi giới nhà đất'),
    o('giấy phép hoạt động xây dựng cho nhà thầu nước ngoài', 'giấy phép nhà thầu nước ngoài'),
    o('giấy phép xây dựng có thời hạn', 'giấy phép xây nhà tạm'),
  ] },
  { name: 'giao thông vận tải', agency: 'Sở Giao thông vận tải', objects: [
    o('giấy phép kinh doanh vận tải bằng xe ô tô', 'giấy phép kinh doanh vận tải'),
    o('phù hiệu xe ô tô kinh doanh vận tải', 'phù hiệu xe'),
    o('giấy phép lái xe quốc tế', 'bằng lái quốc tế'),
    o('giấy chứng nhận đăng ký phương tiện thủy nội địa', 'giấy đăng ký thuyền'),
    o('giấy phép hoạt động bến thủy nội địa', 'giấy phép bến thủy'),
    o('giấy chứng nhận kiểm định xe cơ giới', 'đăng kiểm xe'),
    o('giấy phép lưu hành xe quá tải trọng', 'giấy phép xe quá tải'),
    o('chứng chỉ chuyên môn thuyền trưởng', 'bằng thuyền trưởng'),
    o('giấy phép đào tạo lái xe', 'giấy phép trung tâm dạy lái xe'),
    o('giấy phép thi công trên đường bộ đang khai thác', 'giấy phép thi công đường bộ'),
  ] },
  { name: 'công thương', agency: 'Sở Công Thương', objects: [
    o('giấy phép bán lẻ rượu', 'giấy phép bán rượu'),
    o('giấy phép bán lẻ sản phẩm thuốc lá', 'giấy phép bán thuốc lá'),
    o('giấy chứng nhận đủ điều kiện kinh doanh xăng dầu', 'giấy phép cây xăng'),
    o('giấy phép sản xuất rượu thủ công', 'giấy phép nấu rượu'),
    o('giấy chứng nhận đủ điều kiện kinh doanh khí dầu mỏ hóa lỏng', 'giấy phép bán gas'),
    o('giấy chứng nhận xuất xứ hàng hóa', 'giấy xuất xứ hàng hóa'),
    o('giấy phép hoạt động điện lực', 'giấy phép điện lực'),
    o('giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài', 'văn phòng đại diện nước ngoài'),
    o('giấy xác nhận tổ chức hội chợ, triển lãm thương mại', 'giấy phép hội chợ'),
    o('giấy phép sử dụng vật liệu nổ công nghiệp', 'giấy phép vật liệu nổ'),
    o('giấy chứng nhận đăng ký hoạt động bán hàng đa cấp', 'giấy phép bán hàng đa cấp'),
  ] },
  { name: 'văn hóa, thể thao và du lịch', agency: 'Sở Văn hóa, Thể thao và Du lịch', objects: [
    o('giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'giấy phép karaoke'),
    o('giấy phép kinh doanh dịch vụ lữ hành quốc tế', 'giấy phép lữ hành'),
    o('thẻ hướng dẫn viên du lịch', 'thẻ hướng dẫn viên'),
    o('giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 'giấy phép phòng gym'),
    o('văn bản chấp thuận tổ chức biểu diễn nghệ thuật', 'giấy phép biểu diễn'),
    o('quyết định công nhận hạng cơ sở lưu trú du lịch', 'xếp hạng sao khách sạn'),
    o('giấy phép triển lãm mỹ thuật', 'giấy phép triển lãm tranh'),
    o('giấy phép nhập khẩu văn hóa phẩm', 'nhập khẩu văn hóa phẩm'),
    o('giấy phép tổ chức lễ hội', 'giấy phép lễ hội'),
  ] },
  { name: 'thông tin và truyền thông', agency: 'Sở Thông tin và Truyền thông', objects: [
    o('giấy phép xuất bản bản tin', 'giấy phép bản tin'),
    o('giấy phép thiết lập trang thông tin điện tử tổng hợp', 'giấy phép trang web tin tức'),
    o('giấy phép hoạt động in', 'giấy phép in ấn'),
    o('giấy phép cung cấp dịch vụ trò chơi điện tử trên mạng', 'giấy phép game online'),
    o('giấy phép sử dụng tần số vô tuyến điện', 'giấy phép tần số'),
    o('giấy phép cung cấp dịch vụ bưu chính', 'giấy phép bưu chính'),
    o('thẻ nhà báo', 'thẻ phóng viên'),
    o('giấy xác nhận đăng ký nhập khẩu xuất bản phẩm', 'nhập khẩu sách'),
  ] },
  { name: 'nông nghiệp và phát triển nông thôn', agency: 'Sở Nông nghiệp và Phát triển nông thôn', objects: [
    o('giấy chứng nhận kiểm dịch động vật', 'kiểm dịch động vật'),
    o('giấy chứng nhận cơ sở an toàn dịch bệnh động vật', 'chứng nhận an toàn dịch bệnh'),
    o('giấy phép khai thác thủy sản', 'giấy phép đánh bắt cá'),
    o('giấy chứng nhận đăng ký tàu cá', 'giấy đăng ký tàu cá'),
    o('giấy chứng nhận đủ điều kiện buôn bán thuốc thú y', 'giấy phép bán thuốc thú y'),
    o('giấy chứng nhận đủ điều kiện buôn bán phân bón', 'giấy phép bán phân bón'),
    o('giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'giấy phép bán thuốc trừ sâu'),
    o('giấy phép khai thác gỗ rừng trồng', 'giấy phép khai thác gỗ'),
    o('giấy chứng nhận kinh tế trang trại', 'chứng nhận trang trại'),
    o('giấy chứng nhận sản phẩm nông nghiệp đạt tiêu chuẩn VietGAP', 'chứng nhận VietGAP'),
  ] },
  { name: 'tài nguyên và môi trường', agency: 'Sở Tài nguyên và Môi trường', objects: [
    o('giấy phép khai thác khoáng sản', 'giấy phép khai thác mỏ'),
    o('giấy phép môi trường', 'giấy phép môi trường'),
    o('giấy phép khai thác nước dưới đất', 'giấy phép khoan giếng'),
    o('giấy phép xả nước thải vào nguồn nước', 'giấy phép xả thải'),
    o('giấy phép thăm dò khoáng sản', 'giấy phép thăm dò mỏ'),
    o('giấy phép nhận chìm ở biển', 'giấy phép nhận chìm'),
    o('giấy phép hoạt động đo đạc và bản đồ', 'giấy phép đo đạc'),
    o('giấy phép xử lý chất thải nguy hại', 'giấy phép xử lý rác thải'),
    o('quyết định giao khu vực biển', 'giao khu vực biển'),
  ] },
  { name: 'việc làm', agency: 'Sở Lao động - Thương binh và Xã hội', objects: [
    o('giấy phép lao động cho người nước ngoài', 'giấy phép lao động'),
    o('giấy phép hoạt động dịch vụ việc làm', 'giấy phép trung tâm việc làm'),
    o('giấy phép hoạt động cho thuê lại lao động', 'giấy phép cho thuê lao động'),
    o('giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài', 'giấy phép xuất khẩu lao động'),
    o('giấy chứng nhận người có công với cách mạng', 'chế độ người có công'),
    o('giấy phép thành lập cơ sở trợ giúp xã hội', 'mở trung tâm bảo trợ'),
    o('giấy chứng nhận đủ điều kiện hoạt động kiểm định kỹ thuật an toàn lao động', 'kiểm định an toàn lao động'),
  ] },
  { name: 'bổ trợ tư pháp', agency: 'Sở Tư pháp', objects: [
    o('thẻ công chứng viên', 'thẻ công chứng'),
    o('giấy đăng ký hoạt động văn phòng công chứng', 'mở văn phòng công chứng'),
    o('chứng chỉ hành nghề luật sư', 'chứng chỉ luật sư'),
    o('giấy đăng ký hoạt động của tổ chức hành nghề luật sư', 'đăng ký văn phòng luật'),
    o('thẻ thừa phát lại', 'thẻ thừa phát lại'),
    o('thẻ giám định viên tư pháp', 'thẻ giám định viên'),
    o('giấy phép thành lập trung tâm trọng tài', 'giấy phép trọng tài'),
    o('chứng chỉ hành nghề quản tài viên', 'chứng chỉ quản tài viên'),
    o('giấy đăng ký hoạt động trung tâm tư vấn pháp luật', 'trung tâm tư vấn pháp luật'),
  ] },
  { name: 'tài chính', agency: 'Sở Tài chính', objects: [
    o('chứng chỉ kế toán viên', 'chứng chỉ kế toán'),
    o('thẻ thẩm định viên về giá', 'thẻ thẩm định giá'),
    o('giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán', 'giấy phép dịch vụ kế toán'),
    o('giấy chứng nhận đủ điều kiện kinh doanh xổ số', 'giấy phép xổ số'),
    o('giấy phép thành lập quỹ đầu tư chứng khoán', 'quỹ đầu tư chứng khoán'),
    o('chứng chỉ hành nghề chứng khoán', 'chứng chỉ chứng khoán'),
    o('giấy xác nhận đủ điều kiện kinh doanh dịch vụ làm thủ tục về thuế', 'đại lý thuế'),
    o('giấy chứng nhận đủ điều kiện kinh doanh casino', 'giấy phép casino'),
  ] },
  { name: 'khoa học và công nghệ', agency: 'Sở Khoa học và Công nghệ', objects: [
    o('giấy chứng nhận đăng ký nhãn hiệu', 'bảo hộ thương hiệu'),
    o('bằng độc quyền sáng chế', 'bằng sáng chế'),
    o('giấy chứng nhận doanh nghiệp khoa học và công nghệ', 'doanh nghiệp khoa học công nghệ'),
    o('giấy phép tiến hành công việc bức xạ', 'giấy phép bức xạ'),
    o('chứng chỉ nhân viên bức xạ', 'chứng chỉ bức xạ'),
    o('giấy chứng nhận đăng ký chuyển giao công nghệ', 'chuyển giao công nghệ'),
    o('giấy tiếp nhận hồ sơ công bố hợp quy', 'công bố hợp quy'),
    o('giấy chứng nhận đăng ký quyền tác giả', 'bản quyền tác giả'),
  ] },
  { name: 'nội vụ', agency: 'Sở Nội vụ', objects: [
    o('quyết định cho phép thành lập hội', 'thành lập hội'),
    o('quyết định công nhận ban vận động thành lập hội', 'ban vận động hội'),
    o('văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung', 'đăng ký sinh hoạt tôn giáo'),
    o('giấy phép thành lập quỹ xã hội, quỹ từ thiện', 'lập quỹ từ thiện'),
    o('danh hiệu thi đua cấp tỉnh', 'khen thưởng thi đua'),
    o('chứng chỉ hành nghề lưu trữ', 'chứng chỉ lưu trữ'),
  ] },
  { name: 'an ninh trật tự', agency: 'Công an tỉnh', objects: [
    o('giấy phép sử dụng vũ khí thể thao', 'giấy phép súng thể thao'),
    o('giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'giấy an ninh trật tự'),
    o('giấy phép sử dụng pháo hoa', 'giấy phép bắn pháo hoa'),
    o('giấy chứng nhận thẩm duyệt thiết kế về phòng cháy và chữa cháy', 'thẩm duyệt phòng cháy'),
    o('giấy phép vận chuyển hàng hóa nguy hiểm', 'giấy phép chở hàng nguy hiểm'),
    o('thị thực cho người nước ngoài', 'visa cho người nước ngoài'),
    o('thẻ tạm trú cho người nước ngoài', 'thẻ tạm trú người nước ngoài'),
    o('giấy miễn thị thực', 'miễn thị thực'),
    o('hộ chiếu công vụ', 'hộ chiếu công vụ'),
  ] },
  { name: 'đầu tư', agency: 'Sở Kế hoạch và Đầu tư', objects: [
    o('giấy chứng nhận đăng ký đầu tư', 'giấy chứng nhận đầu tư'),
    o('giấy chứng nhận đăng ký hợp tác xã', 'đăng ký hợp tác xã'),
    o('giấy chứng nhận đăng ký hoạt động chi nhánh', 'đăng ký chi nhánh công ty'),
    o('quyết định chủ trương đầu tư', 'chủ trương đầu tư'),
    o('giấy chứng nhận ưu đãi đầu tư', 'ưu đãi đầu tư'),
  ] },
];
