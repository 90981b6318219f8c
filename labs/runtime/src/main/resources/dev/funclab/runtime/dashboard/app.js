// The dashboard's page: draws the host's state, follows its events, runs functions, shows storage.
// Plain JavaScript served by the host itself: no build step, nothing fetched from the network.
'use strict';

const api = '/admin/dashboard/';
const calls = new Map();          // call id -> its row of the calls table
let state = null;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  children.forEach(child => node.append(child));
  return node;
}

async function load() {
  await loadApp();
  state.recent.forEach(call => drawCall(call));
  drawCost(state.cost);
  follow();
  refreshWorkflow();
}

// The app's functions, again after a hot reload replaced it.
async function loadApp() {
  state = await (await fetch(api + 'state')).json();
  drawFunctions(state.functions);
  document.getElementById('runs-section').hidden = !state.runs;
  document.getElementById('mail-section').hidden = !state.mail;
}

// ---- an app's workflow: its run history and the mail it sent (Lab 4)

let workflowTimer = null;
function refreshWorkflow() {
  if (workflowTimer || !(state.runs || state.mail)) return;
  workflowTimer = setTimeout(async () => {
    workflowTimer = null;
    if (state.runs) await drawRuns();
    if (state.mail) await drawMail();
  }, 300);
}

async function drawRuns() {
  document.getElementById('runs-path').textContent = state.runs;
  const response = await fetch(state.runs, { headers: { 'x-functions-key': state.functionKey } });
  if (!response.ok) return;
  const runs = await response.json();
  document.querySelector('#runs tbody').replaceChildren(...runs.map(run => element('tr', { 'data-mid': run.mid },
    element('td', { text: run.mid }), element('td', { text: run.status }),
    element('td', {}, ...run.steps.map(step => element('div', { class: 'step',
      text: `${step.at} ${step.step}: ${step.outcome}${step.detail ? ' (' + step.detail + ')' : ''}` }))))));
}

async function drawMail() {
  const response = await fetch(api + 'mail');
  const body = document.querySelector('#mail tbody');
  if (!response.ok) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: 5, class: 'note', text: await response.text() })));
    return;
  }
  const mails = await response.json();
  body.replaceChildren(...mails.reverse().map(mail => element('tr', { class: 'mail' },
    element('td', { text: new Date(mail.sentAt).toLocaleTimeString() }), element('td', { text: mail.to.join(', ') }),
    element('td', { text: mail.subject }), element('td', { text: mail.text }),
    element('td', { text: mail.attachments.map(a => `${a.fileName} (${a.contentType}, ${a.size} bytes)`).join(', ') }))));
}

// ---- functions and the runner

function drawFunctions(functions) {
  const body = document.querySelector('#functions tbody');
  body.replaceChildren();
  for (const f of functions) {
    const bindings = element('td');
    for (const b of f.bindings) {
      bindings.append(element('span', { class: 'binding ' + b.direction, text: `${b.type} ${b.name}` +
          (b.path || b.queueName || b.tableName ? ` (${b.path || b.queueName || b.tableName})` : '') }));
    }
    const trigger = f.path ? `${f.methods.join(',')} ${f.path}` : f.trigger;
    body.append(element('tr', { 'data-function': f.name },
      element('td', { text: f.name }), element('td', { text: trigger }), bindings,
      element('td', {}, element('button', { class: 'run-button', 'data-function': f.name, text: 'Run now',
        onclick: () => openRunner(f) }))));
  }
}

function openRunner(f) {
  document.getElementById('runner').hidden = false;
  document.getElementById('runner-name').textContent = f.name;
  document.getElementById('runner-http').hidden = !f.path;
  document.getElementById('runner-body-label').firstChild.textContent = f.path ? 'Body' : 'Input (the message, or the blob path)';
  const methods = document.getElementById('runner-method');
  methods.replaceChildren(...(f.methods.includes('ALL') ? ['GET', 'POST', 'PUT', 'DELETE'] : f.methods)
    .map(m => element('option', { text: m })));
  document.getElementById('runner-path').value = f.path || '';
  document.getElementById('runner-result').textContent = '';
  document.getElementById('runner-send').onclick = () => run(f);
}

