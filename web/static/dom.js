// Small DOM helpers shared by the chat and the lookup page. Text always goes in as text nodes,
// never as HTML, so nothing a person or the knowledge base writes can become markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function link(text, href) {
  const external = /^https?:/i.test(href);
  return el("a", external ? { href, target: "_blank", rel: "noopener noreferrer" } : { href }, text);
}

// The server lists the links in a text in order (phone numbers, e-mail and web addresses).
export function linkedText(text, links = []) {
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const item of links) {
    const start = text.indexOf(item.text, position);
    if (start < 0) continue;
    fragment.append(text.slice(position, start), link(item.text, item.href));
    position = start + item.text.length;
  }
  fragment.append(text.slice(position));
  return fragment;
}

export async function getJson(url, options = {}) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, ...options });
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = null;
  }
  return { ok: response.ok, status: response.status, data };
}

export function debounce(fn, milliseconds) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), milliseconds);
  };
}
