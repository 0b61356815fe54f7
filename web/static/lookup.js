// The professionals' lookup page: place autocomplete, the route for a situation, free search.
// Everything updates as you type, through the same JSON API the chat uses.
import { debounce, el, getJson, link } from "./dom.js";

const placeInput = document.getElementById("place");
const placeList = document.getElementById("place-suggestions");
const placeStatus = document.getElementById("place-status");
const placeCandidates = document.getElementById("place-candidates");
const situation = document.getElementById("situation");
const role = document.getElementById("role");
const urgency = document.getElementById("urgency");
const age = document.getElementById("age");
const routeResult = document.getElementById("route-result");
const copyStatus = document.getElementById("copy-status");
const freeSearch = document.getElementById("free-search");
const searchResult = document.getElementById("search-result");

const STATUS_TEXT = { open: "nu bereikbaar", closed: "nu gesloten", unknown: "uren niet gekend" };
const KIND_TEXT = {
  phone: "Telefoon", chat: "Chat", web: "Website", email: "E-mail", whatsapp: "WhatsApp",
  sms: "Sms", walk_in: "Langsgaan", address: "Adres",
};
const QUESTION_TEXT = {
  place: "Geef een gemeente of postcode: dan verschijnen ook de lokale diensten.",
  age: "Geef de leeftijd: sommige diensten zijn er maar voor een leeftijdsgroep.",
};

// Only the newest answer is shown, even when an older request comes back later.
let routeRequest = 0;
let searchRequest = 0;

// The labels come from the API (knowledge/source_labels.py), the same as the chat's "Bron:" line.
function sourceItem(ref) {
  return ref.url ? link(ref.url, ref.label) : ref.label;
}

function sourceLine(label, refs) {
  if (!refs || !refs.length) return null;
  const line = el("p", { className: "sources" }, `${label}: `);
  refs.forEach((ref, index) => {
    if (index) line.append("; ");
    line.append(sourceItem(ref));
  });
  return line;
}

function contactText(actor) {
  const lines = [actor.name];
  for (const channel of actor.channels) {
    if (channel.value) lines.push(`${KIND_TEXT[channel.kind] || channel.kind}: ${channel.value}`);
  }
  return lines.join("\n");
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (_) {
    // Older browsers, or a page without clipboard permission: copy through a selection.
    const area = el("textarea", { className: "visually-hidden", "aria-hidden": "true" }, text);
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  copyStatus.textContent = "";
  copyStatus.textContent = "Contactgegevens gekopieerd.";
}

function channelItem(channel) {
  const label = KIND_TEXT[channel.kind] || channel.kind;
  const item = el("li", {}, `${label}: `);
  if (!channel.value) item.append(el("em", {}, "niet gekend"));
  else item.append(channel.href ? link(channel.value, channel.href) : channel.value);
  if (channel.value) {
    const when = channel.always_open ? "dag en nacht" : STATUS_TEXT[channel.status_now];
    item.append(el("span", { className: `status status-${channel.status_now}` }, ` (${when})`));
  }
  if (channel.hours_note) item.append(el("span", { className: "hours-note" }, ` ${channel.hours_note}`));
  return item;
}

// `lead`: what goes between the name and the description (on the route: why, and what to say).
function actorCard(actor, headingLevel, lead = []) {
  const card = el("div", { className: "actor" });
  card.append(
    el(`h${headingLevel}`, {}, actor.name, " ",
      el("span", { className: `badge status-${actor.reachable_now}` }, STATUS_TEXT[actor.reachable_now])),
    ...lead,
    el("p", { className: "description" }, actor.description),
  );
  if (actor.audience_note) card.append(el("p", { className: "audience" }, actor.audience_note));
  const channels = actor.channels.filter((channel) => channel.kind in KIND_TEXT);
  if (channels.length) card.append(el("ul", { className: "contacts" }, ...channels.map(channelItem)));
  const copyButton = el("button", { type: "button", className: "copy" }, "Kopieer contactgegevens");
  copyButton.setAttribute("aria-label", `Kopieer contactgegevens van ${actor.name}`);
  copyButton.addEventListener("click", () => copy(contactText(actor)));
  card.append(copyButton);
  if (actor.may_be_outdated) {
    card.append(el("p", { className: "warning" },
      `Let op: deze gegevens zijn van ${actor.dated_as_of || "een oudere datum"} en kunnen verouderd zijn.`));
  }
  card.append(sourceLine(`Bron contactgegevens (gezien op ${actor.provenance.seen_on})`, actor.provenance.source_refs));
  return card;
}

function renderRoute(data) {
  const parts = [];
  if (data.place) {
    parts.push(el("p", { className: "route-place" }, `Route voor ${data.place.name} (${data.place.province}).`));
  }
  for (const note of data.notes) parts.push(el("p", { className: "note" }, note));
  for (const question of data.questions) {
    parts.push(el("p", { className: "note" }, QUESTION_TEXT[question] || question));
  }
  if (data.recommendations.length) {
    const steps = el("ol", { className: "route" });
    for (const step of data.recommendations) {
      const lead = [
        el("p", { className: "reason" }, el("strong", {}, "Waarom: "), step.reason),
        sourceLine("Bron van deze stap", step.source_refs),
      ];
      if (step.say) lead.push(el("p", { className: "say" }, el("strong", {}, "Zeg of vraag: "), step.say));
      if (step.added_because === "reachable_now") {
        lead.push(el("p", { className: "note" }, "Toegevoegd omdat de vorige stap nu niet bereikbaar is."));
      }
      const item = el("li", { className: "step" }, actorCard(step.actor, 3, lead.filter(Boolean)));
      steps.append(item);
    }
    parts.push(steps);
  } else {
    parts.push(el("p", {}, "Geen route gevonden voor deze keuze."));
  }
  // A keyboard user inside the old route (on a copy button, say) would otherwise be sent back to
  // the top of the page when the new route replaces it.
  const hadFocus = routeResult.contains(document.activeElement);
  routeResult.replaceChildren(...parts.filter(Boolean));
  if (hadFocus) routeResult.focus();
}

function routeBody() {
  const [kind, value] = situation.value.split(":");
  const body = { concern: kind === "concern" ? value : "young_child", role: role.value || null };
  if (kind === "flag") {
    body.flags = [value];
    body.role = "hospital";
  }
  if (urgency.value) body.urgency = urgency.value;
  const place = placeInput.value.trim();
  if (place) body.place = place;
  const years = parseInt(age.value, 10);
  if (!Number.isNaN(years) && years >= 0 && years <= 25) body.age_months = years * 12;
  return body;
}

async function updateRoute() {
  const ticket = ++routeRequest;
  routeResult.setAttribute("aria-busy", "true");
  let result;
  try {
    result = await getJson("/api/route", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(routeBody()),
    });
  } catch (_) {
    result = { ok: false, data: null };
  }
  if (ticket !== routeRequest) return;
  routeResult.setAttribute("aria-busy", "false");
  if (!result.ok) {
    const detail = result.data && typeof result.data.detail === "string" ? result.data.detail : "";
    routeResult.replaceChildren(el("p", { className: "warning" }, `De route kon niet worden opgehaald. ${detail}`));
    return;
  }
  renderRoute(result.data);
}

