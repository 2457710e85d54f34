// Herald's dashboard. Post content is untrusted: it only ever reaches the page as text
// (textContent, attribute values set through the DOM), never as markup.
'use strict';

const state = {
  token: sessionStorage.getItem('herald-token') || '', selected: null, needsToken: false,
  // The list's search, filters and page; the post being edited (its id and version), if any.
  list: { q: '', language: '', source: '', offset: 0, limit: 20 }, total: 0, editing: null, open: null,
};

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

// The message is fixed at the bottom of the window: seen wherever the page is scrolled to.
let sayTimer = null;

function say(text) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.hidden = !text;
  clearTimeout(sayTimer);
  if (text) sayTimer = setTimeout(() => { m.hidden = true; }, 8000);
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

function listUrl() {
  const p = new URLSearchParams({ limit: String(state.list.limit), offset: String(state.list.offset) });
  for (const k of ['q', 'language', 'source']) if (state.list[k]) p.set(k, state.list[k]);
  return '/api/posts?' + p.toString();
}

function fillFacet(id, counts, names) {
  const select = document.getElementById(id);
  const chosen = select.value;
  const wanted = JSON.stringify(counts);
  if (select.dataset.shown === wanted) return;
  select.dataset.shown = wanted;
  const options = [el('option', 'Any')];
  options[0].value = '';
  for (const [k, n] of Object.entries(counts || {})) {
    const o = el('option', (names[k] || k) + ' (' + n + ')');
    o.value = k;
    options.push(o);
  }
  select.replaceChildren(...options);
  select.value = chosen;
}

const SOURCES = { http: 'API or dashboard', inbox: 'Inbox folder', feed: 'Upstream feed', webhook: 'CMS webhook' };

async function loadPosts() {
  const list = await getJson(listUrl());
  state.total = list.total;
  fillFacet('filter-language', list.facets && list.facets.language, {});
  fillFacet('filter-source', list.facets && list.facets.source, SOURCES);
  const first = list.total === 0 ? 0 : list.offset + 1;
  document.getElementById('page-info').textContent = first + '–' + (list.offset + list.posts.length) + ' of ' + list.total;
  document.getElementById('prev').disabled = list.offset === 0;
  document.getElementById('next').disabled = list.offset + list.posts.length >= list.total;
  const filtered = Boolean(state.list.q || state.list.language || state.list.source);
  document.getElementById('no-posts').hidden = list.posts.length > 0 || filtered;
  document.getElementById('no-match').hidden = list.posts.length > 0 || !filtered;
  if (state.open) {
    // A post just published or edited opens once its new version is served.
    const p = list.posts.find((x) => x.id === state.open.id && x.version >= state.open.version);
    if (p) {
      state.open = null;
      showPost(p.id);
    }
  }
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
}

function search(event) {
  event.preventDefault();
  state.list.q = document.getElementById('search').value.trim();
  state.list.language = document.getElementById('filter-language').value;
  state.list.source = document.getElementById('filter-source').value;
  state.list.offset = 0;
  loadPosts();
}

function page(step) {
  state.list.offset = Math.max(0, state.list.offset + step * state.list.limit);
  loadPosts();
}

async function showPost(id) {
  state.selected = id;
  const post = await getJson(postPath(id));
  const section = document.getElementById('detail');
  section.hidden = false;
  document.getElementById('detail-title').textContent = post.title;
  document.getElementById('detail-version').textContent = 'Version ' + post.version + ', updated ' + when(post.updated);
  state.selectedVersion = post.version;
  const page = '/posts/' + encodeURIComponent(id);
  document.getElementById('detail-page').href = page;
  document.getElementById('detail-json').href = postPath(id);
  document.getElementById('detail-frame').src = page;
  state.selectedPairs = (post.qa || []).length;
  showFeeds(post.tags || []);
  const pairs = (post.qa || []).map(q => {
    const li = el('li');
    li.appendChild(el('p', q.question, 'q'));
    li.appendChild(el('p', q.answer));
    return li;
  });
  document.getElementById('pairs').replaceChildren(...pairs);
  document.getElementById('pair-count').textContent = pairs.length;
  await Promise.all([showNewsletter(id), showSocial(id), showTags(id), showPlans(id), showFediverse(id)]);
  section.scrollIntoView();
}