async function run(f) {
  const out = document.getElementById('runner-result');
  const body = document.getElementById('runner-body').value;
  let response;
  if (f.path) {
    const method = document.getElementById('runner-method').value;
    response = await fetch(document.getElementById('runner-path').value, {
      method, headers: { 'x-functions-key': state.functionKey },
      body: method === 'GET' || method === 'HEAD' ? undefined : body });
  } else {
    response = await fetch('/admin/functions/' + encodeURIComponent(f.name), {
      method: 'POST', headers: { 'x-functions-key': state.masterKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: body }) });
  }
  const text = await response.text();
  out.textContent = `${response.status} ${response.statusText}\n\n${text}` +
    (response.status === 202 ? '(started: see its call below)' : '');
}

document.getElementById('runner-close').onclick = () => { document.getElementById('runner').hidden = true; };

// ---- calls, live

function drawCall(call) {
  let row = calls.get(call.id);
  if (!row) {
    row = { main: element('tr', { class: 'invocation', 'data-function': call.function, 'data-id': call.id }),
            log: element('tr', { class: 'log', hidden: '' }, element('td', { colspan: 5 })) };
    row.main.addEventListener('click', () => { row.log.hidden = !row.log.hidden; });
    calls.set(call.id, row);
    const body = document.querySelector('#invocations tbody');
    body.prepend(row.log);
    body.prepend(row.main);
    (call.lines || []).forEach(line => addLine(row, line));
  }
  row.main.replaceChildren(
    element('td', { text: new Date(call.started).toLocaleTimeString() }),
    element('td', { text: call.function }),
    element('td', { class: 'status status-' + call.status, text: call.status }),
    element('td', { text: call.status === 'Running' ? '' : call.millis + ' ms' }),
    element('td', { text: call.reason }));
  if (call.error) addLine(row, call.error);
}

function addLine(row, line) {
  row.log.firstChild.append(element('div', { class: 'log-line', text: line }));
}

function follow() {
  const badge = document.getElementById('connection');
  const events = new EventSource(api + 'events');
  events.onopen = () => { badge.textContent = 'live'; };
  events.onerror = () => { badge.textContent = 'disconnected (is the host running?)'; };
  events.onmessage = message => {
    const event = JSON.parse(message.data);
    if (event.type === 'started' || event.type === 'finished') {
      drawCall(event);
      // The page's own reading of the run history is a call too: it must not set off another reading.
      const runsFunction = state.functions.find(f => f.path === state.runs);
      if (event.type === 'finished') {
        refreshCost();
        if (!runsFunction || event.function !== runsFunction.name) refreshWorkflow();
      }
    } else if (event.type === 'log') {
      const row = calls.get(event.id);
      if (row) addLine(row, event.line);
    } else if (event.type === 'notice') {
      notice(event.kind, event.text);
    } else if (event.type === 'app') {
      loadApp();
    }
  };
}

function notice(kind, text) {
  const box = document.getElementById('notices');
  box.replaceChildren(element('div', { class: 'notice ' + kind, text }));
}

// ---- cost

let costTimer = null;
function refreshCost() {
  if (costTimer) return;
  costTimer = setTimeout(async () => {
    costTimer = null;
    drawCost(await (await fetch(api + 'cost')).json());
  }, 500);
}