function describePlace(place) {
  return `${place.name} (${place.province})`;
}

async function updatePlace() {
  const query = placeInput.value.trim();
  placeCandidates.replaceChildren();
  if (!query) {
    placeList.replaceChildren();
    placeStatus.textContent = "";
    return;
  }
  const result = await getJson(`/api/places?q=${encodeURIComponent(query)}&limit=8`);
  if (!result.ok || query !== placeInput.value.trim()) return;
  const data = result.data;
  placeList.replaceChildren(...data.suggestions.map((place) => el("option", { value: place.name })));
  if (data.status === "resolved") {
    placeStatus.textContent = `Gevonden: ${describePlace(data.candidates[0])}.`;
  } else if (data.status === "ambiguous") {
    placeStatus.textContent = data.message || "Deze postcode hoort bij meer dan één gemeente. Kies:";
    const group = el("div", { role: "group", "aria-label": "Kies de gemeente" });
    for (const place of data.candidates) {
      const button = el("button", { type: "button", className: "secondary" }, describePlace(place));
      button.addEventListener("click", () => {
        placeInput.value = place.name;
        updatePlace();
        updateRoute();
        placeInput.focus();
      });
      group.append(button);
    }
    placeCandidates.append(group);
  } else {
    placeStatus.textContent = data.message || "Geen gemeente gevonden.";
  }
}

function faqItem(entry) {
  const item = el("li", { className: "faq" });
  const details = el("details", {}, el("summary", {}, entry.question));
  details.append(el("p", {}, entry.answer), el("p", { className: "sources" }, entry.source_line));
  item.append(details);
  return item;
}

async function updateSearch() {
  const query = freeSearch.value.trim();
  const ticket = ++searchRequest;
  if (!query) {
    searchResult.replaceChildren();
    return;
  }
  const q = encodeURIComponent(query);
  const [actors, faq] = await Promise.all([
    getJson(`/api/actors?q=${q}&limit=5`).catch(() => ({ ok: false })),
    getJson(`/api/faq/search?q=${q}&limit=5`).catch(() => ({ ok: false })),
  ]);
  if (ticket !== searchRequest) return;
  const actorList = actors.ok ? actors.data.actors : [];
  const faqList = faq.ok ? faq.data.results : [];
  searchResult.replaceChildren(
    el("h3", {}, `Organisaties (${actorList.length})`),
    actorList.length
      ? el("ul", { className: "actors" }, ...actorList.map((actor) => el("li", {}, actorCard(actor, 4))))
      : el("p", {}, "Geen organisatie gevonden."),
    el("h3", {}, `Vragen en antwoorden (${faqList.length})`),
    faqList.length ? el("ul", { className: "faqs" }, ...faqList.map(faqItem)) : el("p", {}, "Geen antwoord gevonden."),
  );
}

document.getElementById("route-form").addEventListener("submit", (event) => event.preventDefault());
const routeSoon = debounce(updateRoute, 200);
placeInput.addEventListener("input", debounce(() => { updatePlace(); updateRoute(); }, 200));
for (const control of [situation, role, urgency]) control.addEventListener("change", updateRoute);
age.addEventListener("input", routeSoon);
freeSearch.addEventListener("input", debounce(updateSearch, 200));
updateRoute();
