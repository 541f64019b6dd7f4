// The first render, from navigation to the first screen painted (the pagewalk-painted mark).
//   node first-render.js js 9 http://localhost:8080/ http://localhost:8081/   loads alternating; the median per site
//   node first-render.js --trace js http://localhost:8080/                   one traced load: main-thread time by kind, then its tasks
//   node first-render.js --profile js http://localhost:8080/                 one load's CPU profile up to the mark, by function
// --link10k before any of these opens FrontEndFiguresTest's 10,000-line share link instead of the page alone.
const fs = require('fs');
const os = require('os');
const path = require('path');
const {browser, page, loadToPaint, median, byFunction, printTop, tenThousandLineLink} = require('./common');

const KINDS = ['ParseHTML', 'ParseAuthorStyleSheet', 'EvaluateScript', 'v8.compile', 'FunctionCall', 'UpdateLayoutTree',
  'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks'];

/** The URL with ?engine= (before its fragment: a share link's #run= stays the fragment). */
function withEngine(url, engine) {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  return base + (base.includes('?') ? '&' : '?') + 'engine=' + engine + (hash < 0 ? '' : url.slice(hash));
}

async function alternate(engine, rounds, urls) {
  const b = await browser();
  const p = await page(b);
  const times = urls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < urls.length; i++) {
      times[i].push(Math.round(await loadToPaint(p, withEngine(urls[i], engine))));
    }
  }
  urls.forEach((u, i) => console.log(u, 'median', median(times[i]), 'ms', JSON.stringify(times[i])));
  await b.close();
}

/** Each trace event's own time: its duration less that of the kinds nested in it. */
function mainThreadByKind(events, pid, tid, from, to) {
  const main = events.filter(e => e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= from && e.ts <= to)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = {};
  const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) {
      stack.pop();
    }
    if (KINDS.includes(e.name)) {
      const outer = [...stack].reverse().find(s => KINDS.includes(s.name));
      if (outer) {
        out[outer.name] -= e.dur / 1000;
      }
      out[e.name] = (out[e.name] || 0) + e.dur / 1000;
    }
    stack.push(e);
  }
  return out;
}

/** The trace events of one load (after two that warm the caches and the code cache, as in the table). */
async function tracedLoad(engine, url, categories) {
  const file = path.join(os.tmpdir(), 'pagewalk-first-render.json');
  const b = await browser();
  const p = await page(b);
  for (let i = 0; i < 2; i++) {
    await loadToPaint(p, withEngine(url, engine));
  }
  await p.goto('about:blank');
  await p.tracing.start({path: file, categories});
  await p.goto(withEngine(url, engine));
  await p.waitForFunction("performance.getEntriesByName('pagewalk-painted').length > 0", {timeout: 60000});
  await p.tracing.stop();
  await b.close();
  return JSON.parse(fs.readFileSync(file)).traceEvents;
}

/** The V8 CPU profile a trace carries, as Profiler.stop would give it, cut at the mark. */
async function profile(engine, url) {
  const events = await tracedLoad(engine, url, ['blink.user_timing', 'v8', 'disabled-by-default-v8.cpu_profiler']);
  const painted = events.find(e => e.name === 'pagewalk-painted');
  const chunks = {};
  for (const e of events) {
    if (e.pid !== painted.pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) {
      continue;
    }
    const c = chunks[e.id] || (chunks[e.id] = {nodes: [], samples: [], timeDeltas: [], startTime: 0});
    if (e.name === 'Profile') {
      c.startTime = e.args.data.startTime;
    } else {
      const d = e.args.data;
      c.nodes.push(...((d.cpuProfile || {}).nodes || []));
      c.samples.push(...((d.cpuProfile || {}).samples || []));
      c.timeDeltas.push(...(d.timeDeltas || []));
    }
  }
  // The renderer's main thread: the profile whose functions include Pagewalk's main.
  const prof = Object.values(chunks).find(c => c.nodes.some(n => /main/.test(n.callFrame.functionName)));
  let t = prof.startTime;
  let keep = 0;
  while (keep < prof.samples.length && (t += prof.timeDeltas[keep] || 0) <= painted.ts) {
    keep++;
  }
  prof.samples = prof.samples.slice(0, keep);
  prof.timeDeltas = prof.timeDeltas.slice(0, keep);
  const {self, total} = byFunction(prof, 1);
  printTop('self ms up to the first paint', self, 30);
  printTop('total ms up to the first paint', total, 60);
}

async function trace(engine, url) {
  const events = await tracedLoad(engine, url, ['devtools.timeline', 'blink.user_timing', 'v8', 'toplevel', 'loading']);
  const threads = {};
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') {
      threads[e.pid + ':' + e.tid] = e.args.name;
    }
  }
  const painted = events.find(e => e.name === 'pagewalk-painted');
  const pid = painted.pid;
  const start = events.filter(e => e.name === 'navigationStart' && e.pid === pid && e.ts <= painted.ts)
      .sort((a, b) => b.ts - a.ts)[0].ts;
  const tid = +Object.keys(threads).find(k => k.startsWith(pid + ':') && threads[k] === 'CrRendererMain').split(':')[1];
  const ms = t => ((t - start) / 1000).toFixed(1);
  console.log('painted at', ms(painted.ts), 'ms after navigation (tracing on)');
  console.log('main-thread time by kind, ms:');
  Object.entries(mainThreadByKind(events, pid, tid, start, painted.ts)).sort((a, b) => b[1] - a[1])
      .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
  console.log('main-thread tasks over 1 ms (start, duration):');
  events.filter(e => e.ph === 'X' && e.pid === pid && e.tid === tid && e.name === 'ThreadControllerImpl::RunTask'
      && e.dur > 1000 && e.ts >= start && e.ts <= painted.ts).sort((a, b) => a.ts - b.ts).forEach(e => {
    const inside = events.filter(k => k.ph === 'X' && k.tid === tid && k.pid === pid && k.ts >= e.ts
        && k.ts + k.dur <= e.ts + e.dur && KINDS.includes(k.name) && k.dur > 500)
        .map(k => k.name + ' ' + (k.dur / 1000).toFixed(1)).slice(0, 6).join(', ');
    console.log(ms(e.ts).padStart(8), (e.dur / 1000).toFixed(1).padStart(7), inside);
  });
  for (const name of ['domContentLoadedEventStart', 'firstContentfulPaint']) {
    const e = events.find(x => x.name === name && x.pid === pid && x.ts > start);
    if (e) {
      console.log(name, ms(e.ts));
    }
  }
}

const link = process.argv[2] === '--link10k';
const args = process.argv.slice(link ? 3 : 2).map((a, i) => (a.startsWith('http') && link ? a + tenThousandLineLink() : a));
const modes = {'--trace': trace, '--profile': profile};
(modes[args[0]] ? modes[args[0]](args[1], args[2]) : alternate(args[0], +args[1], args.slice(2)))
    .catch(e => { console.error(e.message); process.exit(1); });
