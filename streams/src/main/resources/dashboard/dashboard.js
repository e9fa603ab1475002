// The retorno dashboard: cities as small charts and tables, a map-like view, a live alert feed and
// a drill-down from any number to its events and sources. Every figure comes from the API, which
// applies small-cell suppression unless an analyst token is given; text from data is only ever set
// with textContent.
(function () {
  'use strict';

  const SERIES = [
    { category: 'MPP_RETURN', label: 'MPP returns', color: '#2b6cb0' },
    { category: 'AVR_ENROLLMENT', label: 'AVR enrolled', color: '#2f855a' },
    { category: 'AVR_DEPARTURE', label: 'AVR departed', color: '#68d391' },
  ];
  const LABELS = {
    MPP_RETURN: 'MPP returns', AVR_ENROLLMENT: 'AVR enrollments', AVR_DEPARTURE: 'AVR departures',
    IN_ABSENTIA_ORDER: 'In-absentia orders', REFOULEMENT: 'Refoulement', KIDNAPPING: 'Kidnapping',
    EXTORTION: 'Extortion', SEXUAL_VIOLENCE: 'Sexual violence', ASSAULT: 'Assault', HOMICIDE: 'Homicide',
    DISAPPEARANCE: 'Disappearance', ROBBERY: 'Robbery', THREAT: 'Threats', POLICE_ABUSE: 'Police abuse',
  };
  const state = { cities: [], counts: new Map(), charts: new Map() };

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    });
    children.forEach((child) => node.append(child));
    return node;
  };
  const svg = (tag, attrs) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  };

  function token() { return sessionStorage.getItem('retorno.token') || ''; }
  function granularity() { return $('granularity').value; }

  async function api(path) {
    const headers = token() ? { Authorization: 'Bearer ' + token() } : {};
    const response = await fetch(path, { headers });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return response.json();
  }

  // --- map-like view ------------------------------------------------------------------------
  const BOUNDS = { west: -118.4, east: -95.2, south: 25.0, north: 33.4 };
  // Where a label sits beside its dot, so that neighbours (Tijuana and Mexicali, Reynosa and
  // Matamoros) do not overlap: [side, vertical offset].
  const LABEL_AT = { 3981609: ['start', 22], 3996069: ['start', -6], 3520339: ['end', -4], 3523466: ['end', 18] };
  function project(lon, lat) {
    const x = (lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west) * 640;
    const y = (BOUNDS.north - lat) / (BOUNDS.north - BOUNDS.south) * 300;
    return [x, y];
  }

  function drawMap() {
    const map = $('map');
    map.replaceChildren();
    const line = (window.RETORNO_BORDER || []).map(([lon, lat]) => project(lon, lat).join(',')).join(' ');
    map.append(svg('polyline', { class: 'border', points: line }));
    const us = svg('text', { class: 'country', x: 330, y: 40 }); us.textContent = 'UNITED STATES';
    const mx = svg('text', { class: 'country', x: 150, y: 250 }); mx.textContent = 'MEXICO';
    map.append(us, mx);
    for (const city of state.cities) {
      const [x, y] = project(city.longitude, city.latitude);
      const total = returnsOf(city.geonamesId);
      const radius = total > 0 ? Math.min(22, 5 + Math.sqrt(total) * 1.2) : 5;
      const group = svg('g', { class: 'city' + (total > 0 ? '' : ' quiet'), 'data-city': city.geonamesId, tabindex: 0 });
      const dot = svg('circle', { cx: x, cy: y, r: radius });
      const title = svg('title'); title.textContent = city.name + (total > 0 ? ': ' + total + ' MPP returns shown' : '');
      dot.append(title);
      const [anchor, dy] = LABEL_AT[city.geonamesId] || ['start', 4];
      const label = svg('text', { x: anchor === 'end' ? x - radius - 3 : x + radius + 3, y: y + dy, 'text-anchor': anchor });
      label.textContent = city.name;
      group.append(dot, label);
      group.addEventListener('click', () => document.getElementById('city-' + city.geonamesId).scrollIntoView({ behavior: 'smooth' }));
      map.append(group);
    }
  }

  function returnsOf(cityId) {
    const periods = state.counts.get(cityId) || [];
    let sum = 0;
    periods.forEach((p) => p.counts.forEach((c) => { if (c.category === 'MPP_RETURN' && c.value != null) sum += c.value; }));
    return sum;
  }

  // --- city cards -----------------------------------------------------------------------------
  function buildCards() {
    const container = $('cities');
    container.replaceChildren();
    for (const city of state.cities) {
      const card = el('article', { class: 'panel city-card', id: 'city-' + city.geonamesId, 'data-city-name': city.name },
        el('h3', { text: city.name }),
        el('div', { class: 'where', text: city.admin1Code + ' · INEGI ' + city.admin2Code + ' · across from ' + city.usTwin }),
        el('div', { class: 'chart' }),
        el('div', { class: 'table' }));
      container.append(card);
    }
  }

  async function loadCity(city) {
    const periods = (await api('/api/cities/' + city.geonamesId + '/counts?granularity=' + granularity())).periods;
    state.counts.set(city.geonamesId, periods);
    renderCity(city, periods);
  }

  function renderCity(city, periods) {
    const card = $('city-' + city.geonamesId);
    const chart = card.querySelector('.chart');
    const table = card.querySelector('.table');
    const old = state.charts.get(city.geonamesId);
    if (old) { old.destroy(); state.charts.delete(city.geonamesId); }
    chart.replaceChildren();
    table.replaceChildren();
    if (periods.length === 0) {
      chart.append(el('div', { class: 'empty', text: 'No counted reports yet.' }));
      return;
    }
    card.classList.add('has-data');
    const xs = periods.map((p) => Date.parse(p.periodStart + 'T00:00:00Z') / 1000);
    const data = [xs];
    const series = [{}];
    for (const s of SERIES) {
      data.push(periods.map((p) => { const c = p.counts.find((x) => x.category === s.category); return c ? c.value : 0; }));
      series.push({ label: s.label, stroke: s.color, width: 2, points: { show: true, size: 6, fill: s.color } });
    }
    const width = Math.max(260, chart.clientWidth || 300);
    const step = (granularity() === 'week' ? 7 : 1) * 86400;
    const plot = new uPlot({ width, height: 130, series, legend: { show: false }, cursor: { show: false },
      // One period before the first and after the last, so a single point is not a whole axis.
      scales: { x: { time: true, range: [xs[0] - step, xs[xs.length - 1] + step] }, y: { range: (u, min, max) => [0, Math.max(5, max * 1.15)] } },
      axes: [{ size: 30 }, { size: 40 }] }, data, chart);
    state.charts.set(city.geonamesId, plot);
    const legend = el('div', { class: 'legend' });
    SERIES.forEach((s) => { const i = el('i'); i.style.background = s.color; legend.append(el('span', {}, i, s.label)); });
    chart.append(legend);
    renderTable(city, periods, table);
  }

  function renderTable(city, periods, container) {
    const recent = periods.slice(-4);
    const categories = [...new Set(recent.flatMap((p) => p.counts.map((c) => c.category)))];
    const head = el('tr', {}, el('th', { text: granularity() === 'week' ? 'week of' : 'day' }));
    recent.forEach((p) => head.append(el('th', { text: p.periodStart.slice(5) })));
    const body = el('tbody');
    for (const category of categories) {
      const row = el('tr', {}, el('td', { text: LABELS[category] || category }));
      for (const p of recent) {
        const cell = p.counts.find((c) => c.category === category);
        const td = el('td');
        if (cell) {
          const button = el('button', { type: 'button', class: 'count' + (cell.suppressed ? ' hidden-cell' : ''),
            'data-category': category, text: cell.display });
          if (!cell.suppressed) {
            button.title = 'Show the events and sources behind this number';
            button.addEventListener('click', () => drill(city, category, p));
          } else {
            button.title = cell.suppression === 'PRIMARY' ? 'Small number, suppressed to protect the people it counts'
              : 'Suppressed so that a total cannot reveal a small number';
          }
          td.append(button);
        } else {
          td.textContent = '–';
        }
        row.append(td);
      }
      body.append(row);
    }
    container.append(el('table', {}, el('thead', {}, head), body));
  }

  // --- drill-down --------------------------------------------------------------------------------
  async function drill(city, category, period) {
    const panel = $('drilldown');
    $('drilldown-title').textContent = (LABELS[category] || category) + ' in ' + city.name + ', '
      + period.periodStart + (period.periodEnd !== period.periodStart ? ' to ' + period.periodEnd : '');
    const body = $('drilldown-body');
    body.replaceChildren(el('p', { class: 'note', text: 'Loading events…' }));
    panel.hidden = false;
    panel.scrollIntoView({ behavior: 'smooth' });
    try {
      const events = await api('/api/events?city=' + city.geonamesId + '&category=' + category
        + '&from=' + period.periodStart + '&to=' + period.periodEnd);
      body.replaceChildren();
      if (events.length === 0) body.append(el('p', { class: 'note', text: 'No events to show for this number.' }));
      for (const event of events) body.append(await renderEvent(event));
    } catch (e) {
      body.replaceChildren(el('p', { class: 'note', text: 'Could not load events: ' + e.message }));
    }
  }

  async function renderEvent(event) {
    const box = el('div', { class: 'event' });
    const what = event.figure != null ? event.figure + ' (' + event.figureRule + ')' : 'figure shown in the count only';
    box.append(el('div', { text: event.eventDate + ' · ' + event.placeName + ' · ' + what }));
    if (event.conflict) box.append(el('div', { class: 'conflict', text: 'Sources disagree on the figure' + (event.low != null ? ': ' + event.low + '–' + event.high : '') }));
    const sources = (event.sources || []).map((s) => s.name + ' (' + s.kind.toLowerCase().replace('_', ' ') + ')');
    box.append(el('div', { class: 'sources', text: (event.corroboration || 0) + ' independent source(s): ' + (sources.join('; ') || 'not loaded yet') }));
    for (const s of event.sources || []) {
      if (s.url && /^https?:\/\//.test(s.url)) box.append(el('div', { class: 'sources' }, el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.url })));
    }
    if (token()) {
      try {
        const detail = await api('/api/events/' + encodeURIComponent(event.id));
        for (const claim of detail.claims) {
          box.append(el('div', { class: 'evidence', text: '“' + claim.evidence + '” — ' + claim.sourceName + ', ' + claim.countText }));
        }
      } catch (e) { box.append(el('div', { class: 'note', text: 'Claims not available: ' + e.message })); }
    }
    return box;
  }

  // --- alerts ----------------------------------------------------------------------------------
  function alertItem(alert, fresh) {
    const kind = alert.kind === 'NEW_LOCATION' ? 'New location activated' : 'Spike';
    const li = el('li', { class: alert.severity + (fresh ? ' fresh' : ''), 'data-alert-id': alert.id },
      el('div', { class: 'alert-title', text: kind + ': ' + (LABELS[alert.category] || alert.category) + ' in ' + alert.city }),
      el('div', { class: 'alert-meta', text: alert.severity + ' · ' + alert.granularity.toLowerCase() + ' of ' + alert.periodStart
        + ' · ' + alert.method + (alert.provisional ? ' · provisional' : '') }));
    return li;
  }

  function showAlert(alert, fresh) {
    const feed = $('alert-feed');
    const existing = feed.querySelector('[data-alert-id="' + CSS.escape(alert.id) + '"]');
    const item = alertItem(alert, fresh);
    if (existing) existing.replaceWith(item); else feed.prepend(item);
    $('no-alerts').hidden = true;
  }

  function connectLive() {
    const source = new EventSource('/api/alerts/stream');
    source.onopen = () => { $('live').textContent = 'live'; $('live').className = 'live on'; };
    source.onerror = () => { $('live').textContent = 'reconnecting…'; $('live').className = 'live'; };
    source.addEventListener('alert', (e) => showAlert(JSON.parse(e.data), true));
    const pending = new Set();
    source.addEventListener('counts', (e) => {
      const change = JSON.parse(e.data);
      if (pending.has(change.cityId)) return;
      pending.add(change.cityId);
      setTimeout(() => {
        pending.delete(change.cityId);
        const city = state.cities.find((c) => c.geonamesId === change.cityId);
        if (city) loadCity(city).then(drawMap).catch(() => {});
      }, 500);
    });
  }

  // --- start -----------------------------------------------------------------------------------
  async function loadAll() {
    const tier = $('tier');
    if (token()) { tier.textContent = 'analyst view: exact figures'; tier.className = 'tier analyst'; }
    $('export').href = '/api/export.csv?granularity=' + granularity();
    await Promise.all(state.cities.map((city) => loadCity(city).catch((e) => {
      $('city-' + city.geonamesId).querySelector('.chart').replaceChildren(el('div', { class: 'empty', text: 'Not available: ' + e.message }));
    })));
    drawMap();
    document.body.dataset.loaded = 'true';
  }

  async function start() {
    $('token').value = token();
    $('token').addEventListener('change', () => { sessionStorage.setItem('retorno.token', $('token').value.trim()); location.reload(); });
    $('granularity').addEventListener('change', loadAll);
    $('close-drilldown').addEventListener('click', () => { $('drilldown').hidden = true; });
    state.cities = await api('/api/cities');
    buildCards();
    drawMap();
    connectLive();
    (await api('/api/alerts')).reverse().forEach((alert) => showAlert(alert, false));
    await loadAll();
  }

  start().catch((e) => { document.body.prepend(el('p', { class: 'panel', text: 'The dashboard could not start: ' + e.message })); });
})();