// --- published later: what waits, and when its newsletter and snippets go out ------------------

const PLANS = { 'with-post': 'with the post', held: 'held' };

function planText(plan, at) {
  return plan === 'at' ? 'at ' + when(at) : PLANS[plan] || plan;
}

async function schedule(id, decision, done) {
  const { ok, status, j } = await send(postPath(id) + '/schedule', {
    headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(decision),
  });
  say(ok ? done(j) : (status === 401 ? 'Set the API token first: ' : 'Not changed: ') + j.detail);
  await loadWaiting();
  if (ok && state.selected === id && !document.getElementById('detail').hidden) await showPlans(id);
  if (ok) await loadPosts();
  return ok;
}

// A held newsletter or held snippets of the open post (one published later) can be sent from here.
async function showPlans(id) {
  const buttons = { newsletter: document.getElementById('send-held-newsletter'), snippets: document.getElementById('send-held-snippets') };
  let p = null;
  try {
    p = await getJson(postPath(id) + '/schedule');
  } catch (e) {
    p = null;
  }
  for (const [channel, b] of Object.entries(buttons)) {
    b.hidden = !(p && p.later && p[channel] !== 'with-post');
    b.dataset.id = id;
    if (p && p.later && p[channel] !== 'with-post') b.textContent = 'Send the ' + (channel === 'newsletter' ? 'newsletter' : 'snippets')
      + ' now (' + planText(p[channel], p[channel + 'At']) + ')';
  }
}

let waitingShown = '';

async function loadWaiting() {
  const list = document.getElementById('waiting-list');
  let posts;
  try {
    posts = (await getJson('/api/pending')).posts;
  } catch (e) {
    list.replaceChildren(el('li', state.needsToken && !state.token ? 'Enter the API token to see what waits.' : 'Not available now.'));
    document.getElementById('no-waiting').hidden = true;
    waitingShown = '';
    return;
  }
  // Drawn again only when something changed, so a refresh never takes the focus from a control.
  const shown = JSON.stringify(posts);
  if (shown === waitingShown) return;
  waitingShown = shown;
  document.getElementById('no-waiting').hidden = posts.length > 0;
  list.replaceChildren(...posts.map(p => {
    const li = el('li', null, 'waiting-post');
    li.dataset.id = p.id;
    li.appendChild(el('strong', p.title));
    const what = p.state === 'awaiting-approval' ? 'awaiting approval' + (p.publishAt ? ', then at ' + when(p.publishAt) : '')
      : 'scheduled for ' + when(p.publishAt);
    li.appendChild(el('span', what, 'state'));
    li.appendChild(el('span', 'newsletter ' + planText(p.newsletter, p.newsletterAt) + ' · snippets ' + planText(p.snippets, p.snippetsAt), 'reason'));
    const row = el('div', null, 'row');
    if (p.state === 'awaiting-approval') {
      const b = el('button', 'Approve', 'approve');
      b.type = 'button';
      b.setAttribute('aria-label', 'Approve ' + p.title);
      b.addEventListener('click', () => schedule(p.id, { approved: true },
        j => j.state === 'published' ? 'Approved and published: ' + p.id + '.' : 'Approved: ' + p.id + ' is published at ' + when(j.publishAt) + '.'));
      row.appendChild(b);
    }
    const publishNow = el('button', 'Publish now', 'secondary publish-now');
    publishNow.type = 'button';
    publishNow.setAttribute('aria-label', 'Publish ' + p.title + ' now');
    publishNow.addEventListener('click', () => schedule(p.id, p.state === 'awaiting-approval' ? { approved: true, publishAt: 'now' } : { publishAt: 'now' },
      () => 'Published: ' + p.id + '.'));
    row.appendChild(publishNow);
    for (const channel of ['newsletter', 'snippets']) {
      const label = el('label', channel === 'newsletter' ? 'Newsletter' : 'Snippets');
      const select = el('select', null, channel + '-plan');
      select.id = 'plan-' + channel + '-' + p.id;
      label.htmlFor = select.id;
      for (const [value, text] of Object.entries(PLANS)) {
        const o = el('option', text);
        o.value = value;
        select.appendChild(o);
      }
      const o = el('option', p[channel] === 'at' ? 'at ' + when(p[channel + 'At']) : 'at a time…');
      o.value = 'at';
      select.appendChild(o);
      select.value = p[channel];
      const goes = channel === 'snippets' ? ' go' : ' goes';
      // "At a time": a time of the marketer's (local), set with its own button.
      const time = el('input', null, channel + '-at');
      time.type = 'datetime-local';
      time.hidden = true;
      time.setAttribute('aria-label', 'When the ' + channel + ' of ' + p.title + ' goes out');
      const set = el('button', 'Set', 'secondary ' + channel + '-set');
      set.type = 'button';
      set.hidden = true;
      set.addEventListener('click', () => {
        if (!time.value) return say('Choose a time first.');
        const at = new Date(time.value).toISOString();
        schedule(p.id, { [channel]: at }, () => 'The ' + channel + ' of ' + p.id + goes + ' out at ' + when(at) + '.');
      });
      select.addEventListener('change', () => {
        time.hidden = set.hidden = select.value !== 'at';
        if (select.value !== 'at') schedule(p.id, { [channel]: select.value }, () => 'The ' + channel + ' of ' + p.id
          + (select.value === 'held' ? (channel === 'snippets' ? ' are' : ' is') + ' held until you send it.' : goes + ' out with the post.'));
      });
      row.append(label, select, time, set);
    }
    li.appendChild(row);
    return li;
  }));
}

