// Shared by the profile scripts: Debian's Chromium, a page load timed to the first paint, the 4 GiB page.
const puppeteer = require('puppeteer-core');
const zlib = require('zlib');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function browser() {
  return puppeteer.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox']});
}

async function page(b) {
  const p = await b.newPage();
  await p.setViewport({width: 1280, height: 800});
  return p;
}

function hex(v) {
  return '0x' + (v >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** The share link of FrontEndFiguresTest's 4 GiB machine with 1,000 pages mapped (packed: #run=~). */
function fourGibLink() {
  const lines = ['boot ceanos ram=4G', 'init_mm'];
  for (let k = 0; k < 1000; k++) {
    lines.push('memMapPage ' + hex(0x08048000 + k * 4096) + ' ' + hex(0x01000000 + k * 4096) + ' USER|WRITE');
  }
  return '#run=~' + zlib.deflateRawSync(Buffer.from(lines.join('\n')), {level: 9}).toString('base64url');
}

/** FrontEndFiguresTest's 10,000-line share link: boot, init_mm, then 1,000 pages each mapped, written and read. */
function tenThousandLineLink() {
  const lines = ['boot ceanos', 'init_mm'];
  const accesses = ['write user %s %d', 'read user %s', 'translate user read %s', 'read user %s', 'write user %s %d',
    'read kernel %s', 'read user %s', 'translate user write %s', 'read user %s'];
  for (let k = 0; lines.length < 10000; k++) {
    const p = hex(0x08048000 + k * 4096);
    lines.push('memMapPage ' + p + ' ' + hex(0x01000000 + k * 4096) + ' USER|WRITE');
    for (let a = 0; a < accesses.length && lines.length < 10000; a++) {
      lines.push(accesses[a].replace('%s', p).replace('%d', String(k)));
    }
  }
  return '#run=~' + zlib.deflateRawSync(Buffer.from(lines.join('\n')), {level: 9}).toString('base64url');
}

/** A fresh navigation (from about:blank, caches warm) to the first screen painted; its time from navigation in ms. */
async function loadToPaint(p, url) {
  await p.goto('about:blank');
  await p.goto(url);
  await p.waitForFunction("performance.getEntriesByName('pagewalk-painted').length > 0", {timeout: 60000});
  return p.evaluate(() => performance.getEntriesByName('pagewalk-painted')[0].startTime);
}

/** A load that is ready for actions: every view drawn, the lesson or link run. */
async function loadReady(p, url) {
  await loadToPaint(p, url);
  await p.waitForFunction("document.body.dataset.ready === '1' && !document.body.dataset.drawing", {timeout: 60000});
}

function median(values) {
  const s = [...values].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/** Self and total time per function of a V8 CPU profile, divided by {@code per}. */
function byFunction(profile, per) {
  const nodes = {};
  const parent = {};
  for (const n of profile.nodes) {
    nodes[n.id] = n;
  }
  // Profiler.stop names each node's children; a trace's ProfileChunk names each node's parent.
  for (const n of profile.nodes) {
    for (const c of n.children || []) {
      parent[c] = n.id;
    }
    if (n.parent) {
      parent[n.id] = n.parent;
    }
  }
  const self = {};
  const total = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] || 0) / 1000 / per;
    let id = profile.samples[i];
    const name = nodes[id].callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      continue;
    }
    self[name] = (self[name] || 0) + dt;
    const seen = new Set();
    for (; id; id = parent[id]) {
      const f = nodes[id].callFrame.functionName;
      if (f && !seen.has(f)) {
        seen.add(f);
        total[f] = (total[f] || 0) + dt;
      }
    }
  }
  return {self, total};
}

function printTop(title, table, n) {
  console.log(title);
  Object.entries(table).sort((a, b) => b[1] - a[1]).slice(0, n)
      .forEach(([k, v]) => console.log(v.toFixed(3).padStart(10), k));
}

module.exports = {browser, page, fourGibLink, tenThousandLineLink, loadToPaint, loadReady, median, byFunction, printTop};
