/*
 * The grader of embed-example.html (help/embedding.html explains every message). Both frames are
 * on this page's origin, so they take its commands without ?parent=.
 */
(function () {
  "use strict";
  var walk = document.getElementById("walk-frame");
  var lesson = document.getElementById("lesson-frame");
  var waiting = {};
  var next = 1;

  function ask(frame, message) {
    return new Promise(function (resolve) {
      var id = next++;
      waiting[id] = resolve;
      message.id = id;
      frame.contentWindow.postMessage(message, window.location.origin === "null" ? "*" : window.location.origin);
    });
  }

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || typeof d !== "object") {
      return;
    }
    if (d.type === "pagewalk:result" && waiting[d.id]) {
      waiting[d.id](d);
      delete waiting[d.id];
    } else if (e.source === lesson.contentWindow && (d.type === "pagewalk:action" || d.type === "pagewalk:expect")) {
      var li = document.createElement("li");
      li.textContent = d.line + " → " + d.result.status
          + (d.result.access && !d.result.access.fault ? " (physical " + d.result.access.physical
              + (d.result.access.hit ? ", TLB hit)" : ", walked)") : "");
      document.getElementById("events").appendChild(li);
    }
  });

  // Events go to windows that talked to the frame: say hello once it has loaded.
  lesson.addEventListener("load", function () {
    ask(lesson, {type: "pagewalk:hello"});
  });

  document.getElementById("grade").addEventListener("click", function () {
    var out = document.getElementById("grade-result");
    out.textContent = "Grading…";
    ask(walk, {type: "pagewalk:load", scenario: "03-first-mapping.pw", run: false}).then(function () {
      return ask(walk, {type: "pagewalk:step", count: 1000});
    }).then(function (r) {
      var read = r.results.filter(function (x) { return x.source === "read user 0x08048000"; })[0];
      var checks = [
        ["the lesson ran without an error", r.status !== "error"],
        ["every expect held (" + r.passed + " held, " + r.failed + " failed)", r.status === "passed"],
        ["0x08048000 is at physical 0x00255000", !!read && read.access.physical === "0x00255000"],
        ["its first read walked (TLB miss)", !!read && read.access.hit === false]
      ];
      var score = checks.filter(function (c) { return c[1]; }).length;
      out.textContent = "Score " + score + "/" + checks.length + "\n" + checks.map(function (c) {
        return (c[1] ? "✓ " : "✗ ") + c[0];
      }).join("\n");
      out.dataset.score = String(score);
    });
  });
})();