async function sendHeld(channel) {
  const id = document.getElementById(channel === 'newsletter' ? 'send-held-newsletter' : 'send-held-snippets').dataset.id;
  await schedule(id, { [channel]: 'with-post' }, () => 'The ' + channel + ' of ' + id + ' is on its way.');
  await Promise.all([showNewsletter(id), showSocial(id)]);
}

// The feeds the open post is in: everything, the questions, and one per tag it is published with.
function showFeeds(tags) {
  const feeds = [['All posts', '/feeds/all.atom']];
  if (state.selectedPairs) feeds.push(['Every question', '/feeds/qa.atom']);
  for (const t of tags) feeds.push(['Tag: ' + t, '/feeds/tags/' + encodeURIComponent(slug(t)) + '.atom']);
  document.getElementById('detail-feeds').replaceChildren(...feeds.map(([name, href]) => {
    const li = el('li');
    const a = el('a', name);
    a.href = href;
    li.appendChild(a);
    return li;
  }));
}

// --- suggested tags: the topics Herald found, which a marketer accepts or removes -----------------

const TAG_STATES = { suggested: 'suggested', accepted: 'accepted', removed: 'removed' };

async function showTags(id) {
  let t;
  try {
    t = await getJson(postPath(id) + '/tags');
  } catch (e) {
    document.getElementById('suggestions').replaceChildren();
    return;
  }
  renderTags(id, t);
}

function renderTags(id, t) {
  state.tags = t;
  document.getElementById('tags-policy').textContent = t.policy === 'approved' ? 'approval needed' : 'published unless removed';
  document.getElementById('tags-note').textContent = !t.suggestions.length ? 'Herald found no topics of its own in this post.'
    : t.policy === 'approved' ? 'Topics Herald found. Only those you accept are published (auto-tags=approved).'
    : 'Topics Herald found. Each is published, in feeds, pages, the newsletter and hashtags, unless you remove it.';
  document.getElementById('suggestions').replaceChildren(...t.suggestions.map(s => {
    const li = el('li', null, 'suggestion ' + s.state);
    li.dataset.tag = s.tag;
    li.appendChild(el('span', s.tag, 'tag'));
    li.appendChild(el('span', TAG_STATES[s.state] + (s.published ? ', published' : ', not published'), 'state'));
    for (const [to, label] of [['accepted', 'Accept'], ['removed', 'Remove']]) {
      if (s.state === to) continue;
      const b = el('button', label, 'secondary ' + (to === 'accepted' ? 'accept' : 'remove'));
      b.type = 'button';
      b.setAttribute('aria-label', label + ' the tag ' + s.tag);
      b.addEventListener('click', () => decideTag(id, s.tag, to));
      li.appendChild(b);
    }
    return li;
  }));
  showFeeds(t.published);
}