function drawCost(bill) {
  const body = document.querySelector('#cost tbody');
  const row = line => element('tr', {}, element('td', { text: line.name }),
    element('td', { text: line.executions.toLocaleString() }), element('td', { text: line.gbSeconds.toLocaleString(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) }),
    element('td', { text: '$' + line.dollars.toFixed(6) }));
  body.replaceChildren(...bill.functions.map(row), row(bill.total), row(bill.month));
  document.getElementById('cost-badge').textContent = `${bill.total.executions} calls · $${bill.total.dollars.toFixed(6)}`;
  document.getElementById('cost-note').replaceChildren(
    `Memory in use when each call ends, rounded up to 128 MB (at most 1,536 MB), times its time rounded up to 1 ms ` +
    `(100 ms at least); $0.20 per million executions and $0.000016 per GB-s, after a monthly free grant of ` +
    `1 million executions and 400,000 GB-s (`, element('a', { href: bill.pricingPage, text: 'pricing page' }),
    `). This run: ${Math.round(bill.runSeconds)} s.`);
}

// ---- storage

async function loadStorage() {
  const box = document.getElementById('storage');
  const response = await fetch(api + 'storage');
  if (!response.ok) {
    box.replaceChildren(element('p', { class: 'note', text: await response.text() }));
    return;
  }
  const storage = await response.json();
  const queues = element('table', { id: 'queues' }, element('tr', {}, ...['Queue', 'Messages', 'Poison', '']
    .map(h => element('th', { text: h }))));
  for (const q of storage.queues) {
    const actions = element('td', {},
      element('button', { text: 'Peek', onclick: () => peek(q.name) }),
      q.poison > 0 ? element('button', { text: 'Requeue poison', onclick: () => post('requeue?queue=' + q.name) }) : '',
      element('button', { text: 'Clear', onclick: () => post('clear?queue=' + q.name) }));
    queues.append(element('tr', {}, element('td', { text: q.name }), element('td', { text: q.depth }),
      element('td', { text: q.poison }), actions));
  }
  const containers = element('div', { id: 'containers' });
  for (const c of storage.containers) {
    const list = element('ul');
    for (const b of c.blobs) {
      const url = api + 'blob?container=' + encodeURIComponent(c.name) + '&name=' + encodeURIComponent(b.name);
      const type = b.contentType || '';
      const preview = /\.(jpe?g|png|gif)$/i.test(b.name) || type.startsWith('image/')
        ? element('img', { class: 'thumb', src: url, alt: b.name })
        : /\.wav$/i.test(b.name) || type.startsWith('audio/') ? element('audio', { controls: '', src: url }) : '';
      list.append(element('li', {}, element('a', { href: url, download: b.name, text: b.name }),
        ` (${b.size.toLocaleString()} bytes) `, preview));
    }
    containers.append(element('h4', { text: c.name }), list);
  }
  const tables = element('div', { id: 'tables' });
  for (const t of storage.tables) {
    const columns = [...new Set(t.rows.flatMap(r => Object.keys(r)))];
    const table = element('table', {}, element('tr', {}, ...columns.map(k => element('th', { text: k }))));
    t.rows.forEach(r => table.append(element('tr', {}, ...columns.map(k => element('td', { text: r[k] ?? '' })))));
    tables.append(element('h4', { text: t.name }), table);
  }
  box.replaceChildren(element('h3', { text: 'Queues' }), queues, element('pre', { id: 'peek', hidden: '' }),
    element('h3', { text: 'Blobs' }), containers,
    element('h3', { text: 'Tables' }), tables);
}

// The first messages of a queue, left where they are.
async function peek(queue) {
  const box = document.getElementById('peek');
  const response = await fetch(api + 'peek?queue=' + encodeURIComponent(queue));
  const texts = response.ok ? await response.json() : [await response.text()];
  box.textContent = `${queue}: ${texts.length ? '' : '(empty)'}\n` + texts.join('\n');
  box.hidden = false;
}

async function post(path) {
  const response = await fetch(api + path, { method: 'POST' });
  if (!response.ok) alert(await response.text());
  await loadStorage();
}

document.getElementById('storage-load').onclick = loadStorage;
document.getElementById('storage-reset').onclick = async () => {
  if (!confirm('Empty every container, queue and table of the emulator\'s storage?')) return;
  const response = await fetch(api + 'reset', { method: 'POST' });
  notice(response.ok ? 'info' : 'error', response.ok ? (await response.json()).message : await response.text());
  await loadStorage();
};

load();
