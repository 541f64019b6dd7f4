/*
 * Picks the engine: the WebAssembly GC build over http(s), falling back to the JavaScript build
 * if it cannot load; the JavaScript build from file:// (browsers refuse to fetch Wasm there).
 * ?engine=js or ?engine=wasm forces one, with no fallback. Then the bundle, from the page and its
 * URL (docs/ARCHITECTURE.md, "Bundles"): bench.html has its own; the main page's has no exercises,
 * labs or postMessage API, so ?exercise=, ?lab=, ?embed= and a page another window can message (a
 * frame, or a window a page opened) load the full one. Moving between them is a new page load,
 * which chooses again. Everything else is Java.
 *
 * It runs in <head> before the style sheets, so the bundle's download starts at once instead of
 * after the page's CSS; main runs when the document is parsed (DOMContentLoaded, which the page's
 * deferred script holds until the style sheets have loaded, so the views measure a styled page).
 */
(function () {
  "use strict";
  var root = document.documentElement;

  // Messages from a course page (docs/EMBEDDING.md) are held from the first moment until the
  // emulator is ready (it takes them with Js.takeMessages), so none is dropped: at most 64 wait;
  // beyond that a pagewalk: message is answered "not ready" (no state) at its sender's origin.
  window.__pagewalkInbox = [];
  window.addEventListener("message", function (e) {
    if (window.__pagewalkTake) {
      window.__pagewalkTake(e.data, e.source, String(e.origin));
      return;
    }
    var inbox = window.__pagewalkInbox;
    if (inbox && inbox.length < 64) {
      inbox.push({data: e.data, source: e.source, origin: e.origin});
      return;
    }
    var d = e.data;
    if (e.source && d && typeof d === "object" && typeof d.type === "string" && d.type.indexOf("pagewalk:") === 0
        && d.type !== "pagewalk:result" && d.type !== "pagewalk:ready") {
      try {
        e.source.postMessage({type: "pagewalk:result", version: 2, request: d.type.slice(0, 80),
          id: d.id === undefined ? null : d.id, status: "error", code: "not-ready",
          message: "Pagewalk is still starting and already holds 64 messages: wait for pagewalk:ready"},
          e.origin === "null" ? "*" : e.origin);
      } catch (x) { /* the sender went away */ }
    }
  });

  // Before the first paint, so a page pinned to the other theme never flashes.
  try {
    var theme = window.localStorage.getItem("pagewalk.theme");
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    }
  } catch (e) { /* storage refused: follow the system setting */ }

  // Each bundle's file, named by a hash of its content (pagewalk.3f9c2a1b.js): the build
  // (web.build.BundleHasher) fills this table in the built site. The server lets a browser keep
  // such a file for a year, so a reload takes the bundle and the code compiled from it from the
  // cache; this script is revalidated on every load, so a rebuild's new names are seen at once.
  var FILES = {};

  function loadScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = onload;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  function fail(why) {
    var status = document.getElementById("status");
    if (status) {
      status.textContent = "Pagewalk could not start: " + why;
    }
    document.body.setAttribute("data-engine", "none");
  }

  // Which bundle: a name the JavaScript and the WebAssembly builds share, except that one
  // WebAssembly module (pagewalk.wasm) is the full page.
  function bundle() {
    if (root.getAttribute("data-page") === "bench") {
      return "pagewalk-bench";
    }
    var messaged = window.parent !== window || !!window.opener;
    return messaged || /(?:^|[?&])(?:exercise|lab|embed)=/.test(window.location.search) ? "pagewalk-full" : "pagewalk";
  }

  // Runs once DOMContentLoaded has fired: main wires the page's elements, and reads the scenario
  // library and the styled layout. Not readyState: it is "interactive" before the deferred scripts
  // have run and the style sheets have loaded, and a bundle can arrive in between.
  var parsed = document.readyState === "complete";
  var waiting = [];
  if (!parsed) {
    document.addEventListener("DOMContentLoaded", function () {
      parsed = true;
      for (var i = 0; i < waiting.length; i++) {
        waiting[i]();
      }
      waiting = null;
    });
  }
  function whenParsed(run) {
    if (parsed) {
      run();
    } else {
      waiting.push(run);
    }
  }

  function startJs() {
    var js = FILES[bundle() + ".js"];
    loadScript(js, function () { whenParsed(function () { window.main([]); }); },
        function () { whenParsed(function () { fail(js + " did not load."); }); });
  }

  function startWasm(fallback) {
    var onFailure = fallback ? startJs : function () {
      // From file:// the browser refuses to fetch pagewalk.wasm at all: say that, not "no Wasm GC".
      whenParsed(function () { fail(window.location.protocol === "file:"
          ? "the WebAssembly build cannot load from a file (file://): browsers block fetching it there. "
            + "Serve the folder over http (for example the run command in the README), or open it with ?engine=js."
          : "this browser cannot run the WebAssembly build (it needs WebAssembly GC)."); });
    };
    var module = FILES[bundle() === "pagewalk-bench" ? "pagewalk-bench.wasm" : "pagewalk.wasm"];
    if (served) {
      // The module downloads while the runtime loads; the runtime's fetch of it takes this response
      // (same URL, mode and credentials). From file:// it could not be fetched at all.
      var preload = document.createElement("link");
      preload.rel = "preload";
      preload.as = "fetch";
      preload.crossOrigin = "anonymous";
      preload.href = module;
      document.head.appendChild(preload);
    }
    loadScript(FILES["pagewalk.wasm-runtime.js"], function () {
      // The fallback covers loading only: once main runs, a second engine must not start too.
      TeaVM.wasmGC.load(module).then(function (teavm) {
        whenParsed(function () { teavm.exports.main([]); });
      }, onFailure);
    }, onFailure);
  }

  var forced = /(?:^|[?&])engine=(js|wasm)(?:&|$)/.exec(window.location.search);
  var served = window.location.protocol === "http:" || window.location.protocol === "https:";

  if (forced) {
    if (forced[1] === "wasm") { startWasm(false); } else { startJs(); }
  } else if (served) {
    startWasm(true);
  } else {
    startJs();
  }
})();
