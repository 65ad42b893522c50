// Parallax: pages that follow the running stories. Listens to /api/v1/events and reloads the
// page a few seconds after a change it shows (on a story page, that story; on the river, any);
// a note at the top says so. Without this script the pages are the same, only static.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var story = document.documentElement.getAttribute("data-story");
  var note = document.createElement("div");
  note.setAttribute("role", "status");
  note.style.cssText = "position:sticky;top:0;padding:.4rem .8rem;background:#fff8d6;border-bottom:1px solid #e0c860;font:14px system-ui,sans-serif;display:none";
  document.body.insertBefore(note, document.body.firstChild);
  var timer = null;
  var changes = 0;
  function changed(event) {
    var data = {};
    try { data = JSON.parse(event.data || "{}"); } catch (e) { return; }
    if (story && String(data.story) !== story && String(data.merged) !== story && event.type !== "stream.reset") return;
    changes += 1;
    note.textContent = changes + (changes === 1 ? " change" : " changes") + " since this page was made: it reloads in a moment.";
    note.style.display = "block";
    if (!timer) timer = setTimeout(function () { location.reload(); }, 3000);
  }
  var source = new EventSource("/api/v1/events");
  ["story.created", "story.updated", "story.merged", "stream.reset"].forEach(function (kind) {
    source.addEventListener(kind, changed);
  });
})();