async function decideTag(id, tag, to) {
  const accepted = [];
  const removed = [];
  for (const s of state.tags.suggestions) {
    const now = s.tag === tag ? to : s.state;
    if (now === 'accepted') accepted.push(s.tag);
    if (now === 'removed') removed.push(s.tag);
  }
  const { ok, status, j } = await send(postPath(id) + '/tags', {
    headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ accepted, removed }),
  });
  if (!ok) {
    say((status === 401 ? 'Set the API token first: ' : 'Not changed: ') + j.detail);
    return;
  }
  renderTags(id, j);
  say((to === 'accepted' ? 'Accepted' : 'Removed') + ' the tag "' + tag + '"' + (to === 'accepted' && j.published.includes(tag)
    ? ': it is published.' : to === 'removed' ? ': it is no longer published.' : '.'));
  document.getElementById('detail-frame').src = '/posts/' + encodeURIComponent(id);
}

const NEWSLETTER_STATES = {
  'not-sent': 'not sent', skipped: 'skipped', pending: 'waiting for the webhook', sent: 'delivered', failed: 'failed',
};

async function showNewsletter(id) {
  // Fetched with the token (the preview is private), shown in the sandboxed frame (no scripts, no same origin).
  const frame = document.getElementById('newsletter-frame');
  try {
    const h = await fetch(postPath(id) + '/newsletter', { headers: headers({ 'Accept': 'text/html' }) });
    frame.srcdoc = h.ok ? await h.text() : '';
  } catch (e) {
    frame.srcdoc = '';
  }
  await newsletterState(id);
}

// The newsletter's state, as JSON: also refreshed with the page, so a delivery or a failure shows as it happens.
async function newsletterState(id) {
  const resend = document.getElementById('resend');
  try {
    const s = await getJson(postPath(id) + '/newsletter');
    // "sent" is delivered where a webhook took it, and only written to herald.newsletter where none is set.
    document.getElementById('newsletter-state').textContent = s.state === 'sent' && !s.target ? 'written'
      : NEWSLETTER_STATES[s.state] || s.state;
    // Where it went and how: delivered to the webhook (when), failed (after how many tries, why), or the next try.
    const parts = [];
    if (s.state === 'sent' && s.target) parts.push('Delivered to ' + s.target + (s.lastAttemptAt ? ' at ' + when(s.lastAttemptAt) : '') + '.');
    if (s.state === 'sent' && !s.target) parts.push('Written to herald.newsletter (no webhook is set).');
    if (s.state === 'failed') parts.push('Failed after ' + (s.attempts || 0) + (s.attempts === 1 ? ' try' : ' tries') + (s.reason ? ': ' + s.reason : '.'));
    if (s.state === 'pending' && s.attempts) parts.push('Tried ' + s.attempts + (s.attempts === 1 ? ' time' : ' times')
      + (s.reason ? ' (' + s.reason + ')' : '') + (s.nextAttemptAt ? '; next try at ' + when(s.nextAttemptAt) : '') + '.');
    if (!parts.length && s.reason) parts.push(s.reason);
    document.getElementById('newsletter-reason').textContent = parts.join(' ');
    // A newsletter that failed, or waits for a retry, can be handed to the webhook again at once.
    resend.hidden = !(s.target && (s.state === 'failed' || s.state === 'pending' && s.attempts));
    resend.dataset.id = id;
  } catch (e) {
    resend.hidden = true;
    document.getElementById('newsletter-state').textContent = 'unknown';
  }
}

async function resendNewsletter() {
  const id = document.getElementById('resend').dataset.id;
  const { ok, status, j } = await send(postPath(id) + '/newsletter/resend', { headers: headers() });
  say(ok ? 'Newsletter handed to the webhook again: ' + id + '.'
    : (status >= 500 || status === 0 ? 'Not resent: ' : 'Refused: ') + j.detail);
  await showNewsletter(id);
}

async function resendSnippets() {
  const id = document.getElementById('resend-snippets').dataset.id;
  const { ok, status, j } = await send(postPath(id) + '/social/resend', { headers: headers() });
  say(ok ? 'Snippets handed to the webhook again: ' + j.idempotencyKeys.length + ' of ' + id + '.'
    : (status === 401 ? 'Set the API token first: ' : status >= 500 || status === 0 ? 'Not resent: ' : 'Refused: ') + j.detail);
  await showSocial(id);
}

