// The council dashboard: a sortable table of deputies, the factions'
// discipline, a deputy's page (months and votes) and a vote's roll call.
'use strict';
const council = { data: null, sort: { key: 'name', dir: 1 }, faction: '' };
const optionClass = ['opt-for', 'opt-against', 'opt-abstain', 'opt-not-voting', 'opt-absent'];

async function openCouncil() {
  const root = document.getElementById('council');
  if (council.data) { renderTable(); return; }
  root.replaceChildren(el('p', { class: 'muted' }, T('loading')));
  try { council.data = await api('council/deputies'); } catch (e) { root.replaceChildren(el('p', {}, T('error'))); return; }
  renderTable();
}

const columns = [
  { key: 'name', label: 'col_name', value: (d) => d.name, text: (d) => d.name },
  { key: 'faction', label: 'col_faction', value: (d) => d.faction, text: (d) => d.faction },
  { key: 'attendance', label: 'col_attendance', value: (d) => d.attendance.value, text: (d) => d.attendance.text },
  { key: 'participation', label: 'col_participation', value: (d) => d.participation.value, text: (d) => d.participation.text },
  { key: 'discipline', label: 'col_discipline', value: (d) => d.discipline.value, text: (d) => d.discipline.text },
  { key: 'deviations', label: 'col_deviations', value: (d) => d.deviations, text: (d) => String(d.deviations) },
];

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // no figure: always last
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string') return a.localeCompare(b, document.documentElement.lang);
  return a < b ? -1 : 1;
}

function renderTable() {
  const root = document.getElementById('council');
  const data = council.data;
  if (!data.deputies.length) { root.replaceChildren(el('p', {}, T('no_council'))); return; }
  const col = columns.find((c) => c.key === council.sort.key);
  const rows = data.deputies.filter((d) => !council.faction || d.faction === council.faction);
  rows.sort((a, b) => {
    const va = col.value(a), vb = col.value(b);
    if (va === null || va === undefined || vb === null || vb === undefined) return compare(va, vb);
    return council.sort.dir * compare(va, vb) || compare(a.name, b.name);
  });
  const head = el('tr', {}, columns.map((c) => el('th', {
    'data-sort': c.key,
    class: c.key === council.sort.key ? (council.sort.dir > 0 ? 'sorted asc' : 'sorted desc') : '',
    onclick: () => {
      council.sort = { key: c.key, dir: council.sort.key === c.key ? -council.sort.dir : (c.key === 'name' || c.key === 'faction' ? 1 : -1) };
      renderTable();
    },
  }, T(c.label))));
  const body = rows.map((d) => el('tr', { 'data-id': d.id, onclick: () => openDeputy(d.id) },
    columns.map((c) => el('td', { class: c.key }, c.text(d)))));
  const factions = [...new Set(data.deputies.map((d) => d.faction).filter(Boolean))].sort();
  const filter = el('select', { id: 'faction-filter', onchange: (e) => { council.faction = e.target.value; renderTable(); } },
    el('option', { value: '' }, T('filter_faction')), factions.map((f) => el('option', { value: f, selected: f === council.faction }, f)));
  root.replaceChildren(factionChart(data.factions), filter,
    el('div', { class: 'table-wrap' }, el('table', { id: 'deputies' }, el('thead', {}, head), el('tbody', {}, body))));
  window.nazar.council = true;
}

function factionChart(factions) {
  const bars = factions.filter((f) => f.discipline.value !== null)
    .sort((a, b) => b.discipline.value - a.discipline.value)
    .map((f) => el('div', { class: 'bar-row' },
      el('span', { class: 'bar-label' }, f.name),
      el('span', { class: 'bar' }, el('span', { class: 'bar-fill', style: 'width:' + (100 * f.discipline.value).toFixed(1) + '%' })),
      el('span', { class: 'bar-value' }, f.discipline.text)));
  return el('div', { class: 'chart', id: 'faction-chart' }, el('h3', {}, T('faction_chart')), bars);
}

