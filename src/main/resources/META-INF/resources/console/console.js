/*
 * Billing rules console: fills the server-rendered pages from the REST API (docs/workbench.md) with
 * fetch, same origin; the browser's login cookie authenticates every call. Plain JS, no build, no CDN.
 */
(function () {
  'use strict';

  const API = '/api/v1/rules';
  const body = document.body;
  const USER = body.dataset.user;
  const IS_EDITOR = body.dataset.editor === 'true';
  const IS_APPROVER = body.dataset.approver === 'true';

  // ---------- helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function $(id) { return document.getElementById(id); }

  function replace(target, ...children) {
    target.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  }

  function filePath(path) { return path.split('/').map(encodeURIComponent).join('/'); }

  function shortVersion(v) { return v ? v.replace(/^sha256:/, '').substring(0, 12) : '—'; }

  function when(instant) {
    if (!instant) return '—';
    const d = new Date(instant);
    return isNaN(d) ? instant : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
  }

  const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  function dollars(n) {
    if (n === null || n === undefined) return '—';
    const text = DOLLARS.format(Math.abs(n));
    return n < 0 ? '−' + text : (n > 0 ? '+' + text : text);
  }

  let toastTimer;
  function toast(text) {
    const t = $('toast');
    if (!t) return;
    t.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.textContent = ''; }, 6000);
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** Calls the API; JSON and problem+json are parsed, text stays text. A lost login goes back to the login page. */
  async function api(method, url, options) {
    options = options || {};
    const headers = { 'Accept': options.accept || 'application/json, application/problem+json, text/plain' };
    let payload;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers['Content-Type'] = options.type || 'text/plain; charset=utf-8';
      payload = options.body;
    }
    const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('/console/login');
      throw new ApiError(401, { detail: 'Your sign-in has ended; sign in again.' });
    }
    const type = response.headers.get('Content-Type') || '';
    let content = null;
    if (response.status !== 204) {
      content = type.includes('json') ? await response.json() : await response.text();
    }
    if (!response.ok) throw new ApiError(response.status, typeof content === 'object' ? content : { detail: content });
    return { status: response.status, headers: response.headers, content };
  }

  function errorBox(error) {
    const p = error.problem || {};
    const items = [];
    for (const problem of p.problems || []) items.push(el('li', {}, problemText(problem)));
    for (const failure of p.failedScenarios || []) {
      items.push(el('li', {}, (failure.file || '') + ': ' + (failure.description || '') ));
    }
    for (const e of p.errors || []) items.push(el('li', {}, (e.pointer || e.field || '') + ' ' + (e.message || e.detail || '')));
    return el('div', { className: 'alert error', role: 'alert' },
      el('strong', {}, (p.title || 'Refused') + (error.status ? ' (' + error.status + ')' : '') + ': '),
      error.message, items.length ? el('ul', {}, items) : null);
  }

  function problemText(problem) {
    let where = problem.file || '';
    if (problem.line) where += ':' + problem.line + (problem.column ? ':' + problem.column : '');
    return (where ? where + ': ' : '') + problem.message;
  }

  function busy(button, promise) {
    if (button) button.disabled = true;
    return promise.finally(() => { if (button) button.disabled = false; });
  }

  function table(headers, rows, opts) {
    opts = opts || {};
    return el('table', { className: opts.className || null },
      opts.caption ? el('caption', {}, opts.caption) : null,
      el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows));
  }

  // ---------- CSV: parsed so that untouched records keep their exact text ----------

  /**
   * Splits a CSV file into items: {kind: 'text', raw} for comment and blank lines, {kind: 'record',
   * raw, line, cells} for records (line = first line, from 1). Quoted cells may hold commas, quotes
   * and line breaks.
   */
  function parseCsv(text) {
    const items = [];
    let i = 0;
    let line = 1;
    if (text.charCodeAt(0) === 0xFEFF) i = 1;
    const bom = i === 1;
    while (i < text.length) {
      const start = i;
      const startLine = line;
      const lineEnd = text.indexOf('\n', i);
      const firstLine = text.substring(i, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
      if (firstLine.trim() === '' || firstLine.trimStart().startsWith('#')) {
        i = lineEnd < 0 ? text.length : lineEnd + 1;
        items.push({ kind: 'text', raw: text.substring(start, i) });
        line++;
        continue;
      }
      const cells = [];
      let cell = '';
      let quoted = false;
      let wasQuoted = false;
      for (;;) {
        if (i >= text.length) { cells.push(wasQuoted ? cell : cell.trim()); break; }
        const c = text[i];
        if (quoted) {
          if (c === '"') {
            if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
            quoted = false; i++; continue;
          }
          if (c === '\n') line++;
          cell += c; i++; continue;
        }
        if (c === '"' && cell.trim() === '') { quoted = true; wasQuoted = true; cell = ''; i++; continue; }
        if (c === ',') { cells.push(wasQuoted ? cell : cell.trim()); cell = ''; wasQuoted = false; i++; continue; }
        if (c === '\n' || c === '\r') {
          cells.push(wasQuoted ? cell : cell.trim());
          if (c === '\r' && text[i + 1] === '\n') i++;
          i++; line++;
          break;
        }
        if (!wasQuoted) cell += c;
        i++;
      }
      items.push({ kind: 'record', raw: text.substring(start, i), line: startLine, cells, original: cells.slice() });
    }
    return { items, bom };
  }

  function csvCell(value) {
    return /[",\r\n]|^\s|\s$/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function serializeCsv(parsed) {
    let out = parsed.bom ? '\uFEFF' : '';
    for (const item of parsed.items) {
      if (item.kind === 'text') { out += item.raw; continue; }
      const same = item.cells.length === item.original.length && item.cells.every((c, k) => c === item.original[k]);
      if (same) { out += item.raw; continue; }
      const ending = /\r\n$/.test(item.raw) ? '\r\n' : (/\n$/.test(item.raw) ? '\n' : '');
      out += item.cells.map(csvCell).join(',') + ending;
    }
    return out;
  }

  // ---------- read-only views ----------

  function numberedText(text, errorLines) {
    const pre = el('pre', { className: 'view' });
    text.split('\n').forEach((line, k) => {
      const row = el('span', { className: errorLines && errorLines.has(k + 1) ? 'bad' : null },
        el('span', { className: 'ln', 'aria-hidden': 'true' }, String(k + 1)), line, '\n');
      pre.append(row);
    });
    return pre;
  }

  function csvView(text) {
    const parsed = parseCsv(text);
    const records = parsed.items.filter(i => i.kind === 'record');
    const comments = parsed.items.filter(i => i.kind === 'text' && i.raw.trim()).map(i => i.raw.replace(/^\s*#\s?/, '')).join('');
    if (!records.length) return numberedText(text);
    const [header, ...rows] = records;
    return el('div', {},
      comments ? el('pre', { className: 'comments' }, comments) : null,
      el('div', { className: 'table-wrap' }, table(header.cells,
        rows.map(r => el('tr', {}, header.cells.map((_, k) => el('td', {}, r.cells[k] || '')))), { className: 'grid-view' })));
  }

  function diffView(text) {
    if (!text || !text.trim()) return el('p', { className: 'muted' }, 'No differences.');
    const pre = el('pre', { className: 'diff', tabindex: '0', 'aria-label': 'Unified diff' });
    for (const line of text.replace(/\n$/, '').split('\n')) {
      let cls = null;
      if (line.startsWith('diff ') || line.startsWith('+++') || line.startsWith('---')) cls = 'file';
      else if (line.startsWith('@@')) cls = 'hunk';
      else if (line.startsWith('+')) cls = 'add';
      else if (line.startsWith('-')) cls = 'del';
      pre.append(el('span', { className: cls }, line || ' '));
    }
    return pre;
  }

  // ---------- page: rules serving now ----------

  async function rulesPage() {
    let info;
    try {
      info = (await api('GET', API)).content;
    } catch (e) {
      replace($('serving'), errorBox(e));
      return;
    }
    replace($('serving'), 'Version ', el('code', { title: info.rulesVersion }, shortVersion(info.rulesVersion)),
      ' · loaded ' + when(info.loadedAt) + ' · ' + info.files.length + ' files · ' + info.rules.length + ' rules');

    const feesBySet = {};
    for (const f of info.feePeriods || []) (feesBySet[f.ruleSet] = feesBySet[f.ruleSet] || []).push(f);
    const periods = info.ruleSetPeriods || [];
    const rows = periods.map(p => el('tr', {},
      el('th', { scope: 'row' }, p.ruleSet),
      el('td', {}, p.effectiveFrom || 'always'),
      el('td', {}, p.effectiveTo || 'open-ended'),
      el('td', {}, (feesBySet[p.ruleSet] || []).map(f => (f.effectiveFrom || '…') + ' – ' + (f.effectiveTo || '…')
        + ' (' + f.codes.length + ' codes)').join('; ') || 'no fees'),
      el('td', {}, p.citation || ''),
      el('td', { className: 'mono' }, p.row ? el('a', { href: '/console/files/' + filePath(p.row.split(':')[0]) }, p.row) : '')));
    for (const name of info.ruleSets || []) {
      if (!periods.some(p => p.ruleSet === name)) {
        rows.push(el('tr', {}, el('th', { scope: 'row' }, name), el('td', { colspan: '5' }, 'no rule-set.csv period')));
      }
    }
    replace($('rule-sets'), table(['Rule set', 'In force from', 'In force to', 'Fee periods', 'Citation', 'Row'], rows));

    const groups = {};
    for (const f of info.files) {
      const dir = f.includes('/') ? f.substring(0, f.lastIndexOf('/')) : '(top)';
      (groups[dir] = groups[dir] || []).push(f);
    }
    replace($('files'), Object.keys(groups).sort().map(dir => el('div', {},
      el('h3', {}, dir + '/'),
      el('ul', {}, groups[dir].map(f => el('li', {}, el('a', { href: '/console/files/' + filePath(f) },
        f.substring(f.lastIndexOf('/') + 1))))))));

    const ruleRows = info.rules.map(r => {
      const row = el('tr', {},
        el('td', { className: 'mono' }, r.packageName),
        el('td', {}, r.name),
        el('td', {}, r.source || el('span', { className: 'muted' }, 'none')),
        el('td', {}, r.effectiveFrom || 'always'),
        el('td', {}, r.effectiveTo || 'open-ended'));
      row.dataset.search = (r.packageName + ' ' + r.name + ' ' + (r.source || '')).toLowerCase();
      return row;
    });
    const count = el('p', { className: 'muted', 'aria-live': 'polite' }, info.rules.length + ' rules');
    replace($('rules'), count, table(['Package', 'Rule', 'Source', 'From (month)', 'To (month)'], ruleRows));
    $('rule-filter').addEventListener('input', e => {
      const q = e.target.value.trim().toLowerCase();
      let shown = 0;
      for (const row of ruleRows) {
        const hit = !q || row.dataset.search.includes(q);
        row.hidden = !hit;
        if (hit) shown++;
      }
      count.textContent = shown + ' of ' + info.rules.length + ' rules';
    });
  }

  // ---------- page: one serving file ----------

  async function filePage() {
    const path = $('file-title').dataset.path;
    try {
      const versions = (await api('GET', API + '/history')).content;
      const serving = versions.find(v => v.serving) || versions[0];
      if (!serving) throw new ApiError(404, { detail: 'no version recorded yet' });
      const text = (await api('GET', API + '/history/' + serving.commit + '/files/' + filePath(path), { accept: 'text/plain' })).content;
      replace($('file-meta'), 'As serving in version ', el('code', {}, shortVersion(serving.rulesVersion)),
        ' (' + (serving.kind || '') + ', ' + when(serving.time) + ')',
        IS_EDITOR ? [' · ', el('a', { href: '/console/drafts' }, 'change it in a draft')] : null);
      replace($('file-view'), path.endsWith('.csv') ? csvView(text) : numberedText(text));
    } catch (e) {
      replace($('file-meta'), errorBox(e));
    }
  }

  // ---------- page: drafts ----------

  function changeBadges(changes) {
    if (!changes || !changes.length) return el('span', { className: 'muted' }, 'no changes yet');
    return el('ul', { className: 'plain' }, changes.map(c => el('li', {},
      el('span', { className: 'badge' + (c.change === 'deleted' ? ' bad' : c.change === 'added' ? ' ok' : ' warn') }, c.change),
      ' ', el('code', {}, c.path))));
  }

  async function draftsPage() {
    const target = $('drafts');
    if (!target) return;
    const newButton = $('new-draft');
    if (newButton) {
      newButton.addEventListener('click', () => busy(newButton, (async () => {
        try {
          const draft = (await api('POST', API + '/drafts')).content;
          window.location.assign('/console/drafts/' + encodeURIComponent(draft.id));
        } catch (e) {
          target.prepend(errorBox(e));
        }
      })()));
    }
    let drafts;
    try {
      drafts = (await api('GET', API + '/drafts')).content;
    } catch (e) {
      replace(target, errorBox(e));
      return;
    }
    if (!drafts.length) {
      replace(target, el('p', { className: 'muted', id: 'no-drafts' },
        IS_EDITOR ? 'You have no drafts. Start one with “New draft”.' : 'There are no drafts to review.'));
      return;
    }
    const rows = drafts.map(d => el('tr', { 'data-draft': d.id },
      el('th', { scope: 'row' }, el('a', { href: '/console/drafts/' + encodeURIComponent(d.id) }, d.id)),
      el('td', {}, d.owner), el('td', {}, d.lastEditor || '—'),
      el('td', {}, when(d.created)), el('td', {}, when(d.updated)),
      el('td', {}, d.stale ? el('span', { className: 'badge bad', title: 'the rules serving changed since the draft was made' }, 'stale')
        : el('span', { className: 'badge ok' }, 'current')),
      el('td', {}, changeBadges(d.changes)),
      el('td', {}, IS_EDITOR && d.owner === USER ? discardButton(d.id, () => draftsPage()) : null)));
    replace(target, table(['Draft', 'Owner', 'Last editor', 'Created', 'Updated', 'Base', 'Changes', ''], rows));
  }

  /** A discard button that asks once more in place (no browser dialog). */
  function discardButton(id, after) {
    const button = el('button', { type: 'button', className: 'danger small' }, 'Discard');
    button.addEventListener('click', async () => {
      if (button.dataset.armed !== 'true') {
        button.dataset.armed = 'true';
        button.textContent = 'Really discard?';
        return;
      }
      try {
        await busy(button, api('DELETE', API + '/drafts/' + encodeURIComponent(id)));
        toast('Draft ' + id + ' discarded.');
        after();
      } catch (e) {
        button.after(errorBox(e));
      }
    });
    return button;
  }

  // ---------- page: one draft ----------

  const draft = {
    id: null, info: null, path: null, kind: null, saved: null, csv: null, textarea: null,
    buffers: {}, problems: [], canEdit: false
  };

  function draftUrl(suffix) { return API + '/drafts/' + encodeURIComponent(draft.id) + (suffix || ''); }

  async function draftPage() {
    draft.id = $('draft-id').dataset.id;
    const wanted = $('draft-id').dataset.file;
    await refreshDraft();
    if (!draft.info) return;
    const first = wanted || (draft.info.changes && draft.info.changes[0] && draft.info.changes[0].path) || null;
    if (first) await openFile(first);
    $('file-filter').addEventListener('input', renderFileList);
    const save = $('save');
    if (save) save.addEventListener('click', () => busy(save, saveFile()));
    const undo = $('undo');
    if (undo) undo.addEventListener('click', () => { delete draft.buffers[draft.path]; renderEditor(draft.saved); markDirty(); });
    const check = $('run-check');
    check.addEventListener('click', () => busy(check, runCheck()));
    $('impact-form').addEventListener('submit', e => { e.preventDefault(); busy($('run-impact'), runImpact()); });
    const diff = $('show-diff');
    diff.addEventListener('click', () => busy(diff, showDiff()));
    const publish = $('publish-form');
    if (publish) publish.addEventListener('submit', e => { e.preventDefault(); busy($('publish'), runPublish()); });
    const discard = $('discard');
    if (discard) {
      if (draft.info.owner !== USER) discard.hidden = true;
      discard.addEventListener('click', async () => {
        if (discard.dataset.armed !== 'true') {
          discard.dataset.armed = 'true';
          discard.textContent = 'Really discard this draft? Click again';
          return;
        }
        try {
          await busy(discard, api('DELETE', draftUrl()));
          window.location.assign('/console/drafts');
        } catch (e) {
          replace($('finish'), errorBox(e));
        }
      });
    }
    window.addEventListener('beforeunload', e => {
      if (Object.keys(draft.buffers).some(p => draft.buffers[p].dirty)) { e.preventDefault(); e.returnValue = ''; }
    });
  }

  async function refreshDraft() {
    try {
      draft.info = (await api('GET', draftUrl())).content;
    } catch (e) {
      replace($('draft-meta'), errorBox(e));
      document.querySelectorAll('.panel, .workbench').forEach(p => { p.hidden = true; });
      return;
    }
    const d = draft.info;
    draft.canEdit = IS_EDITOR && d.owner === USER;
    replace($('draft-meta'), 'Owner ', el('strong', {}, d.owner), ' · last edited by ', el('strong', { id: 'last-editor' }, d.lastEditor || '—'),
      ' · updated ' + when(d.updated) + ' · base ', el('code', { title: d.baseVersion }, shortVersion(d.baseVersion)), ' ',
      d.stale ? el('span', { className: 'badge bad' }, 'stale: the rules serving changed; make a new draft')
        : el('span', { className: 'badge ok' }, 'based on the rules serving'),
      !draft.canEdit && IS_EDITOR ? el('span', { className: 'muted' }, ' · read-only: not your draft') : null);
    renderFileList();
  }

  function renderFileList() {
    const q = ($('file-filter').value || '').trim().toLowerCase();
    const changes = {};
    for (const c of draft.info.changes || []) changes[c.path] = c.change;
    const files = (draft.info.files || []).slice();
    for (const c of draft.info.changes || []) if (!files.includes(c.path)) files.push(c.path);
    files.sort();
    replace($('draft-files'), files.filter(f => !q || f.toLowerCase().includes(q)).map(f => {
      const problems = draft.problems.filter(p => p.file === f).length;
      const buffer = draft.buffers[f];
      return el('li', {}, el('a', {
        href: '/console/drafts/' + encodeURIComponent(draft.id) + '?file=' + encodeURIComponent(f),
        'aria-current': f === draft.path ? 'true' : null,
        onclick: e => { e.preventDefault(); openFile(f); }
      }, f,
      changes[f] ? el('span', { className: 'change badge' + (changes[f] === 'deleted' ? ' bad' : ' warn') }, changes[f]) : null,
      buffer && buffer.dirty ? el('span', { className: 'change badge' }, 'unsaved') : null,
      problems ? el('span', { className: 'change badge bad' }, problems + ' problem' + (problems > 1 ? 's' : '')) : null));
    }));
  }

  async function openFile(path) {
    if (draft.path && draft.path !== path) keepBuffer();
    draft.path = path;
    const heading = $('h-editor');
    heading.textContent = path;
    let text;
    try {
      text = (await api('GET', draftUrl('/files/' + filePath(path)), { accept: 'text/plain' })).content;
    } catch (e) {
      replace($('editor'), errorBox(e));
      return;
    }
    draft.saved = text;
    const url = new URL(window.location.href);
    url.searchParams.set('file', path);
    window.history.replaceState(null, '', url);
    $('editor-tools').hidden = false;
    const buffer = draft.buffers[path];
    renderEditor(buffer ? buffer.text : text);
    markDirty();
    renderFileList();
  }

  function keepBuffer() {
    const text = currentText();
    if (text !== null && text !== draft.saved) draft.buffers[draft.path] = { text, dirty: true };
    else delete draft.buffers[draft.path];
  }

  function currentText() {
    if (draft.kind === 'csv' && draft.csv && !draft.textarea) return serializeCsv(draft.csv);
    if (draft.textarea) return draft.textarea.value;
    return null;
  }

  function markDirty() {
    const text = currentText();
    const dirty = text !== null && text !== draft.saved;
    $('save-state').textContent = dirty ? 'Unsaved changes' : 'Saved';
    if (dirty) draft.buffers[draft.path] = { text, dirty: true };
    else delete draft.buffers[draft.path];
  }

  function renderEditor(text, asText) {
    const path = draft.path;
    draft.csv = null;
    draft.textarea = null;
    const readOnly = !draft.canEdit;
    if (path.endsWith('.csv') && !asText) {
      draft.kind = 'csv';
      draft.csv = parseCsv(text);
      replace($('editor-mode'), el('button', { type: 'button', className: 'small', onclick: () => { renderEditor(currentText(), true); } },
        'Edit as text'));
      replace($('editor'), csvGrid(draft.csv, readOnly));
    } else {
      draft.kind = path.endsWith('.csv') ? 'csv-text' : 'text';
      replace($('editor-mode'), path.endsWith('.csv')
        ? el('button', { type: 'button', className: 'small', onclick: () => { renderEditor(currentText()); } }, 'Edit as grid')
        : el('span', { className: 'muted' }, path.endsWith('.drl') ? 'DRL' : path.substring(path.lastIndexOf('.') + 1).toUpperCase()));
      replace($('editor'), codeEditor(text, readOnly));
    }
    applyProblems();
  }

  function csvGrid(parsed, readOnly) {
    const records = parsed.items.filter(i => i.kind === 'record');
    const comments = parsed.items.filter(i => i.kind === 'text' && i.raw.trim()).map(i => i.raw).join('');
    if (!records.length) return el('p', {}, 'The table has no header row; edit it as text.');
    const header = records[0];
    const width = Math.max(...records.map(r => r.cells.length));
    // each column as wide as its longest cell (within reason), so values read without scrolling each cell
    const widths = Array.from({ length: width }, (_, k) => Math.min(40, Math.max(4, ...records.map(r => (r.cells[k] || '').length))));
    const head = el('tr', {}, el('th', { scope: 'col', className: 'rowno' }, 'line'),
      Array.from({ length: width }, (_, k) => el('th', { scope: 'col' }, header.cells[k] || '(column ' + (k + 1) + ')')));
    const rows = records.slice(1).map(record => {
      const tr = el('tr', { 'data-line': record.line }, el('th', { scope: 'row', className: 'rowno' }, String(record.line)));
      for (let k = 0; k < width; k++) {
        const column = header.cells[k] || 'column ' + (k + 1);
        const input = el('input', {
          value: record.cells[k] === undefined ? '' : record.cells[k],
          size: String(widths[k]),
          'aria-label': column + ', line ' + record.line,
          'data-line': record.line, 'data-column': k + 1, 'data-name': column,
          readonly: readOnly, spellcheck: 'false'
        });
        input.addEventListener('input', () => {
          while (record.cells.length <= k) record.cells.push('');
          record.cells[k] = input.value;
          while (record.cells.length > record.original.length && record.cells[record.cells.length - 1] === '') record.cells.pop();
          input.parentElement.classList.toggle('changed', input.value !== (record.original[k] || ''));
          markDirty();
        });
        tr.append(el('td', { 'data-line': record.line, 'data-column': k + 1 }, input));
      }
      return tr;
    });
    const wrap = el('div', {},
      comments ? el('details', {}, el('summary', {}, 'Notes in the file (comment lines)'), el('pre', { className: 'comments' }, comments)) : null,
      el('div', { className: 'table-wrap' }, table([], rows, { className: 'grid', caption: records.length - 1 + ' rows; change a cell, then Save' })));
    wrap.querySelector('thead').replaceChildren(head);
    if (!readOnly) {
      wrap.append(el('p', {}, el('button', {
        type: 'button', className: 'small', onclick: () => {
          const last = parsed.items[parsed.items.length - 1];
          if (last && !/\n$/.test(last.raw)) last.raw += '\n';
          parsed.items.push({ kind: 'record', raw: '', line: 0, cells: new Array(width).fill(''), original: [] });
          const text = serializeCsv(parsed);
          renderEditor(text);
          markDirty();
        }
      }, 'Add a row')));
    }
    return wrap;
  }

  function codeEditor(text, readOnly) {
    const gutter = el('pre', { className: 'gutter', 'aria-hidden': 'true' });
    const area = el('textarea', { spellcheck: 'false', 'aria-label': 'Content of ' + draft.path, readonly: readOnly, wrap: 'off' });
    area.value = text;
    const paint = () => {
      const lines = area.value.split('\n').length;
      const bad = new Set(draft.problems.filter(p => p.file === draft.path).map(p => p.line));
      gutter.replaceChildren(...Array.from({ length: lines }, (_, k) =>
        bad.has(k + 1) ? el('span', { className: 'err', title: 'problem on this line' }, String(k + 1) + '\n') : document.createTextNode(String(k + 1) + '\n')));
    };
    area.addEventListener('input', () => { paint(); markDirty(); });
    area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });
    draft.textarea = area;
    draft.paint = paint;
    paint();
    return el('div', { className: 'code' }, gutter, area);
  }

  /** Shows a line of the text editor (or a row of the grid) without moving the focus. */
  function scrollToLine(line) {
    if (draft.textarea) {
      const lineHeight = parseFloat(getComputedStyle(draft.textarea).lineHeight) || 18;
      draft.textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
      if (draft.paint) draft.textarea.dispatchEvent(new Event('scroll'));
    } else {
      const row = document.querySelector('#editor tr[data-line="' + line + '"]');
      if (row) row.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Jumps to a line of the text editor. */
  function goToLine(line) {
    const area = draft.textarea;
    if (!area) return;
    const lines = area.value.split('\n');
    let offset = 0;
    for (let k = 0; k < Math.max(0, line - 1) && k < lines.length; k++) offset += lines[k].length + 1;
    area.focus();
    area.setSelectionRange(offset, offset + (lines[line - 1] || '').length);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  function applyProblems() {
    const mine = draft.problems.filter(p => p.file === draft.path);
    const others = draft.problems.filter(p => p.file !== draft.path);
    if (draft.csv && !draft.textarea) {
      document.querySelectorAll('#editor td.cell-error').forEach(td => {
        td.classList.remove('cell-error');
        td.querySelectorAll('.cell-msg').forEach(m => m.remove());
        const input = td.querySelector('input');
        if (input) input.removeAttribute('aria-invalid');
      });
      for (const p of mine) {
        let td = document.querySelector('#editor td[data-line="' + p.line + '"][data-column="' + (p.column || 1) + '"]');
        if (!td) td = document.querySelector('#editor td[data-line="' + p.line + '"]');
        if (!td) continue;
        td.classList.add('cell-error');
        const input = td.querySelector('input');
        const id = 'msg-' + p.line + '-' + (p.column || 0);
        td.append(el('span', { className: 'cell-msg', id }, p.message));
        if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', id); }
      }
    } else if (draft.paint) {
      draft.paint();
    }
    const list = (items, ownFile) => el('ul', { className: 'problems' }, items.map(p => el('li', {}, problemText(p),
      ownFile && draft.textarea && p.line ? el('button', { type: 'button', className: 'small', onclick: () => goToLine(p.line) }, 'Go to line ' + p.line)
        : (!ownFile && p.file ? el('button', { type: 'button', className: 'small', onclick: () => openFile(p.file) }, 'Open ' + p.file) : null))));
    replace($('problems'),
      mine.length ? [el('h3', {}, mine.length + ' problem' + (mine.length > 1 ? 's' : '') + ' in this file'), list(mine, true)] : null,
      others.length ? [el('h3', {}, 'Problems in other files'), list(others, false)] : null);
  }

  async function saveFile() {
    const text = currentText();
    if (text === null) return;
    try {
      const result = (await api('PUT', draftUrl('/files/' + filePath(draft.path)), { body: text })).content;
      draft.saved = text;
      delete draft.buffers[draft.path];
      draft.problems = result.problems || [];
      $('save-state').textContent = draft.problems.length
        ? 'Saved; the draft does not compile (' + draft.problems.length + ' problem' + (draft.problems.length > 1 ? 's' : '') + ')'
        : 'Saved; the draft compiles';
      await refreshDraft();
      renderEditor(text, draft.kind === 'csv-text');
      const first = draft.problems.find(p => p.file === draft.path && p.line);
      if (first) scrollToLine(first.line);
      toast('Saved ' + draft.path);
    } catch (e) {
      replace($('problems'), errorBox(e));
    }
  }

  // ----- check -----

  function compareList(title, expected, actual) {
    const same = (expected || []).length === (actual || []).length && (expected || []).every((l, k) => l === actual[k]);
    if (same) {
      return el('p', { className: 'same' }, el('span', { className: 'muted' }, 'Expected and actual ' + title + ' agree: '),
        (expected || []).length ? el('code', {}, expected.join(', ')) : 'none');
    }
    const inActual = new Set(actual || []);
    const inExpected = new Set(expected || []);
    return el('div', { className: 'cmp' },
      el('div', {}, el('h4', {}, 'Expected ' + title),
        (expected || []).length ? el('ul', {}, expected.map(l => el('li', { className: inActual.has(l) ? null : 'missing' }, l)))
          : el('p', { className: 'muted' }, 'none')),
      el('div', {}, el('h4', {}, 'Actual ' + title),
        (actual || []).length ? el('ul', {}, actual.map(l => el('li', { className: inExpected.has(l) ? null : 'extra' }, l)))
          : el('p', { className: 'muted' }, 'none')));
  }

  function scenarioResult(r) {
    return el('details', { className: 'scenario' + (r.passed ? ' passed' : ' failed'), open: !r.passed },
      el('summary', {}, el('span', { className: 'badge ' + (r.passed ? 'ok' : 'bad') }, r.passed ? 'passed' : 'failed'), ' ',
        el('strong', {}, r.description || ''), ' ', el('code', { className: 'muted' }, r.file)),
      r.error ? el('p', { className: 'alert error' }, r.error) : null,
      compareList('claim lines', r.expectedLines, r.actualLines),
      compareList('findings', r.expectedFindings, r.actualFindings));
  }

  async function runCheck() {
    const target = $('check');
    replace(target, el('p', { className: 'muted' }, 'Compiling the draft and running every scenario…'));
    let report;
    try {
      report = (await api('POST', draftUrl('/check'))).content;
    } catch (e) {
      replace(target, errorBox(e));
      return;
    }
    draft.problems = report.problems || [];
    applyProblems();
    renderFileList();
    const failed = (report.results || []).filter(r => !r.passed);
    const passed = (report.results || []).filter(r => r.passed);
    const cov = report.coverage;
    const pct = cov && cov.rules ? Math.round(100 * cov.fired / cov.rules) : 0;
    replace(target,
      el('div', { className: 'summary', id: 'check-summary' },
        el('span', { className: 'badge ' + (report.accepted ? 'ok' : 'bad'), id: 'check-verdict' },
          report.accepted ? 'publish would accept it' : 'publish would refuse it'),
        el('span', {}, el('strong', { id: 'check-passed' }, String(report.passed)), ' scenarios pass'),
        el('span', {}, el('strong', { id: 'check-failed' }, String(report.failed)), ' fail')),
      (report.problems || []).length ? [el('h3', {}, 'Compile problems'), el('ul', { className: 'problems' },
        report.problems.map(p => el('li', {}, problemText(p))))] : null,
      (report.evidence || []).length ? [el('h3', {}, 'Evidence gate'), el('ul', { className: 'problems' },
        report.evidence.map(p => el('li', {}, typeof p === 'string' ? p : problemText(p))))] : null,
      failed.length ? [el('h3', {}, 'Failing scenarios: expected | actual'), failed.map(scenarioResult)] : null,
      cov ? el('div', { className: 'coverage' },
        el('h3', {}, 'Coverage'),
        el('p', {}, cov.fired + ' of ' + cov.rules + ' rules fired by some scenario (' + pct + '%)'),
        el('div', { className: 'meter', role: 'img', 'aria-label': pct + '% of rules fired' }, el('span', { style: 'width:' + pct + '%' })),
        (cov.unfired || []).length ? el('details', {}, el('summary', {}, cov.unfired.length + ' rules no scenario fires'),
          el('ul', {}, cov.unfired.map(n => el('li', {}, n)))) : null,
        (cov.dormant || []).length ? el('details', {}, el('summary', {}, cov.dormant.length + ' dormant rules (not in force in any scenario month)'),
          el('ul', {}, cov.dormant.map(n => el('li', {}, n)))) : null) : null,
      passed.length ? el('details', { className: 'passing' }, el('summary', {}, passed.length + ' passing scenarios'),
        passed.map(scenarioResult)) : null);
  }

  // ----- impact -----

  function lineText(l) {
    if (!l) return '';
    return [l.patientId, l.billingProviderId || '(default provider)', l.code, 'x' + l.units, l.minutes + ' min',
      l.dateOfService, l.estimatedAmount === null || l.estimatedAmount === undefined ? 'no fee' : DOLLARS.format(l.estimatedAmount)].join(' ');
  }

  async function runImpact() {
    const target = $('impact');
    const file = $('impact-file').files[0];
    let bodyText;
    let type;
    if (file) {
      bodyText = await file.text();
      type = 'application/x-ndjson';
    } else {
      bodyText = $('impact-request').value.trim();
      type = 'application/json';
      if (!bodyText) {
        replace(target, el('p', { className: 'alert error', role: 'alert' }, 'Paste an evaluation request or choose an NDJSON file.'));
        return;
      }
      if (bodyText.includes('\n{') && !bodyText.startsWith('[')) type = 'application/x-ndjson';
    }
    replace(target, el('p', { className: 'muted' }, 'Evaluating under the rules serving and under the draft…'));
    let report;
    try {
      report = (await api('POST', draftUrl('/impact'), { body: bodyText, type })).content;
    } catch (e) {
      replace(target, errorBox(e));
      return;
    }
    const rows = [];
    for (const r of report.requests || []) {
      const details = [];
      for (const l of r.appeared || []) details.push(el('li', {}, el('span', { className: 'badge ok' }, 'appears'), ' ', lineText(l)));
      for (const l of r.disappeared || []) details.push(el('li', {}, el('span', { className: 'badge bad' }, 'disappears'), ' ', lineText(l)));
      for (const c of r.changed || []) details.push(el('li', {}, el('span', { className: 'badge warn' }, 'changes'), ' ', lineText(c.before), ' → ', lineText(c.after)));
      rows.push(el('tr', {}, el('td', { className: 'num' }, String(r.line)), el('td', {}, r.requestId || '—'),
        el('td', {}, details.length ? el('ul', { className: 'plain' }, details) : el('span', { className: 'muted' }, 'no change')),
        el('td', { className: 'num' }, dollars(r.estimatedAmountDifference))));
    }
    replace(target,
      el('div', { className: 'summary' }, el('span', {}, 'Estimated difference: ',
        el('strong', { id: 'impact-total' }, dollars(report.estimatedAmountDifference))),
        el('span', { className: 'muted' }, (report.requests || []).length + ' request(s), serving ' + shortVersion(report.servingVersion)
          + ' → draft ' + shortVersion(report.draftVersion))),
      rows.length ? table(['Line', 'Request', 'Claim lines', 'Difference'], rows) : null,
      (report.problems || []).length ? [el('h3', {}, 'Lines not evaluated'), el('ul', { className: 'problems' },
        report.problems.map(p => el('li', {}, 'line ' + p.line + ': ' + p.detail
          + ((p.errors || []).length ? ' — ' + p.errors.map(e => (e.pointer || '') + ' ' + (e.message || '')).join('; ') : ''))))] : null);
  }

  // ----- diff, publish -----

  async function showDiff() {
    try {
      const text = (await api('GET', draftUrl('/diff'), { accept: 'text/plain' })).content;
      replace($('diff'), diffView(text));
    } catch (e) {
      replace($('diff'), errorBox(e));
    }
  }

  async function runPublish() {
    const message = $('publish-message').value.trim();
    if (!message) { $('publish-message').focus(); return; }
    replace($('finish'), el('p', { className: 'muted' }, 'Checking and publishing…'));
    try {
      const published = (await api('POST', draftUrl('/publish'), { json: { message } })).content;
      replace($('finish'), el('div', { className: 'alert ok', role: 'status', id: 'published' },
        'Published version ', el('code', {}, shortVersion(published.rulesVersion)), ' (' + published.scenariosPassed + ' scenarios pass). ',
        el('a', { href: '/console/history' }, 'See the history')));
      document.querySelectorAll('#publish-form button, #discard, #save').forEach(b => { b.disabled = true; });
    } catch (e) {
      replace($('finish'), errorBox(e));
    }
  }

  // ---------- page: history ----------

  async function historyPage() {
    const target = $('history');
    let versions;
    try {
      versions = (await api('GET', API + '/history')).content;
    } catch (e) {
      replace(target, errorBox(e));
      return;
    }
    if (!versions.length) { replace(target, el('p', { className: 'muted' }, 'No version recorded yet.')); return; }
    replace(target, el('ol', { className: 'versions', reversed: true }, versions.map(versionCard)));
  }

  function versionCard(v) {
    const diffBox = el('div', {});
    const diffButton = el('button', { type: 'button', className: 'small', 'aria-expanded': 'false' }, 'Show diff');
    diffButton.addEventListener('click', () => busy(diffButton, (async () => {
      if (diffButton.getAttribute('aria-expanded') === 'true') {
        replace(diffBox); diffButton.setAttribute('aria-expanded', 'false'); diffButton.textContent = 'Show diff';
        return;
      }
      try {
        const text = (await api('GET', API + '/history/' + encodeURIComponent(v.commit) + '/diff', { accept: 'text/plain' })).content;
        replace(diffBox, diffView(text));
        diffButton.setAttribute('aria-expanded', 'true');
        diffButton.textContent = 'Hide diff';
      } catch (e) {
        replace(diffBox, errorBox(e));
      }
    })()));
    let rollback = null;
    if (IS_APPROVER && !v.serving) {
      rollback = el('button', { type: 'button', className: 'danger small rollback' }, 'Roll back to this version');
      rollback.addEventListener('click', async () => {
        if (rollback.dataset.armed !== 'true') {
          rollback.dataset.armed = 'true';
          rollback.textContent = 'Serve ' + shortVersion(v.rulesVersion) + ' again? Click to confirm';
          return;
        }
        try {
          const published = (await busy(rollback, api('POST', API + '/rollback', { json: { commit: v.commit } }))).content;
          toast('Rolled back: version ' + shortVersion(published.rulesVersion) + ' serves now.');
          await historyPage();
        } catch (e) {
          rollback.after(errorBox(e));
        }
      });
    }
    const title = v.message || (v.kind === 'initial' ? 'The rules found at first start' : v.kind);
    return el('li', { className: 'version' + (v.serving ? ' serving' : ''), 'data-commit': v.commit, 'data-version': v.rulesVersion },
      el('h2', {}, title, ' ', v.serving ? el('span', { className: 'badge ok' }, 'serving') : null),
      el('dl', {},
        el('dt', {}, 'Kind'), el('dd', { className: 'kind' }, v.kind),
        el('dt', {}, 'When'), el('dd', {}, when(v.time)),
        el('dt', {}, 'Edited by'), el('dd', { className: 'editor' }, v.editor || '—'),
        el('dt', {}, 'Approved by'), el('dd', { className: 'approver' }, v.approver || '—'),
        el('dt', {}, 'Version'), el('dd', {}, el('code', { title: v.rulesVersion }, shortVersion(v.rulesVersion)),
          ' · commit ', el('code', { title: v.commit }, (v.commit || '').substring(0, 10))),
        el('dt', {}, 'Files'), el('dd', {}, (v.changes || []).length ? changeBadges(v.changes) : el('span', { className: 'muted' }, '—'))),
      el('div', { className: 'actions' }, diffButton, rollback),
      diffBox);
  }

  // ---------- start ----------

  const pages = { rules: rulesPage, file: filePage, drafts: draftsPage, draft: draftPage, history: historyPage };
  const start = pages[body.dataset.page];
  if (start) {
    start().catch(e => toast(e.message)).finally(() => { body.dataset.ready = 'true'; });
  }
})();
