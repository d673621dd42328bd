import { get, post } from './api.js';
import { $, delta, h, notify, num, pct, replace, when } from './dom.js';
import { heatmap } from './heatmap.js';
import { intentLabel } from './labels.js';
import { refreshServing, shared } from './state.js';

// Retraining with progress, the evaluation report against the previous model, and the
// saved models with promotion and rollback.

const PHASES = {
  queued: 'Đang chờ…',
  training: 'Đang huấn luyện mô hình mới…',
  evaluating: 'Đang đánh giá chéo mô hình mới…',
  'evaluating-previous': 'Đang đánh giá mô hình hiện tại để so sánh…',
  saving: 'Đang lưu và áp dụng…',
};

let reportModel = null;

export async function showTraining() {
  await Promise.all([showReport(reportModel), showModels()]);
}

async function retrain(body = {}) {
  const button = $('#retrain');
  button.disabled = true;
  replace($('#train-result'));
  $('#train-progress').hidden = false;
  $('#train-bar').value = 0;
  $('#train-phase').textContent = PHASES.queued;
  const poll = setInterval(async () => {
    try {
      const status = await get('/api/admin/train/status');
      if (status.job) {
        $('#train-bar').value = status.job.progress;
        $('#train-phase').textContent = PHASES[status.job.phase] ?? status.job.phase;
      }
    } catch { /* the final answer reports errors */ }
  }, 400);
  try {
    const outcome = await post('/api/admin/train', body);
    reportModel = null;
    replace($('#train-result'), h('div', { class: 'card' }, outcome.upToDate
      ? 'Dữ liệu chưa thay đổi từ lần huấn luyện trước: mô hình đang chạy đã là mới nhất.'
      : `Đã huấn luyện và áp dụng mô hình ${outcome.model.id} (huấn luyện ${(outcome.model.trainMs / 1000).toFixed(1)} giây). Trợ lý đang dùng mô hình mới.`));
    notify('Huấn luyện xong.');
  } catch (err) {
    if (err.code === 'MODEL_WORSE') {
      reportModel = err.details.model.id;
      replace($('#train-result'), worseWarning(err.details));
      notify('Mô hình mới chưa được áp dụng: cần xác nhận.', 'bad');
    } else {
      replace($('#train-result'), h('div', { class: 'card warning', role: 'alert' }, err.message));
      notify(err.message, 'bad');
    }
  } finally {
    clearInterval(poll);
    $('#train-progress').hidden = true;
    button.disabled = false;
  }
  await Promise.all([refreshServing(), showTraining()]);
}

function worseWarning({ model, comparison }) {
  return h('div', { class: 'card warning', role: 'alert' },
    h('strong', {}, 'Cảnh báo: mô hình mới kém hơn rõ rệt, nên chưa được áp dụng.'),
    h('p', {}, `Độ chính xác ý định: ${pct(comparison.intentAccuracy.now)} so với ${pct(comparison.intentAccuracy.before)} (`, delta(comparison.intentAccuracy.delta), '). ',
      `Quy tắc: không tự áp dụng khi độ chính xác ý định hoặc thủ tục giảm quá 2 điểm phần trăm. Mô hình cũ vẫn đang phục vụ.`),
    h('p', {}, 'Hãy xem lại các câu vừa gán nhãn, hoặc xác nhận nếu thay đổi là có chủ đích.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', onclick: () => promote(model.id, true) }, 'Vẫn áp dụng mô hình mới'),
      h('button', { type: 'button', onclick: () => { replace($('#train-result')); } }, 'Giữ mô hình cũ')));
}

async function promote(id, confirm = false) {
  try {
    await post(`/api/admin/models/${encodeURIComponent(id)}/promote`, { confirm });
    reportModel = null;
    replace($('#train-result'), h('div', { class: 'card' }, `Đã áp dụng mô hình ${id}.`));
    notify(`Đã áp dụng mô hình ${id}.`);
  } catch (err) {
    if (err.code === 'MODEL_WORSE' && window.confirm(`${err.message}\n\nVẫn áp dụng?`)) return promote(id, true);
    notify(err.message, 'bad');
  }
  await Promise.all([refreshServing(), showTraining()]);
}

