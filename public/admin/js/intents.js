import { del, get, post, put } from './api.js';
import { $, h, notify, replace } from './dom.js';
import { INTENT_NAMES, intentLabel, needsProcedure } from './labels.js';
import { loadShared, shared } from './state.js';

// Browsing and editing intents and their utterances; staff FAQ intents with their answer.

let selected = null;

export async function showIntents() {
  await loadShared();
  renderList();
  renderAliases();
  if (selected) await showIntent(selected);
}

function renderAliases() {
  const items = shared.procedures.flatMap((p) => p.staffAliases.map((a) => ({ ...a, procedure: p })));
  replace($('#alias-list'), items.length ? items.map((a) => h('li', {}, `“${a.text}” → ${a.procedure.name} `,
    h('button', { type: 'button', class: 'danger', onclick: async () => {
      try {
        await del(`/api/admin/aliases/${encodeURIComponent(a.id)}`);
        notify(`Đã xoá tên gọi “${a.text}”. Bấm “Huấn luyện lại” để áp dụng.`);
        await showIntents();
      } catch (err) {
        notify(err.message, 'bad');
      }
    } }, 'Xoá'))) : h('li', { class: 'muted' }, 'Chưa có.'));
}

function renderList() {
  replace($('#intent-list'), shared.intents.map((i) => h('li', {},
    h('button', { type: 'button', 'aria-pressed': String(i.intent === selected), onclick: () => { void showIntent(i.intent); } },
      h('span', {}, i.kind === 'faq' ? i.title : INTENT_NAMES[i.intent] ?? i.intent, h('br'), h('small', { class: 'muted' }, i.intent)),
      h('span', { class: 'muted' }, String(i.utterances))))));
}

async function showIntent(intent) {
  selected = intent;
  renderList();
  const box = $('#intent-detail');
  let detail;
  try {
    detail = await get(`/api/admin/intents/${encodeURIComponent(intent)}`);
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  const procedureName = (id) => shared.procedures.find((p) => p.id === id)?.name ?? id;
  const withProcedure = needsProcedure(intent);

  const text = h('input', { name: 'text', required: true, size: 40, placeholder: 'Câu hỏi như người dân gõ', 'aria-label': 'Câu mẫu mới' });
  const procedure = h('input', { name: 'procedure', list: 'procedure-options', size: 26, placeholder: 'mã thủ tục (không bắt buộc)', 'aria-label': 'Thủ tục', disabled: !withProcedure });
  const add = h('form', { class: 'actions', onsubmit: async (event) => {
    event.preventDefault();
    try {
      await post(`/api/admin/intents/${encodeURIComponent(intent)}/utterances`, { text: text.value, procedure: procedure.value.trim() || null });
      notify(`Đã thêm câu mẫu. Bấm “Huấn luyện lại” để áp dụng.`);
      await showIntents();
    } catch (err) {
      notify(err.message, 'bad');
    }
  } }, text, withProcedure ? procedure : null, h('button', { type: 'submit', class: 'primary' }, 'Thêm câu mẫu'));

  const rows = detail.utterances.map((u) => utteranceRow(u, intent, withProcedure, procedureName));
  const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();
  const filter = h('input', { type: 'search', placeholder: 'Lọc câu mẫu…', 'aria-label': 'Lọc câu mẫu', size: 30, oninput: () => {
    const q = fold(filter.value);
    detail.utterances.forEach((u, i) => { rows[i].hidden = Boolean(q) && !fold(u.text).includes(q); });
  } });
  replace(box,
    h('h3', {}, intentLabel(intent, shared.faqs)),
    detail.kind === 'faq' ? faqEditor(detail) : null,
    add,
    h('p', { class: 'hint' }, filter, ` ${detail.utterances.length} câu mẫu; “tệp” là dữ liệu gốc trong intents/, “cán bộ” là câu cán bộ thêm.`),
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Câu mẫu'), withProcedure ? h('th', {}, 'Thủ tục') : null, h('th', {}, 'Nguồn'), h('th', {}, ''))),
      h('tbody', {}, rows)));
}