async function showSocial(id) {
  const s = await getJson(postPath(id) + '/social');
  // Unchanged since it was shown: left as it is, so a refresh never moves a button from under the pointer or the focus.
  const list = document.getElementById('snippets');
  const seen = JSON.stringify(s);
  if (list.dataset.shown === id + ' ' + seen) return;
  renderSocial(id, s);
  list.dataset.shown = id + ' ' + seen;
}

// Where a social webhook is set, what became of a sent snippet there; else it is written to herald.social.
function deliveryText(d) {
  if (!d) return 'written';
  if (d.state === 'delivered') return 'delivered' + (d.at ? ' at ' + when(d.at) : '');
  if (d.state === 'failed') return 'failed after ' + d.attempts + (d.attempts === 1 ? ' try' : ' tries') + (d.reason ? ': ' + d.reason : '');
  if (d.state === 'retrying') return 'retrying' + (d.reason ? ' (' + d.reason + ')' : '') + (d.nextAttemptAt ? '; next try at ' + when(d.nextAttemptAt) : '');
  return 'written, waiting for the webhook';
}

function renderSocial(id, s) {
  document.getElementById('snippets').dataset.shown = '';
  const states = Object.values(s.deliveries || {});
  const worst = ['failed', 'retrying', 'waiting'].find(x => states.includes(x));
  document.getElementById('social-state').textContent = !s.sent ? (s.reason ? 'skipped' : 'pending')
    : !s.webhook ? 'written' : worst === 'waiting' ? 'written' : worst || 'delivered';
  document.getElementById('social-note').textContent = s.webhook
    ? 'Each snippet is written to herald.social, then handed to ' + s.webhook + ', the tool that posts it.'
    : 'Written means on herald.social, for the tools that post them (no social-webhook is set).';
  const resend = document.getElementById('resend-snippets');
  resend.hidden = !(worst === 'failed' || worst === 'retrying');
  resend.dataset.id = id;
  document.getElementById('snippets').replaceChildren(...s.snippets.map(n => {
    const li = el('li', null, 'snippet');
    li.dataset.platform = n.platform;
    li.appendChild(el('strong', n.platform + ' '));
    li.appendChild(el('span', n.length + ' / ' + n.limit, 'count' + (n.length > n.limit ? ' over' : '')));
    const status = el('span', ' · ' + (n.state === 'sent' ? deliveryText(n.delivery) : n.state), 'delivery');
    if (n.delivery) status.dataset.state = n.delivery.state;
    li.appendChild(status);
    const text = el('p', n.text, 'snippet-text');
    li.appendChild(text);
    // A network's main snippet (not a thread's part) can be rewritten until it goes out.
    if (n.state !== 'sent' && !/:\d+$/.test(n.idempotencyKey)) {
      const b = el('button', 'Edit', 'secondary edit-snippet');
      b.type = 'button';
      b.setAttribute('aria-label', 'Edit the ' + n.platform + ' snippet');
      b.addEventListener('click', () => editSnippet(id, li, text, n));
      li.appendChild(b);
    }
    return li;
  }));
}

// Where the post went on the fediverse (the ledger): per follower's server, the last activity and its state.
async function showFediverse(id) {
  const box = document.getElementById('fediverse');
  let c;
  try {
    c = await getJson(postPath(id) + '/channels');
  } catch (e) {
    box.hidden = true;
    return;
  }
  showBluesky(c);
  box.hidden = !c.activitypub;
  if (!c.activitypub) return;
  const entries = c.channels.filter(e => e.channel === 'activitypub');
  const worst = ['failed', 'retrying'].find(x => entries.some(e => e.state === x));
  document.getElementById('fediverse-state').textContent = entries.length === 0 ? 'not sent' : worst || 'delivered';
  document.getElementById('fediverse-note').textContent = entries.length === 0
    ? 'No follower\'s server has this post yet: posts go to those who followed before they were published.'
    : 'Sent to each follower\'s server once per version: Create, then Update for a significant edit, Delete when withdrawn.';
  document.getElementById('fediverse-inboxes').replaceChildren(...entries.map(e => {
    const li = el('li', null, 'inbox');
    li.dataset.state = e.state;
    li.appendChild(el('strong', new URL(e.destination).host + ' '));
    li.appendChild(el('span', e.activity + ' of version ' + e.version + ' · ' + deliveryText(e), 'delivery'));
    return li;
  }));
}