async function rollback() {
  try {
    const { model } = await post('/api/admin/models/rollback');
    reportModel = null;
    notify(`Đã quay lại mô hình ${model.id}.`);
  } catch (err) {
    notify(err.message, 'bad');
  }
  await Promise.all([refreshServing(), showTraining()]);
}

async function showReport(modelId) {
  const box = $('#report');
  replace(box, h('p', { class: 'muted' }, 'Đang tải báo cáo đánh giá (lần đầu có thể mất vài giây)…'));
  let report;
  try {
    report = await get(`/api/admin/report${modelId ? `?model=${encodeURIComponent(modelId)}` : ''}`);
  } catch (err) {
    replace(box, h('p', { class: 'error' }, err.message));
    return;
  }
  const { model, evaluation: ev, baseline, comparison } = report;
  const before = baseline?.evaluation;
  const rows = ev.labels.map((label) => {
    const s = ev.perIntent[label];
    const b = before?.perIntent[label];
    return h('tr', {},
      h('td', {}, intentLabel(label, shared.faqs)),
      h('td', { class: 'num' }, num(s.precision)), h('td', { class: 'num' }, num(s.recall)), h('td', { class: 'num' }, num(s.f1)),
      h('td', { class: 'num' }, b ? num(b.f1) : '—'), h('td', { class: 'num' }, b ? delta(s.f1 - b.f1) : '—'),
      h('td', { class: 'num' }, String(s.support)));
  });
  replace(box,
    h('h3', {}, `Báo cáo đánh giá · mô hình ${model.id}${model.status === 'candidate' ? ' (chưa áp dụng)' : model.status === 'active' ? ' (đang chạy)' : ''}`),
    h('p', { class: 'hint' }, `Đánh giá chéo ${ev.folds} phần trên ${ev.utterances} câu mẫu của chính mô hình (${(ev.ms / 1000).toFixed(1)} giây)` +
      (baseline ? `, so với mô hình ${baseline.model.id}.` : '; chưa có mô hình trước để so sánh.')),
    comparison?.worse ? h('div', { class: 'card warning', role: 'alert' }, `Kém hơn rõ rệt: ${comparison.reasons.join('; ')}.`) : null,
    h('div', { class: 'summary' },
      h('div', { class: 'card' }, h('div', { class: 'muted' }, 'Độ chính xác ý định'), h('div', { class: 'big', id: 'intent-accuracy' }, pct(ev.intentAccuracy)),
        before ? h('div', {}, 'trước: ', pct(before.intentAccuracy), ' · ', delta(comparison.intentAccuracy.delta)) : null),
      h('div', { class: 'card' }, h('div', { class: 'muted' }, 'Độ chính xác thủ tục'), h('div', { class: 'big' }, pct(ev.procedureAccuracy)),
        before ? h('div', {}, 'trước: ', pct(before.procedureAccuracy), ' · ', delta(comparison.procedureAccuracy.delta)) : null),
      h('div', { class: 'card', id: 'traffic' }, h('div', { class: 'muted' }, 'Trên hội thoại thực tế'), h('div', { class: 'hint' }, 'Đang tải…'))),
    h('table', { class: 'grid', id: 'per-intent' },
      h('caption', { class: 'muted' }, 'Theo từng ý định: độ chuẩn xác (P), độ phủ (R), F1'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Ý định'), h('th', { class: 'num' }, 'P'), h('th', { class: 'num' }, 'R'), h('th', { class: 'num' }, 'F1'),
        h('th', { class: 'num' }, 'F1 trước'), h('th', { class: 'num' }, 'Thay đổi'), h('th', { class: 'num' }, 'Số câu'))),
      h('tbody', {}, rows)),
    h('h3', {}, 'Ma trận nhầm lẫn (hàng: ý định đúng, cột: trợ lý hiểu)'),
    h('div', { class: 'heatmaps' }, heatmap(ev, `Mô hình ${model.id}`), before ? heatmap(before, `Mô hình trước ${baseline.model.id}`) : null),
    ev.errors.length ? h('details', {}, h('summary', {}, `Một số câu trợ lý hiểu sai (${ev.errors.length})`),
      h('table', { class: 'grid' }, h('tbody', {}, ev.errors.slice(0, 100).map((e) => h('tr', {}, h('td', {}, e.text), h('td', {}, e.gold), h('td', {}, e.predicted)))))) : null);
  await showTraffic(model.id, baseline?.model.id);
}

