// Herald's dashboard. Post content is untrusted: it only ever reaches the page as text
// (textContent, attribute values set through the DOM), never as markup.
'use strict';

const state = { token: sessionStorage.getItem('herald-token') || '', selected: null, needsToken: false };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function say(text) {
  document.getElementById('message').textContent = text;
}

function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (state.token) h['Authorization'] = 'Bearer ' + state.token;
  return h;
}

async function getJson(url) {
  const r = await fetch(url, { headers: headers({ 'Accept': 'application/json' }) });
  if (!r.ok) throw new Error(url + ' answered ' + r.status);
  return r.json();
}

// A write or check: its answer as JSON whatever came back (a problem, an empty body, a page from a
// proxy, no answer at all), so the page always says what happened.
async function send(url, options) {
  let r;
  try {
    r = await fetch(url, Object.assign({ method: 'POST' }, options));
  } catch (e) {
    return { ok: false, status: 0, j: { detail: 'Herald could not be reached (' + e.message + ').' } };
  }
  const text = await r.text();
  let j = null;
  try {
    j = text ? JSON.parse(text) : null;
  } catch (e) {
    j = null;
  }
  if (!j || typeof j !== 'object') j = { detail: 'HTTP ' + r.status + (text ? ': ' + text.slice(0, 200) : ' with no answer') };
  return { ok: r.ok, status: r.status, j: j };
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function slug(tag) {
  // As Herald's TagSlug: accents off Latin letters, every script composed (NFC), so a Korean tag's
  // link is the slug its feed has, not the decomposed jamo (which named no feed).
  const folded = tag.normalize('NFC').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  const s = folded.replace(/[^\p{L}\p{N}\p{M}]+/gu, '-').replace(/^-+|-+$/g, '');
  return s || 'tag';
}

function postPath(id) {
  return '/api/posts/' + encodeURIComponent(id);
}

// --- posts -------------------------------------------------------------------------------------

let postsShown = null;

async function loadPosts() {
  const list = await getJson('/api/posts?limit=50');
  const body = document.querySelector('#post-table tbody');
  // Rows are made again only when the list changed: a refresh every few seconds must not take the
  // keyboard focus away or pull a row from under a click.
  const shown = JSON.stringify(list.posts.map((p) => [p.id, p.version, p.title, p.published, p.updated, p.tags, (p.qa || []).length]));
  if (shown === postsShown) return;
  postsShown = shown;
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#post-table tr');
  const focusedId = focused ? focused.dataset.id : null;
  const rows = [];
  for (const p of list.posts) {
    const tr = el('tr', null, 'post');
    tr.tabIndex = 0;
    tr.dataset.id = p.id;
    const title = el('td');
    const button = el('button', p.title, 'secondary');
    button.type = 'button';
    button.addEventListener('click', () => showPost(p.id));
    title.appendChild(button);
    tr.appendChild(title);
    tr.appendChild(el('td', 'v' + p.version));
    tr.appendChild(el('td', when(p.published)));
    tr.appendChild(el('td', when(p.updated)));
    tr.appendChild(el('td', (p.tags || []).join(', ')));
    tr.appendChild(el('td', (p.qa || []).length));
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  if (focusedId !== null) {
    const again = rows.find((r) => r.dataset.id === focusedId);
    if (again) again.querySelector('button').focus();
  }
  document.getElementById('no-posts').hidden = rows.length > 0;
}

async function showPost(id) {
  state.selected = id;
  const post = await getJson(postPath(id));
  const section = document.getElementById('detail');
  section.hidden = false;
  document.getElementById('detail-title').textContent = post.title;
  const page = '/posts/' + encodeURIComponent(id);
  document.getElementById('detail-page').href = page;
  document.getElementById('detail-json').href = postPath(id);
  document.getElementById('detail-frame').src = page;
  const feeds = [['All posts', '/feeds/all.atom']];
  if ((post.qa || []).length) feeds.push(['Every question', '/feeds/qa.atom']);
  for (const t of post.tags || []) feeds.push(['Tag: ' + t, '/feeds/tags/' + encodeURIComponent(slug(t)) + '.atom']);
  document.getElementById('detail-feeds').replaceChildren(...feeds.map(([name, href]) => {
    const li = el('li');
    const a = el('a', name);
    a.href = href;
    li.appendChild(a);
    return li;
  }));
  const pairs = (post.qa || []).map(q => {
    const li = el('li');
    li.appendChild(el('p', q.question, 'q'));
    li.appendChild(el('p', q.answer));
    return li;
  });
  document.getElementById('pairs').replaceChildren(...pairs);
  document.getElementById('pair-count').textContent = pairs.length;
  await Promise.all([showNewsletter(id), showSocial(id)]);
  section.scrollIntoView();
}

async function showNewsletter(id) {
  // Fetched with the token (the preview is private), shown in the sandboxed frame (no scripts, no same origin).
  const frame = document.getElementById('newsletter-frame');
  try {
    const h = await fetch(postPath(id) + '/newsletter', { headers: headers({ 'Accept': 'text/html' }) });
    frame.srcdoc = h.ok ? await h.text() : '';
  } catch (e) {
    frame.srcdoc = '';
  }
  try {
    const s = await getJson(postPath(id) + '/newsletter');
    document.getElementById('newsletter-state').textContent = s.state;
    document.getElementById('newsletter-reason').textContent = s.reason || '';
  } catch (e) {
    document.getElementById('newsletter-state').textContent = 'unknown';
  }
}

async function showSocial(id) {
  const s = await getJson(postPath(id) + '/social');
  document.getElementById('social-state').textContent = s.sent ? 'sent' : (s.reason ? 'skipped' : 'pending');
  document.getElementById('snippets').replaceChildren(...s.snippets.map(n => {
    const li = el('li', null, 'snippet');
    li.appendChild(el('strong', n.platform + ' '));
    li.appendChild(el('span', n.length + ' / ' + n.limit, 'count' + (n.length > n.limit ? ' over' : '')));
    li.appendChild(el('span', ' · ' + n.state));
    li.appendChild(el('p', n.text, 'snippet-text'));
    return li;
  }));
}

// --- new post ----------------------------------------------------------------------------------

function draft() {
  return { type: document.getElementById('new-type').value, body: document.getElementById('new-body').value };
}

async function check() {
  const d = draft();
  const out = document.getElementById('parse');
  const { ok, status, j } = await send('/api/posts/preview', { headers: headers({ 'Content-Type': d.type }), body: d.body });
  if (!ok) {
    out.replaceChildren(el('p', (status >= 500 || status === 0 ? 'Could not check: ' : 'Would be refused: ') + j.detail, 'refused'));
    return;
  }
  const list = el('ol');
  for (const q of j.qa) list.appendChild(el('li', q.question));
  out.replaceChildren(el('p', 'Title: ' + j.title, 'parsed-title'), el('p', 'Id: ' + j.id),
      el('p', j.qa.length + (j.qa.length === 1 ? ' pair found' : ' pairs found'), 'parsed-count'), list);
}

async function publish(event) {
  event.preventDefault();
  const d = draft();
  const { ok, status, j } = await send('/api/posts', { headers: headers({ 'Content-Type': d.type }), body: d.body });
  if (ok) {
    say('Published: ' + j.id + ' (' + j.status + ')');
    await loadPosts();
  } else {
    say((status >= 500 || status === 0 ? 'Not published: ' : 'Refused: ') + j.detail);
  }
}

function readFile() {
  const file = document.getElementById('new-file').files[0];
  if (!file) return;
  const types = { txt: 'text/plain', text: 'text/plain', md: 'text/markdown', markdown: 'text/markdown', html: 'text/html', htm: 'text/html', json: 'application/json' };
  const ext = file.name.split('.').pop().toLowerCase();
  if (types[ext]) document.getElementById('new-type').value = types[ext];
  file.text().then(t => { document.getElementById('new-body').value = t; });
}

// --- pipeline and DLQ --------------------------------------------------------------------------

function chart(perMinute) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const max = Math.max(1, ...perMinute);
  svg.setAttribute('viewBox', '0 0 600 100');
  svg.setAttribute('preserveAspectRatio', 'none');
  perMinute.forEach((n, i) => {
    const r = document.createElementNS(ns, 'rect');
    const h = Math.round(n / max * 96);
    r.setAttribute('x', String(i * 10 + 1));
    r.setAttribute('width', '8');
    r.setAttribute('y', String(100 - h));
    r.setAttribute('height', String(h));
    const t = document.createElementNS(ns, 'title');
    t.textContent = n + (n === 1 ? ' post' : ' posts') + ', ' + (59 - i) + ' min ago';
    r.appendChild(t);
    svg.appendChild(r);
  });
  document.getElementById('chart').replaceChildren(svg);
}

async function loadStatus() {
  const s = await getJson('/api/status');
  state.needsToken = s.writesNeedToken;
  document.getElementById('token-form').hidden = !s.writesNeedToken;
  // Publishing and checking are ingest's: where it cannot be reached, say so rather than fail on a click.
  document.getElementById('check').disabled = !s.ingest.reachable;
  document.getElementById('publish').disabled = !s.ingest.reachable;
  const note = document.getElementById('ingest-note');
  note.hidden = s.ingest.reachable;
  note.textContent = s.ingest.reachable ? '' : 'Publishing and checking are unavailable: ' + s.ingest.detail;
  const checks = Object.entries(s.checks).filter(([k]) => k === 'kafka' || k.startsWith('stage '));
  document.getElementById('checks').replaceChildren(...checks.map(([k, v]) => el('li', k + ': ' + v, v.startsWith('UP') ? 'up' : 'down')));
  chart(s.postsPerMinute);
  document.querySelector('#topic-table tbody').replaceChildren(...s.topics.map(t => {
    const tr = el('tr');
    tr.appendChild(el('td', t.topic || t.error));
    tr.appendChild(el('td', t.records));
    tr.appendChild(el('td', Object.entries(t.lag || {}).map(([g, n]) => g + ': ' + n).join(', ')));
    return tr;
  }));
}

let dlqShown = null;

async function loadDlq() {
  const rows = await getJson('/api/dlq');
  // As the posts: made again only when they changed, so a Retry or Download button stays where it was clicked.
  const shown = JSON.stringify(rows);
  if (shown === dlqShown) return;
  dlqShown = shown;
  document.querySelector('#dlq-table tbody').replaceChildren(...rows.map(d => {
    const tr = el('tr');
    tr.appendChild(el('td', when(d.rejectedAt)));
    tr.appendChild(el('td', d.stage));
    tr.appendChild(el('td', d.reason));
    tr.appendChild(el('td', d.source));
    const original = el('td');
    if (d.bytes > 0) {
      const a = el('a', 'Download (' + d.bytes + ' bytes)');
      a.href = '#';
      a.download = 'herald-dlq-' + d.offset;
      // The original is private: fetched with the token, then saved from memory.
      a.addEventListener('click', async ev => {
        if (a.href.startsWith('blob:')) return;
        ev.preventDefault();
        const r = await fetch('/api/dlq/' + d.offset + '/original', { headers: headers() });
        if (!r.ok) { say('The download answered ' + r.status + '.'); return; }
        a.href = URL.createObjectURL(await r.blob());
        a.click();
      });
      original.appendChild(a);
    }
    tr.appendChild(original);
    const retry = el('td');
    if (d.retryable) {
      const b = el('button', 'Retry', 'secondary');
      b.type = 'button';
      b.addEventListener('click', async () => {
        const { ok, status, j } = await send('/api/dlq/' + d.offset + '/retry', { headers: headers() });
        say(ok ? 'Sent again: ' + (j.id || '') + ' ' + (j.status || '')
          : (status >= 500 || status === 0 ? 'Not sent again: ' : 'Still refused: ') + j.detail);
        refresh();
      });
      retry.appendChild(b);
    }
    tr.appendChild(retry);
    return tr;
  }));
  document.getElementById('no-dlq').hidden = rows.length > 0;
}

async function refresh() {
  try {
    await Promise.all([loadPosts(), loadStatus(), loadDlq()]);
    document.getElementById('live').textContent = 'live';
  } catch (e) {
    document.getElementById('live').textContent = 'offline';
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('token-form').addEventListener('submit', e => {
    e.preventDefault();
    state.token = document.getElementById('token').value;
    sessionStorage.setItem('herald-token', state.token);
    document.getElementById('token').value = '';
    say('Token set for this tab.');
  });
  document.getElementById('check').addEventListener('click', check);
  document.getElementById('new-form').addEventListener('submit', publish);
  document.getElementById('new-file').addEventListener('change', readFile);
  refresh();
  setInterval(refresh, 4000);
});
