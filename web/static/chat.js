// Minimal chat client for POST /api/chat. The session id lives in sessionStorage only,
// so a closed browser leaves no trail.
(function () {
  "use strict";
  const list = document.getElementById("messages");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  const KEY = "chat_session_id";

  function show(sender, text) {
    const item = document.createElement("div");
    item.className = "message " + sender;
    item.textContent = text;
    list.appendChild(item);
  }

  async function send(message) {
    show("user", message);
    return post(message);
  }

  async function post(message) {
    const body = { message: message };
    const sessionId = sessionStorage.getItem(KEY);
    if (sessionId) body.session_id = sessionId;
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status === 404) {
      sessionStorage.removeItem(KEY);
      return post(message);
    }
    const data = await response.json();
    if (!response.ok) {
      show("bot", data.detail || "Er ging iets mis.");
      return;
    }
    sessionStorage.setItem(KEY, data.session_id);
    data.messages.forEach(function (m) { show("bot", m.text); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
