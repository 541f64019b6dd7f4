// The floor of the first render: a copy of a built site whose boot.js loads the same bundle but, instead of
// calling main, marks the next painted frame as main does (Js.firstScreenDrawn).
//   node stub-site.js web/target/site /tmp/pagewalk-stub
const fs = require('fs');
const [site, out] = process.argv.slice(2);
fs.rmSync(out, {recursive: true, force: true});
fs.cpSync(site, out, {recursive: true});
const mark = "(requestAnimationFrame(function () { setTimeout(function () { performance.mark('pagewalk-painted'); }, 0); }))";
const boot = fs.readFileSync(out + '/boot.js', 'utf8');
const calls = ['window.main([])', 'teavm.exports.main([])'];
if (!calls.every(c => boot.includes(c))) {
  console.error('boot.js no longer calls ' + calls.join(' and ') + ': update stub-site.js');
  process.exit(1);
}
fs.writeFileSync(out + '/boot.js', calls.reduce((text, c) => text.split(c).join(mark), boot));
console.log('stub site in ' + out + ': serve it with java -jar web/target/pagewalk-server.jar --dir ' + out + ' --port N');