/** What citizens met while each model served: the understood rate and the votes, beside the cross-validated figures. */
async function showTraffic(modelId, baselineId) {
  const box = $('#traffic');
  let traffic;
  try {
    traffic = await get(`/api/admin/analytics/traffic?models=${[modelId, baselineId].filter(Boolean).map(encodeURIComponent).join(',')}`);
  } catch (err) {
    replace(box, h('div', { class: 'muted' }, 'Trên hội thoại thực tế'), h('p', { class: 'error' }, err.message));
    return;
  }
  const line = (label, t) => (t?.messages || t?.feedback.up || t?.feedback.down
    ? h('div', { class: 'traffic-line' }, `${label}: hiểu được ${pct(t.understoodRate)} của ${t.messages} tin nhắn · hài lòng ${pct(t.satisfaction)} (${t.feedback.up} hữu ích, ${t.feedback.down} chưa hữu ích)`)
    : h('div', { class: 'traffic-line muted' }, `${label}: chưa có hội thoại nào.`));
  const now = traffic[modelId];
  const then = baselineId ? traffic[baselineId] : null;
  replace(box,
    h('div', { class: 'muted' }, 'Trên hội thoại thực tế'),
    h('div', { class: 'big', id: 'traffic-understood' }, pct(now?.understoodRate ?? null)),
    line('Mô hình này', now),
    baselineId ? line('Mô hình trước', then) : null,
    now && then?.understoodRate !== null && now.understoodRate !== null && then ? h('div', {}, 'thay đổi: ', delta(now.understoodRate - then.understoodRate)) : null);
}

async function showModels() {
  let data;
  try {
    data = await get('/api/admin/models');
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  $('#rollback').disabled = !data.rollbackTo;
  $('#rollback').title = data.rollbackTo ? `Quay lại ${data.rollbackTo}` : 'Chưa có mô hình trước';
  const STATUS = { active: 'đang chạy', retired: 'đã lưu', candidate: 'chờ xác nhận', failed: 'lỗi' };
  replace($('#models'),
    h('thead', {}, h('tr', {}, h('th', {}, 'Mô hình'), h('th', {}, 'Huấn luyện lúc'), h('th', {}, 'Trạng thái'), h('th', { class: 'num' }, 'Câu mẫu (cán bộ)'),
      h('th', { class: 'num' }, 'Độ chính xác ý định'), h('th', {}, ''))),
    h('tbody', {}, data.models.map((m) => h('tr', {},
      h('td', {}, m.id), h('td', {}, when(m.trainedAt)), h('td', {}, STATUS[m.status] ?? m.status, m.pinned ? ' (giữ cố định)' : ''),
      h('td', { class: 'num' }, `${m.utterances} (${m.staffUtterances})`),
      h('td', { class: 'num' }, m.evaluation ? pct(m.evaluation.intentAccuracy) : '—'),
      h('td', {},
        h('button', { type: 'button', onclick: () => { reportModel = m.id; void showReport(m.id); } }, 'Báo cáo'), ' ',
        m.status !== 'active' && m.status !== 'failed' ? h('button', { type: 'button', onclick: () => promote(m.id) }, 'Áp dụng') : null)))));
}

$('#retrain').addEventListener('click', () => { void retrain(); });
$('#rollback').addEventListener('click', () => { void rollback(); });