// What went to Bluesky (the ledger): the post and each reply of its thread, its record and its state.
function showBluesky(c) {
  const box = document.getElementById('bluesky');
  box.hidden = !c.bluesky;
  if (!c.bluesky) return;
  const part = e => e.destination.includes('#') ? Number(e.destination.split('#').pop()) : 0;
  const entries = c.channels.filter(e => e.channel === 'bluesky').sort((a, b) => part(a) - part(b));
  const worst = ['failed', 'retrying'].find(x => entries.some(e => e.state === x));
  const withdrawn = entries.length > 0 && entries.every(e => e.activity === 'Delete' && e.state === 'delivered');
  document.getElementById('bluesky-state').textContent = entries.length === 0 ? 'not posted'
    : withdrawn ? 'deleted' : worst || 'posted';
  document.getElementById('bluesky-note').textContent = entries.length === 0
    ? 'Its Bluesky snippet is posted once it is published (a held or too long snippet is not).'
    : 'Posted once, replies after the post they answer; deleted when the post is withdrawn. An edit is not posted again.';
  document.getElementById('bluesky-records').replaceChildren(...entries.map(e => {
    const li = el('li', null, 'record');
    li.dataset.state = e.state;
    li.appendChild(el('strong', (part(e) === 0 ? 'Post' : 'Reply ' + part(e)) + ' '));
    li.appendChild(el('span', (e.activity === 'Delete' ? 'deletion ' : '')
      + (e.state === 'retrying' && e.attempts === 0 ? 'sending' : deliveryText(e)) + ' ', 'delivery'));
    li.appendChild(el('code', e.externalId || ''));
    return li;
  }));
}

function editSnippet(id, li, text, n) {
  document.getElementById('snippets').dataset.shown = '';
  const area = el('textarea');
  area.value = n.text;
  area.rows = 6;
  area.setAttribute('aria-label', 'The ' + n.platform + ' snippet');
  const row = el('div', null, 'row');
  const save = el('button', 'Save', 'save-snippet');
  save.type = 'button';
  const own = el('button', "Herald's text", 'secondary reset-snippet');
  own.type = 'button';
  const cancel = el('button', 'Cancel', 'secondary');
  cancel.type = 'button';
  const put = async (value) => {
    const { ok, status, j } = await send(postPath(id) + '/social', {
      headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ platform: n.platform, text: value }),
    });
    if (!ok) {
      say((status === 401 ? 'Set the API token first: ' : 'Not saved: ') + j.detail);
      return;
    }
    say(value === null ? 'The ' + n.platform + ' snippet is Herald\'s again.' : 'Saved the ' + n.platform + ' snippet.');
    renderSocial(id, j);
  };
  save.addEventListener('click', () => put(area.value));
  own.addEventListener('click', () => put(null));
  cancel.addEventListener('click', () => showSocial(id));
  row.append(save, own, cancel);
  text.replaceWith(area);
  li.querySelector('.edit-snippet').replaceWith(row);
  area.focus();
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

function result(text, bad) {
  const r = document.getElementById('publish-result');
  r.textContent = text;
  r.className = 'result' + (bad ? ' bad' : '');
  r.hidden = !text;
}

async function publish(event) {
  event.preventDefault();
  const d = draft();
  // An edit keeps the post's id whatever its title now says: it is the post's next version.
  const params = [];
  if (state.editing) params.push('id=' + encodeURIComponent(state.editing.id));
  // The browser's local time, sent as an instant (UTC).
  const at = document.getElementById('new-publish-at').value;
  if (at) params.push('publishAt=' + encodeURIComponent(new Date(at).toISOString()));
  const url = '/api/posts' + (params.length ? '?' + params.join('&') : '');
  const { ok, status, j } = await send(url, { headers: headers({ 'Content-Type': d.type }), body: d.body });
  if (!ok) {
    const text = (status >= 500 || status === 0 ? 'Not published: ' : 'Refused: ') + j.detail;
    result(text, true);
    say(text);
    return;
  }
  let text;
  if (j.status === 'unchanged') {
    text = 'Unchanged: ' + j.id + ' already has exactly this content, so nothing was published again.';
  } else if (at) {
    text = 'Scheduled: ' + j.id + ' is published at ' + when(new Date(at).toISOString()) + '; until then it waits under Waiting.';
  } else if (state.editing) {
    text = 'Updated: ' + j.id + ' is published as version ' + (state.editing.version + 1) + '.';
    state.open = { id: j.id, version: state.editing.version + 1 };
  } else {
    text = 'Published: ' + j.id + '. It opens below as soon as it is in the feeds.';
    state.open = { id: j.id, version: 1 };
  }
  result(text, false);
  say(text);
  leaveEdit();
  document.getElementById('new-form').reset();
  document.getElementById('parse').replaceChildren();
  await loadPosts();
}

