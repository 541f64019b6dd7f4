// A V8 CPU profile of one of bench.html's workloads, Pagewalk alone (bench.html?profile=...), in JavaScript.
//   node bench-profile.js http://localhost:8080/ miss4K     (hit4K, hit4M, miss4K, miss4M; a non-minified build names functions)
const {browser, page, byFunction, printTop} = require('./common');

async function run(url, workload) {
  const b = await browser();
  const p = await page(b);
  const cdp = await p.target().createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {interval: 200});
  await cdp.send('Profiler.start');
  await p.goto(url + 'bench.html?engine=js&profile=' + workload);
  await p.waitForFunction("document.body.dataset.bench === 'done'", {timeout: 600000, polling: 1000});
  const {profile: prof} = await cdp.send('Profiler.stop');
  console.log(JSON.stringify(await p.evaluate(() => window.pagewalkBench)));
  const {self} = byFunction(prof, 1);
  const sum = Object.values(self).reduce((a, v) => a + v, 0);
  const shares = {};
  Object.entries(self).forEach(([k, v]) => { shares[k] = 100 * v / sum; });
  printTop('% of the samples (self)', shares, 25);
  await b.close();
}

run(process.argv[2], process.argv[3] || 'miss4K').catch(e => { console.error(e.message); process.exit(1); });