async function openDeputy(id) {
  const root = document.getElementById('council');
  let d;
  try { d = await api('council/deputies/' + id); } catch (e) { status(e.message); return; }
  const figures = [['col_attendance', d.attendance.text], ['col_participation', d.participation.text],
    ['col_discipline', d.discipline.text], ['col_deviations', String(d.deviations)]];
  const votes = d.votes.map((v) => el('li', { class: 'vote', onclick: () => openRollCall(v.event, id) },
    el('span', { class: 'chip ' + optionClass[v.option] }, d.options[v.option]), ' ',
    el('span', { class: 'muted' }, v.date), ' ', v.title,
    v.deviated ? el('span', { class: 'dev' }, ' ⚠ ' + T('deviated')) : null));
  root.replaceChildren(
    el('button', { class: 'back', onclick: renderTable }, T('back')),
    el('h2', {}, d.name), el('p', { class: 'muted' }, d.faction),
    el('dl', { class: 'figures' }, figures.map(([k, v]) => [el('dt', {}, T(k)), el('dd', {}, v)])),
    el('h3', {}, T('months')), monthsChart(d.months),
    el('h3', {}, T('latest_votes') + ' (' + d.votes_total + ' ' + T('events') + ')'), el('ul', { class: 'votes' }, votes));
  window.scrollTo(0, 0);
}

// monthsChart draws attendance as bars and discipline (deputy vs faction) as lines, in SVG.
function monthsChart(months) {
  const w = Math.max(320, months.length * 28), h = 160, pad = 18;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h + 20}`);
  svg.setAttribute('class', 'months');
  const x = (i) => pad + (i + 0.5) * (w - 2 * pad) / Math.max(months.length, 1);
  const y = (v) => h - v * (h - pad);
  const add = (tag, attrs) => { const e = document.createElementNS(ns, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); svg.append(e); return e; };
  const bw = Math.max(6, (w - 2 * pad) / Math.max(months.length, 1) - 8);
  months.forEach((m, i) => {
    if (m.attendance.value !== null) add('rect', { x: x(i) - bw / 2, y: y(m.attendance.value), width: bw, height: h - y(m.attendance.value), class: 'att' });
    const label = add('text', { x: x(i), y: h + 14, 'text-anchor': 'middle', class: 'axis' });
    label.textContent = m.month.slice(5);
  });
  const line = (key, cls) => {
    const pts = months.map((m, i) => m[key].value === null ? null : `${x(i)},${y(m[key].value)}`).filter(Boolean);
    if (pts.length) add('polyline', { points: pts.join(' '), class: cls });
  };
  line('discipline', 'disc-deputy');
  line('faction_discipline', 'disc-faction');
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key att' }), ' ' + T('col_attendance') + '  ',
    el('span', { class: 'key disc-deputy' }), ' ' + T('legend_deputy') + '  ', el('span', { class: 'key disc-faction' }), ' ' + T('legend_faction'));
  return el('div', { class: 'chart-wrap' }, svg, legend);
}

async function openRollCall(event, backTo) {
  const root = document.getElementById('council');
  let rc;
  try { rc = await api('council/events/' + event); } catch (e) { status(e.message); return; }
  const counts = rc.counts.map((n, i) => el('span', { class: 'chip ' + optionClass[i] }, rc.options[i] + ': ' + n));
  const groups = rc.groups.map((g) => el('div', { class: 'group' }, el('h4', {}, g.faction),
    el('div', { class: 'grid' }, g.entries.map((e) => el('span', {
      class: 'cell ' + optionClass[e.option] + (e.deviated ? ' deviated' : ''), title: rc.options[e.option],
    }, e.name)))));
  root.replaceChildren(
    el('button', { class: 'back', onclick: () => openDeputy(backTo) }, T('back')),
    el('h2', {}, T('roll_call')), el('p', {}, rc.title), el('p', { class: 'muted' }, rc.date + ' · ' + rc.result),
    el('div', { class: 'counts' }, counts), groups);
}
