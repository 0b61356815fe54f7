// The parents' chat. The session id the server issues is kept in sessionStorage only: it
// survives a reload of this tab, and is gone when the tab or the browser closes, so a shared
// family device keeps no trail. "Snel weg" deletes the conversation on the server as well.
import { el, getJson, linkedText } from "./dom.js";

const SESSION_KEY = "chat_session_id";
const ESCAPE_WINDOW_MS = 1500;

const list = document.getElementById("messages");
const form = document.getElementById("chat-form");
const input = document.getElementById("chat-input");
const typing = document.getElementById("typing");
const main = document.getElementById("main");
const quickExitUrl = document.body.dataset.quickExitUrl || "about:blank";

let busy = false;

function scrollToEnd() {
  main.scrollTop = main.scrollHeight;
}

// Buttons of earlier bot messages stay visible for the record, but are answered: not clickable.
function closeOpenButtons() {
  for (const button of list.querySelectorAll(".quick-replies button:not([disabled])")) {
    button.disabled = true;
  }
}

function showUser(text) {
  list.append(el("div", { className: "message user" }, el("span", { className: "visually-hidden" }, "Jij: "), text));
  scrollToEnd();
}

function showBot(message, clickable) {
  const bubble = el("div", { className: "message bot" }, el("span", { className: "visually-hidden" }, "Assistent: "));
  bubble.append(linkedText(message.text || "", message.links));
  list.append(bubble);
  if (message.buttons && message.buttons.length) {
    const group = el("div", { className: "quick-replies", role: "group", "aria-label": "Kies een antwoord" });
    for (const choice of message.buttons) {
      const button = el("button", { type: "button" }, choice.title);
      button.disabled = !clickable;
      button.addEventListener("click", () => {
        if (!button.disabled) send(choice.payload, choice.title);
      });
      group.append(button);
    }
    list.append(group);
  }
  scrollToEnd();
}

function showNotice(text) {
  list.append(el("div", { className: "message bot notice" }, text));
  scrollToEnd();
}

function setBusy(value) {
  busy = value;
  typing.hidden = !value;
  list.setAttribute("aria-busy", value ? "true" : "false");
  if (value) scrollToEnd();
}

async function post(message, buttonTitle) {
  const body = { message };
  const sessionId = sessionStorage.getItem(SESSION_KEY);
  if (sessionId) body.session_id = sessionId;
  if (buttonTitle) body.button_title = buttonTitle;
  const result = await getJson("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (result.status === 404 && sessionId) {
    // The server forgot this conversation (expired): start a new one with the same message.
    sessionStorage.removeItem(SESSION_KEY);
    return post(message, buttonTitle);
  }
  return result;
}

async function send(message, buttonTitle) {
  if (busy) return;
  closeOpenButtons();
  showUser(buttonTitle || message);
  setBusy(true);
  let result;
  try {
    result = await post(message, buttonTitle);
  } catch (_) {
    result = { ok: false, data: null };
  } finally {
    setBusy(false);
  }
  if (!result.ok || !result.data) {
    const detail = result.data && typeof result.data.detail === "string" ? result.data.detail : null;
    showNotice(detail || "Er ging iets mis met de verbinding. Probeer het opnieuw. In nood: bel 112.");
    input.focus();
    return;
  }
  const data = result.data;
  if (data.ended) {
    // The person typed a quick-exit phrase: the server already deleted everything.
    sessionStorage.removeItem(SESSION_KEY);
    list.replaceChildren();
  } else {
    sessionStorage.setItem(SESSION_KEY, data.session_id);
  }
  // Buttons of this reply stay clickable until the person answers, by a click or by typing.
  data.messages.forEach((message) => showBot(message, true));
  input.focus();
}

async function restore() {
  const sessionId = sessionStorage.getItem(SESSION_KEY);
  if (!sessionId) return;
  const result = await getJson(`/api/chat/${encodeURIComponent(sessionId)}/history`);
  if (!result.ok) {
    sessionStorage.removeItem(SESSION_KEY);
    return;
  }
  const turns = result.data.turns;
  const lastAnswer = turns.map((turn) => turn.sender).lastIndexOf("user");
  turns.forEach((turn, index) => {
    if (turn.sender === "user") showUser(turn.text);
    else showBot(turn, index > lastAnswer);
  });
}

function forgetOnServer(sessionId, keepalive) {
  if (!sessionId) return Promise.resolve();
  // keepalive: the delete still goes out while the page is being replaced.
  return fetch(`/api/chat/${encodeURIComponent(sessionId)}`, { method: "DELETE", keepalive }).catch(() => {});
}

function quickExit() {
  const sessionId = sessionStorage.getItem(SESSION_KEY);
  sessionStorage.clear();
  document.title = "";
  document.body.replaceChildren();
  forgetOnServer(sessionId, true);
  if (window.parent !== window) {
    // Inside the widget: the site around it must go too (widget.js listens for this).
    window.parent.postMessage({ type: "brede-instap-quick-exit", url: quickExitUrl }, "*");
  }
  window.location.replace(quickExitUrl);
}

async function newConversation() {
  const sessionId = sessionStorage.getItem(SESSION_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  list.replaceChildren();
  await forgetOnServer(sessionId, false);
  showNotice("Het vorige gesprek is gewist. Waarmee kan ik je helpen?");
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || busy) return;
  input.value = "";
  send(text);
});

document.getElementById("quick-exit").addEventListener("click", quickExit);
document.getElementById("new-chat").addEventListener("click", newConversation);

let lastEscape = 0;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const now = Date.now();
  if (now - lastEscape <= ESCAPE_WINDOW_MS) quickExit();
  lastEscape = now;
});

restore();
