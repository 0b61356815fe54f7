// The chat on another website, with one script tag:
//   <script src="(address of this server)/static/widget.js" defer></script>
// It adds a button that opens the chat in a frame served by this server, so the chat keeps its
// own security policy and storage. The site must be listed in WIDGET_ORIGINS on the server.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.textContent = "Chat: hulp voor je kind of gezin";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "brede-instap-chat");
  var s = toggle.style;
  s.position = "fixed"; s.right = "1rem"; s.bottom = "1rem"; s.zIndex = "2147483000";
  s.padding = ".75rem 1rem"; s.border = "0"; s.borderRadius = "1.5rem"; s.font = "600 1rem system-ui, sans-serif";
  s.background = "#1f4e8c"; s.color = "#fff"; s.cursor = "pointer";

  var frame = document.createElement("iframe");
  frame.id = "brede-instap-chat";
  frame.title = "Chat: waar kan ik terecht met mijn vraag over mijn kind of gezin?";
  frame.src = origin + "/widget";
  frame.hidden = true;
  var f = frame.style;
  f.position = "fixed"; f.right = "1rem"; f.bottom = "4.5rem"; f.zIndex = "2147483000";
  f.width = "min(24rem, calc(100vw - 2rem))"; f.height = "min(36rem, calc(100vh - 6rem))";
  f.border = "1px solid #5a5a5a"; f.borderRadius = ".5rem"; f.background = "#fff";

  toggle.addEventListener("click", function () {
    frame.hidden = !frame.hidden;
    toggle.setAttribute("aria-expanded", String(!frame.hidden));
    if (!frame.hidden) frame.focus();
  });

  // "Snel weg" in the chat: leave this whole site, not just the frame.
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== "brede-instap-quick-exit") return;
    var target = String(event.data.url || "about:blank");
    if (target === "about:blank" || /^https?:/i.test(target)) window.location.replace(target);
  });

  document.body.append(toggle, frame);
})();