function utteranceRow(u, intent, withProcedure, procedureName) {
  const edit = async () => {
    const tr = document.getElementById(`u-${u.id}`);
    const text = h('input', { value: u.text, size: 40, 'aria-label': 'Sửa câu mẫu' });
    const target = h('select', { 'aria-label': 'Chuyển sang ý định' }, shared.intents.map((i) => h('option', { value: i.intent, selected: i.intent === intent }, intentLabel(i.intent, shared.faqs))));
    const save = h('button', { type: 'button', class: 'primary', onclick: async () => {
      try {
        await put(`/api/admin/utterances/${encodeURIComponent(u.id)}`, { text: text.value, intent: target.value });
        notify('Đã lưu. Bấm “Huấn luyện lại” để áp dụng.');
        await showIntents();
      } catch (err) {
        notify(err.message, 'bad');
      }
    } }, 'Lưu');
    replace(tr, h('td', { colspan: withProcedure ? 3 : 2 }, text, ' ', target), h('td', {}, save));
    text.focus();
  };
  const remove = async () => {
    try {
      await del(`/api/admin/utterances/${encodeURIComponent(u.id)}`);
      notify(`Đã xoá “${u.text}”. Bấm “Huấn luyện lại” để áp dụng.`);
      await showIntents();
    } catch (err) {
      notify(err.message, 'bad');
    }
  };
  return h('tr', { id: `u-${u.id}` },
    h('td', {}, u.text),
    withProcedure ? h('td', {}, u.procedure ? procedureName(u.procedure) : h('span', { class: 'muted' }, '—')) : null,
    h('td', {}, u.origin === 'file' ? 'tệp' : 'cán bộ'),
    h('td', {}, h('button', { type: 'button', onclick: edit }, 'Sửa'), ' ', h('button', { type: 'button', class: 'danger', onclick: remove }, 'Xoá')));
}

function faqEditor(detail) {
  const title = h('input', { value: detail.title, 'aria-label': 'Tên', size: 40 });
  const answer = h('textarea', { rows: 4, 'aria-label': 'Câu trả lời' }, detail.answer);
  return h('div', { class: 'card' },
    h('label', {}, 'Tên'), title,
    h('label', {}, 'Câu trả lời của trợ lý (áp dụng ngay, không cần huấn luyện lại)'), answer,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: async () => {
        try {
          await put(`/api/admin/intents/${encodeURIComponent(detail.intent)}`, { title: title.value, answer: answer.value });
          notify('Đã lưu câu trả lời.');
          await showIntents();
        } catch (err) {
          notify(err.message, 'bad');
        }
      } }, 'Lưu'),
      h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!window.confirm(`Xoá ý định ${detail.intent} và mọi câu mẫu của nó?`)) return;
        try {
          await del(`/api/admin/intents/${encodeURIComponent(detail.intent)}`);
          selected = null;
          replace($('#intent-detail'), h('p', { class: 'muted' }, 'Đã xoá. Bấm “Huấn luyện lại” để áp dụng.'));
          await showIntents();
        } catch (err) {
          notify(err.message, 'bad');
        }
      } }, 'Xoá ý định')));
}

$('#faq-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const utterances = $('#faq-utterances').value.split('\n').map((l) => l.trim()).filter(Boolean);
  try {
    const faq = await post('/api/admin/intents', { title: $('#faq-title').value, answer: $('#faq-answer').value, utterances });
    event.target.reset();
    notify(`Đã tạo ý định ${faq.intent}. Bấm “Huấn luyện lại” để trợ lý trả lời được.`);
    selected = faq.intent;
    await showIntents();
  } catch (err) {
    notify(err.message, 'bad');
  }
});

$('#alias-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await post(`/api/admin/procedures/${encodeURIComponent($('#alias-procedure').value.trim())}/aliases`, { text: $('#alias-text').value });
    event.target.reset();
    notify('Đã thêm tên gọi. Bấm “Huấn luyện lại” để áp dụng.');
    await showIntents();
  } catch (err) {
    notify(err.message, 'bad');
  }
});