async function edit() {
  const id = state.selected;
  const r = await fetch(postPath(id) + '/source', { headers: headers({ 'Accept': 'application/json' }) });
  if (!r.ok) {
    say(r.status === 401 ? 'Enter the API token to edit posts.' : 'This post\'s source is not available to edit (' + r.status + ').');
    return;
  }
  const src = await r.json();
  state.editing = { id: src.id, version: src.version };
  document.getElementById('new-type').value = src.contentType in { 'text/plain': 1, 'text/markdown': 1, 'text/html': 1, 'application/json': 1 }
    ? src.contentType : 'text/plain';
  document.getElementById('new-body').value = src.body;
  document.getElementById('new-title').textContent = 'Edit post';
  const note = document.getElementById('edit-note');
  note.textContent = 'Editing "' + src.title + '" (version ' + src.version + '). Publishing keeps its id, ' + src.id
    + ', so readers get version ' + (src.version + 1) + ' of the same post, not a second one.';
  note.hidden = false;
  document.getElementById('publish').textContent = 'Publish version ' + (src.version + 1);
  document.getElementById('cancel-edit').hidden = false;
  result('', false);
  document.getElementById('new').scrollIntoView();
  document.getElementById('new-body').focus();
}

function leaveEdit() {
  state.editing = null;
  document.getElementById('new-title').textContent = 'New post';
  document.getElementById('edit-note').hidden = true;
  document.getElementById('publish').textContent = 'Publish';
  document.getElementById('cancel-edit').hidden = true;
}

async function remove() {
  const id = state.selected;
  const title = document.getElementById('detail-title').textContent;
  if (!window.confirm('Delete "' + title + '"? It leaves every feed and page; newsletters and snippets not yet sent are cancelled.')) return;
  const { ok, status, j } = await send(postPath(id), { method: 'DELETE', headers: headers() });
  if (ok) {
    say('Deleted: ' + id + '. It leaves the list once every feed has dropped it.');
    document.getElementById('detail').hidden = true;
    state.selected = null;
    postsShown = null;
    await loadPosts();
  } else {
    say((status >= 500 || status === 0 ? 'Not deleted: ' : 'Refused: ') + j.detail);
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
  document.getElementById('edit').disabled = !s.ingest.reachable;
  document.getElementById('delete').disabled = !s.ingest.reachable;
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
    tr.appendChild(el('td', d.count > 1 ? d.count + ' times since ' + when(d.firstRejectedAt) : 'once'));
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
    const shown = state.selected && !document.getElementById('detail').hidden;
    const open = shown ? newsletterState(state.selected) : null;
    // The snippets' states too, unless one is being edited (that would throw the marketer's text away).
    const social = shown && !document.querySelector('#snippets textarea') ? showSocial(state.selected).catch(() => null) : null;
    const fediverse = shown ? showFediverse(state.selected).catch(() => null) : null;
    await Promise.all([loadPosts(), loadStatus(), loadDlq(), loadWaiting(), open, social, fediverse]);
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
  document.getElementById('search-form').addEventListener('submit', search);
  document.getElementById('prev').addEventListener('click', () => page(-1));
  document.getElementById('next').addEventListener('click', () => page(1));
  document.getElementById('edit').addEventListener('click', edit);
  document.getElementById('delete').addEventListener('click', remove);
  document.getElementById('resend').addEventListener('click', resendNewsletter);
  document.getElementById('resend-snippets').addEventListener('click', resendSnippets);
  document.getElementById('send-held-newsletter').addEventListener('click', () => sendHeld('newsletter'));
  document.getElementById('send-held-snippets').addEventListener('click', () => sendHeld('snippets'));
  document.getElementById('cancel-edit').addEventListener('click', () => {
    leaveEdit();
    document.getElementById('new-form').reset();
  });
  refresh();
  setInterval(refresh, 4000);
});
