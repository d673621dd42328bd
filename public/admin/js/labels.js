// Vietnamese names of the contract's intents, for staff.

export const INTENT_NAMES = {
  'procedure.info': 'Hỏi chung về thủ tục',
  'procedure.documents': 'Giấy tờ cần chuẩn bị',
  'procedure.fee': 'Lệ phí',
  'procedure.duration': 'Thời hạn giải quyết',
  'procedure.location': 'Nơi nộp, cơ quan giải quyết',
  'procedure.steps': 'Các bước thực hiện',
  'procedure.online': 'Làm trực tuyến',
  'procedure.list': 'Danh sách thủ tục theo lĩnh vực',
  'dossier.status': 'Tra cứu hồ sơ',
  handoff: 'Gặp cán bộ',
  greeting: 'Chào hỏi',
  thanks: 'Cảm ơn',
  goodbye: 'Tạm biệt',
  none: 'Ngoài phạm vi',
};

export const needsProcedure = (intent) => intent.startsWith('procedure.') && intent !== 'procedure.list';

/** "Lệ phí (procedure.fee)", or a staff FAQ's title. */
export function intentLabel(intent, faqs = []) {
  const faq = faqs.find((f) => f.intent === intent);
  if (faq) return `${faq.title} (${intent})`;
  return INTENT_NAMES[intent] ? `${INTENT_NAMES[intent]} (${intent})` : intent;
}
