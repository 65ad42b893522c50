// Parallax: pages that follow the running stories. Listens to /api/v1/events (on the river,
// from the change the list was made at) and reloads the page a few seconds after a change it
// shows (on a story page, that story; on the river, any);
// a note at the top says so. On a story page, what is new or changed since the reader first
// opened it in this tab (a summary sentence, a fact with more origins, a divergence, a
// document) is marked "new" after each reload, until the reader marks it read. Without this
// script the pages are the same, only static.
(function () {
  "use strict";
  var story = document.documentElement.getAttribute("data-story");
  var note = document.createElement("div");
  note.setAttribute("role", "status");
  note.style.cssText = "position:sticky;top:0;padding:.4rem .8rem;background:#fff8d6;border-bottom:1px solid #e0c860;font:14px system-ui,sans-serif;display:none";
  document.body.insertBefore(note, document.body.firstChild);

  // What the page shows, item by item: every list item and table row of the briefing, and the
  // headline, each known by its text.
  function items() {
    var out = [];
    var found = document.querySelectorAll("main h1, main li, main tr");
    for (var i = 0; i < found.length; i++) {
      var text = (found[i].textContent || "").replace(/\s+/g, " ").trim();
      if (text) out.push([found[i], text]);
    }
    return out;
  }

  // The items seen when this tab first opened the story (sessionStorage: this tab only).
  var key = story ? "parallax-seen-" + story : null;
  function remember() {
    try {
      sessionStorage.setItem(key, JSON.stringify(items().map(function (p) { return p[1]; })));
    } catch (e) { /* storage full or refused: nothing is marked */ }
  }
  function markNew() {
    var seen = null;
    try { seen = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { seen = null; }
    if (!seen) { remember(); return; }
    var known = {};
    seen.forEach(function (t) { known[t] = true; });
    var fresh = items().filter(function (p) { return !known[p[1]]; });
    if (!fresh.length) return;
    fresh.forEach(function (p) {
      p[0].className += " new";
      p[0].style.background = "#fff8d6";
    });
    note.textContent = fresh.length + (fresh.length === 1 ? " item is" : " items are") +
      " new or changed since you opened this page (marked in yellow). ";
    var read = document.createElement("button");
    read.type = "button";
    read.textContent = "Mark as read";
    read.addEventListener("click", function () {
      remember();
      fresh.forEach(function (p) {
        p[0].className = p[0].className.replace(/\s*\bnew\b/g, "");
        p[0].style.background = "";
      });
      note.style.display = "none";
    });
    note.appendChild(read);
    note.style.display = "block";
  }
  if (key && window.sessionStorage) markNew();

  if (!window.EventSource) return;
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
  // From the change the page was made at: one made while it loaded is not missed.
  var since = document.documentElement.getAttribute("data-since");
  var source = new EventSource("/api/v1/events" + (/^[0-9]+$/.test(since || "") ? "?since=" + since : ""));
  // Marked once the stream is open: what is changed from now on reloads the page.
  source.addEventListener("open", function () {
    document.documentElement.setAttribute("data-live", "open");
  });
  ["story.created", "story.updated", "story.merged", "story.carded", "stream.reset"].forEach(function (kind) {
    source.addEventListener(kind, changed);
  });
})();
