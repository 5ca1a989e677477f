// The business map: Leaflet draws what /app/api/businesses returns for the
// viewport (clusters for wide views, businesses for close ones).
'use strict';
const state = { t: {}, sections: [], map: null, layer: null, seq: 0, counts: { clusters: 0, pins: 0, total: 0 } };
// Kept for the end-to-end test and the first-render benchmark.
window.nazar = { ready: false, firstRenderMs: null, loads: 0, counts: state.counts, council: false };

const T = (key) => state.t[key] || key;

function status(text) { document.getElementById('status').textContent = text || ''; }

async function start() {
  tg.postEvent('web_app_ready');
  tg.postEvent('web_app_expand');
  let session;
  try { session = await api('session'); } catch (e) { status(e.message); return; }
  state.t = session.strings;
  state.sections = session.sections;
  document.documentElement.lang = session.lang;
  document.title = T('title');
  document.getElementById('tab-map').textContent = T('tab_map');
  document.getElementById('tab-council').textContent = T('tab_council');
  document.getElementById('open-now-label').textContent = T('open_now');
  const q = document.getElementById('q');
  q.placeholder = T('search');
  const sel = document.getElementById('section');
  sel.append(el('option', { value: '' }, T('all_sections')));
  for (const s of session.sections) sel.append(el('option', { value: s.code }, s.code + ' · ' + s.name));
  sel.addEventListener('change', load);
  document.getElementById('open-now').addEventListener('change', load);
  let typing;
  q.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(load, 300); });
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => show(b.dataset.view));
  initMap(session.tile_url, session.bounds);
  // The council section's button opens ?view=council (Telegram keeps the fragment for its own parameters).
  if (new URLSearchParams(location.search).get('view') === 'council') show('council');
}

function show(view) {
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.view === view);
  document.getElementById('view-map').hidden = view !== 'map';
  document.getElementById('view-council').hidden = view !== 'council';
  if (view === 'council') openCouncil();
  else state.map.invalidateSize();
}

function initMap(tileURL, bounds) {
  // The SVG renderer gives every business a DOM node (a class to style and count).
  state.map = L.map('map', { zoomControl: true, preferCanvas: false });
  // The directory's own extent: the city is data, not code.
  if (bounds) state.map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  else state.map.setView([48.5, 31.2], 5);
  L.tileLayer(tileURL, { maxZoom: 19, attribution: '© OpenStreetMap' }).addTo(state.map);
  state.layer = L.layerGroup().addTo(state.map);
  state.map.on('moveend', load);
  load();
}

function query() {
  const b = state.map.getBounds();
  const p = new URLSearchParams({ bbox: b.toBBoxString(), zoom: String(state.map.getZoom()) });
  const sec = document.getElementById('section').value;
  if (sec) p.set('section', sec);
  const q = document.getElementById('q').value.trim();
  if (q) p.set('q', q);
  if (document.getElementById('open-now').checked) p.set('open_now', '1');
  return p.toString();
}

async function load() {
  const seq = ++state.seq;
  let view;
  try { view = await api('businesses?' + query()); } catch (e) { status(e.message); return; }
  if (seq !== state.seq) return; // a newer viewport has been asked for
  status('');
  draw(view);
}

function draw(view) {
  state.layer.clearLayers();
  for (const c of view.clusters) {
    const size = c.count < 100 ? 34 : c.count < 1000 ? 42 : 50;
    const icon = L.divIcon({ className: 'cluster', html: '<span>' + c.count + '</span>', iconSize: [size, size] });
    L.marker([c.lat, c.lon], { icon })
      .on('click', () => state.map.setView([c.lat, c.lon], Math.min(state.map.getZoom() + 2, 19)))
      .addTo(state.layer);
  }
  for (const b of view.businesses) {
    const cls = 'biz-pin' + (b.open === true ? ' is-open' : b.open === false ? ' is-closed' : '');
    L.circleMarker([b.lat, b.lon], { radius: 7, className: cls, weight: 2 })
      .bindTooltip(b.name)
      .on('click', () => openCard(b.id))
      .addTo(state.layer);
  }
  Object.assign(state.counts, { clusters: view.clusters.length, pins: view.businesses.length, total: view.total });
  document.getElementById('found').textContent = T('found') + ' ' + view.total;
  window.nazar.loads++;
  if (!window.nazar.ready) {
    window.nazar.ready = true;
    window.nazar.firstRenderMs = performance.now();
  }
}

async function openCard(id) {
  const card = document.getElementById('card');
  let b;
  try { b = await api('businesses/' + id); } catch (e) { status(e.message); return; }
  const openText = b.open === true ? T('open') : b.open === false ? T('closed') : T('hours_unknown');
  const links = [];
  if (b.call_url) links.push(el('a', { class: 'button', href: b.call_url }, T('call')));
  if (b.website) links.push(el('a', { class: 'button', href: '#', onclick: (e) => { e.preventDefault(); tg.openLink(b.website); } }, T('website')));
  if (b.route_url) links.push(el('a', { class: 'button', href: '#', onclick: (e) => { e.preventDefault(); tg.openLink(b.route_url); } }, T('route')));
  card.replaceChildren(
    el('button', { class: 'close', onclick: () => { card.hidden = true; }, 'aria-label': T('close') }, '×'),
    el('h2', {}, b.name),
    el('p', { class: 'muted' }, b.kind + ' · ' + b.section + ' · ' + b.sector + ' · ' + b.kved),
    b.address ? el('p', {}, b.address) : null,
    b.hours ? el('p', {}, b.hours + ' — ', el('b', { class: b.open ? 'ok' : 'bad' }, openText)) : el('p', { class: 'muted' }, openText),
    b.phone ? el('p', {}, b.phone) : null,
    el('div', { class: 'links' }, links));
  card.hidden = false;
}

start();
