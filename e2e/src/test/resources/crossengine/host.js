// A course page that embeds Pagewalk from another origin and drives it through postMessage:
// map a page, then translate an address in it; every reply is kept for the test to read.
(function () {
  var src = decodeURIComponent(location.search.replace(/^\?frame=/, ''));
  var origin = new URL(src).origin;
  var frame = document.createElement('iframe');
  frame.title = 'Pagewalk';
  frame.width = '900';
  frame.height = '600';
  frame.src = src;
  document.getElementById('frame-slot').appendChild(frame);
  window.__replies = [];
  function send(message) {
    frame.contentWindow.postMessage(message, origin);
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) {
      return;
    }
    var data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
    window.__replies.push(data);
    if (data.type === 'pagewalk:ready') {
      send({type: 'pagewalk:run', id: 'map', line: 'memMapPage 0x0804C000 0x00600000 WRITE|USER'});
    } else if (data.type === 'pagewalk:result' && String(data.id) === 'map') {
      send({type: 'pagewalk:run', id: 'translate', line: 'translate user 0x0804C004'});
    }
  });
})();
