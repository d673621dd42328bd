import { get } from './api.js';
import { $, h, replace, when } from './dom.js';

// What every tab shares: the intents, the procedures, the serving model.

export const shared = { intents: [], procedures: [], faqs: [] };

export async function loadShared() {
  const [intents, procedures] = await Promise.all([get('/api/admin/intents'), get('/api/admin/procedures')]);
  shared.intents = intents;
  shared.procedures = procedures;
  shared.faqs = intents.filter((i) => i.kind === 'faq');
  replace($('#procedure-options') ?? document.body.appendChild(h('datalist', { id: 'procedure-options' })),
    procedures.map((p) => h('option', { value: p.id, label: p.name })));
}

export async function refreshServing() {
  const status = await get('/api/admin/train/status');
  const models = await get('/api/admin/models');
  const serving = models.models.find((m) => m.id === status.serving);
  $('#serving').textContent = serving
    ? `Mô hình đang chạy: ${serving.id} · huấn luyện lúc ${when(serving.trainedAt)} · ${serving.utterances} câu mẫu`
    : '';
  return { status, models };
}
