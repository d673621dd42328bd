import { get, post } from './api.js';
import { $, h, notify, replace, when } from './dom.js';
import { intentLabel, needsProcedure } from './labels.js';
import { shared } from './state.js';

// The inbox: questions the assistant did not understand, one click to label, alias or dismiss.

/** The recognizer's own bar for naming a procedure: a weaker guess is not pre-filled. */
const PREFILL_SCORE = 1.5;
/** An intent guess under this is not pre-selected. */
const MIN_PRESELECT = 0.2;

export async function showInbox() {
  const status = $('#inbox-status').value;
  const list = $('#inbox-list');
  let groups;
  try {
    groups = await get(`/api/admin/misunderstood?status=${encodeURIComponent(status)}`);
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  if (status === 'open') $('#inbox-count').textContent = groups.length ? String(groups.length) : '';
  if (!groups.length) {
    replace(list, h('li', { class: 'muted' }, status === 'open' ? 'Không còn câu hỏi nào cần xử lý.' : 'Không có câu hỏi nào.'));
    return;
  }
  replace(list, groups.map((g) => row(g, status === 'open')));
}

function row(group, actionable) {
  const li = h('li', { tabindex: '-1', dataset: { id: group.id } });
  const intentSelect = h('select', { name: 'intent', 'aria-label': 'Ý định', required: true },
    h('option', { value: '' }, 'Chọn ý định…'),
    shared.intents.map((i) => h('option', { value: i.intent }, intentLabel(i.intent, shared.faqs))));
  const procedureInput = h('input', { name: 'procedure', list: 'procedure-options', placeholder: 'mã thủ tục', 'aria-label': 'Thủ tục', size: 28 });
  const aliasInput = h('input', { name: 'alias', value: group.text, 'aria-label': 'Tên gọi thêm cho thủ tục', size: 28 });
  const aliasField = h('div', { class: 'field', hidden: true }, h('label', {}, 'Tên gọi'), aliasInput);
  // A guess worth a look is pre-selected; otherwise staff choose (an unchosen intent cannot be sent).
  const best = group.guesses.intents.find((g) => g.intent !== 'none' && g.confidence >= MIN_PRESELECT);
  intentSelect.value = best?.intent ?? '';
  const top = group.guesses.procedures[0];
  if (top && top.score >= PREFILL_SCORE) procedureInput.value = top.id;
  const sync = () => { procedureInput.disabled = !needsProcedure(intentSelect.value) && aliasField.hidden; };
  intentSelect.addEventListener('change', sync);
  sync();

  const act = async (path, body, done) => {
    try {
      await post(`/api/admin/misunderstood/${encodeURIComponent(group.id)}/${path}`, body);
      li.remove();
      const left = $('#inbox-list').children.length;
      $('#inbox-count').textContent = left ? String(left) : '';
      notify(`${done} Bấm “Huấn luyện lại” để trợ lý học thay đổi này.`);
      focusRow($('#inbox-list').firstElementChild);
    } catch (err) {
      notify(err.message, 'bad');
    }
  };
  const form = h('form', { class: 'actions', onsubmit: (event) => {
    event.preventDefault();
    const intent = intentSelect.value;
    const procedure = needsProcedure(intent) && procedureInput.value.trim() ? procedureInput.value.trim() : null;
    void act('label', { intent, procedure }, `Đã gán nhãn “${group.text}” là ${intentLabel(intent, shared.faqs)}.`);
  } },
  h('div', { class: 'field' }, h('label', {}, 'Ý định'), intentSelect),
  h('div', { class: 'field' }, h('label', {}, 'Thủ tục'), procedureInput),
  aliasField,
  h('button', { type: 'submit', class: 'primary', dataset: { action: 'label' } }, 'Gán nhãn'),
  h('button', { type: 'button', dataset: { action: 'alias' }, onclick: () => {
    if (aliasField.hidden) {
      aliasField.hidden = false;
      sync();
      aliasInput.focus();
      return;
    }
    void act('alias', { procedure: procedureInput.value.trim(), text: aliasInput.value }, `Đã thêm “${aliasInput.value}” làm tên gọi của ${procedureInput.value}.`);
  } }, 'Thêm làm tên gọi thủ tục'),
  h('button', { type: 'button', dataset: { action: 'dismiss' }, onclick: () => act('dismiss', {}, `Đã bỏ qua “${group.text}”.`) }, 'Bỏ qua'));

  const guesses = [
    ...group.guesses.intents.map((g) => h('button', { type: 'button', class: 'chip', title: 'Dùng ý định này',
      onclick: () => { intentSelect.value = g.intent; sync(); } }, `${intentLabel(g.intent, shared.faqs)} · ${g.confidence.toFixed(2)}`)),
    ...group.guesses.procedures.map((p) => h('button', { type: 'button', class: 'chip', title: 'Dùng thủ tục này',
      onclick: () => { procedureInput.value = p.id; } }, `${p.name} · ${p.score.toFixed(2)}`)),
  ];
  const understood = group.intent === 'none' ? 'không hiểu' : `hiểu là ${intentLabel(group.intent, shared.faqs)}`;
  const meta = group.feedback
    ? `${when(group.at)} · ${group.count} lần · trợ lý ${understood}`
    : `${when(group.at)} · ${group.count} lần · ${group.conversations} cuộc trò chuyện · trợ lý ${understood} (độ tin cậy ${group.confidence.toFixed(2)})`;
  replace(li,
    h('div', { class: 'question' }, group.text),
    group.feedback ? votedDown(group.feedback) : null,
    h('div', { class: 'meta' }, meta),
    h('div', { class: 'guesses' }, h('span', { class: 'meta' }, 'Trợ lý đoán:'), guesses),
    actionable ? form : h('div', { class: 'meta' }, resolution(group)));
  return li;
}

const REASONS = { 'wrong-info': 'Sai thông tin', 'not-my-question': 'Không đúng câu tôi hỏi', 'hard-to-understand': 'Khó hiểu', other: 'Khác' };

/** A citizen voted the answer down: why, and the answer they got. */
function votedDown(feedback) {
  const procedure = shared.procedures.find((p) => p.id === feedback.procedure)?.name ?? feedback.procedure;
  return h('div', { class: 'voted-down' },
    h('strong', {}, 'Người dân đánh giá câu trả lời “chưa hữu ích”'),
    feedback.reason ? ` — lý do: ${REASONS[feedback.reason] ?? feedback.reason}` : '',
    h('details', {}, h('summary', {}, `Câu trả lời về ${procedure}`), h('p', { class: 'answer' }, feedback.answer)));
}

function resolution(group) {
  if (group.status === 'labelled') return `Đã gán nhãn: ${intentLabel(group.resolution?.intent ?? '', shared.faqs)} ${group.resolution?.procedure ?? ''}`;
  if (group.status === 'aliased') return `Đã thêm làm tên gọi của ${group.resolution?.procedure ?? ''}`;
  if (group.status === 'dismissed') return 'Đã bỏ qua';
  return '';
}

function focusRow(li) {
  for (const other of document.querySelectorAll('#inbox-list > li.current')) other.classList.remove('current');
  if (!li) return;
  li.classList.add('current');
  li.focus();
}

/** j/k move between questions, Enter labels, a aliases, x dismisses (not while typing). */
export function inboxKeys(event) {
  const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const list = $('#inbox-list');
  const current = list.querySelector('li.current') ?? (list.contains(document.activeElement) ? document.activeElement.closest('li') : null);
  const click = (action) => current?.querySelector(`[data-action="${action}"]`)?.click();
  switch (event.key) {
    case 'j': focusRow(current?.nextElementSibling ?? list.firstElementChild); break;
    case 'k': focusRow(current?.previousElementSibling ?? list.lastElementChild); break;
    case 'Enter': if (current && document.activeElement === current) click('label'); else return; break;
    case 'a': click('alias'); break;
    case 'x': click('dismiss'); break;
    default: return;
  }
  event.preventDefault();
}

$('#inbox-status').addEventListener('change', () => { void showInbox(); });
$('#inbox-refresh').addEventListener('click', () => { void showInbox(); });
