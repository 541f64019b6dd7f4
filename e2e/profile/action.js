// One action on the 4 GiB page (FrontEndFiguresTest's): a read of a page no earlier action read, with its redraw.
//   node action.js js 3 http://localhost:8080/ http://localhost:8081/   JavaScript, style and layout, ms (median of 45 actions a load)
//   node action.js --profile js http://localhost:8080/                  a V8 CPU profile of 60 actions (a non-minified build names functions)
const {browser, page, fourGibLink, loadReady, median, byFunction, printTop} = require('./common');

function withEngine(url, engine) {
  return url + (url.includes('?') ? '&' : '?') + 'engine=' + engine + fourGibLink();
}

/** In the page: n actions, each timed in three parts, the next after the frame that painted the last. */
function actions(n) {
  return `(async () => {
    const js = [], style = [], layout = [];
    for (let i = 0; i < ${n}; i++) {
      const t0 = performance.now();
      window.pagewalk.run('read user 0x' + ((0x08048000 + ((i * 97) % 1000) * 4096) >>> 0).toString(16));
      const t1 = performance.now();
      getComputedStyle(document.body).color;
      const t2 = performance.now();
      document.body.offsetHeight;
      const t3 = performance.now();
      js.push(t1 - t0); style.push(t2 - t1); layout.push(t3 - t2);
      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return {js, style, layout};
  })()`;
}

async function split(engine, rounds, urls) {
  const b = await browser();
  const p = await page(b);
  const parts = urls.map(() => ({js: [], style: [], layout: []}));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < urls.length; i++) {
      await loadReady(p, withEngine(urls[i], engine));
      const o = await p.evaluate(actions(45));
      for (const k of ['js', 'style', 'layout']) {
        parts[i][k].push(median(o[k]));
      }
      await p.evaluate(() => localStorage.clear());
    }
  }
  urls.forEach((u, i) => console.log(u, ['js', 'style', 'layout'].map(k => k + ' ' + median(parts[i][k]).toFixed(2)).join(', '), 'ms'));
  await b.close();
}

async function profile(engine, url) {
  const b = await browser();
  const p = await page(b);
  await loadReady(p, withEngine(url, engine));
  const cdp = await p.target().createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {interval: 100});
  await cdp.send('Profiler.start');
  await p.evaluate(actions(60));
  const {profile: prof} = await cdp.send('Profiler.stop');
  const {self, total} = byFunction(prof, 60);
  printTop('self ms an action', self, 30);
  printTop('total ms an action', total, 50);
  await b.close();
}

const args = process.argv.slice(2);
(args[0] === '--profile' ? profile(args[1], args[2]) : split(args[0], +args[1], args.slice(2)))
    .catch(e => { console.error(e.message); process.exit(1); });
