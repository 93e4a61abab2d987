// The search page: Pagefind's JavaScript API behind a Danish, accessible interface.
// The query, filters and sort order live in the page URL (?q=…&udvalg=…), so a search can be
// shared and bookmarked. Without JavaScript the page shows how to browse instead (soeg.html).

const PAGE_SIZE = 10;
const SUB_RESULTS = 3;
const FILTER_LABELS = { type: "Type", udvalg: "Udvalg", "år": "År", tema: "Tema" };
const FILTER_ORDER = Object.keys(FILTER_LABELS);

// The site root, found from this file's own address (theme/js/search.js), so the site also works
// when it is published under a sub-path.
const root = new URL("../../", import.meta.url);

const form = document.getElementById("soeg");
const input = document.getElementById("soeg-ord");
const options = document.getElementById("soeg-valg");
const filterBox = document.getElementById("soeg-filtre");
const sortSelect = document.getElementById("soeg-sortering");
const status = document.getElementById("soeg-status");
const section = document.getElementById("soeg-resultater");
const list = document.getElementById("soeg-liste");
const moreButton = document.getElementById("soeg-flere");

document.getElementById("soeg-uden-js").hidden = true;

const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
await pagefind.options({ baseUrl: root.pathname, excerptLength: 30 });
await pagefind.init();
// Loading the filters first also makes every search report its filter counts.
const allFilters = await pagefind.filters();

let pending = [];
let searchNumber = 0;

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Pagefind marks the matched words with <mark>; everything else in an excerpt is shown as text.
function excerptHtml(excerpt) {
  return escapeHtml(excerpt).replace(/&#60;(\/?)mark&#62;/g, "<$1mark>");
}

function plural(count, one, many) {
  return `${count.toLocaleString("da-DK")} ${count === 1 ? one : many}`;
}

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const key of params.keys()) {
    if (key !== "q" && key !== "sortering") filters[key] = params.getAll(key);
  }
  return { query: params.get("q") || "", filters, sort: params.get("sortering") || "relevans" };
}

function formState() {
  const data = new FormData(form);
  const filters = {};
  for (const box of filterBox.querySelectorAll("input:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { query: (data.get("q") || "").trim(), filters, sort: data.get("sortering") || "relevans" };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(key, value);
  }
  if (state.sort !== "relevans") params.set("sortering", state.sort);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
}

function sortedValues(key, counts) {
  const values = Object.keys(counts);
  if (key === "år") return values.sort().reverse();
  return values.sort((a, b) => a.localeCompare(b, "da"));
}

function renderFilters(available, selected) {
  const keys = Object.keys(available).sort(
    (a, b) => (FILTER_ORDER.indexOf(a) + 1 || 99) - (FILTER_ORDER.indexOf(b) + 1 || 99),
  );
  // Keep keyboard focus on the box the reader just toggled when the boxes are redrawn.
  const focused = filterBox.contains(document.activeElement) ? document.activeElement : null;
  filterBox.replaceChildren();
  for (const key of keys) {
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = FILTER_LABELS[key] || key;
    fieldset.append(legend);
    for (const value of sortedValues(key, available[key])) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.checked = (selected[key] || []).includes(value);
      label.append(box, ` ${value} `);
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = `(${available[key][value].toLocaleString("da-DK")})`;
      label.append(count);
      fieldset.append(label);
    }
    filterBox.append(fieldset);
  }
  options.hidden = keys.length === 0;
  const chosen = Object.values(selected).flat().length + (sortSelect.value === "nyeste" ? 1 : 0);
  document.getElementById("soeg-valgt").textContent = chosen ? ` (${chosen} valgt)` : "";
  if (chosen) options.open = true;
  if (focused) {
    const again = [...filterBox.querySelectorAll("input")].find(
      (box) => box.name === focused.name && box.value === focused.value,
    );
    again?.focus();
  }
}

function pagefindFilters(filters) {
  const result = {};
  for (const [key, values] of Object.entries(filters)) {
    if (values.length) result[key] = { any: values };
  }
  return result;
}

function score(sub) {
  return sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
}

// The agenda items (or other headed sections) where the words were found, best first.
function subResults(data) {
  const page = data.url.split("#")[0];
  return data.sub_results
    .filter((sub) => sub.url !== page && sub.url.includes("#"))
    .sort((a, b) => score(b) - score(a))
    .slice(0, SUB_RESULTS);
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "result";
  const meta = [data.meta.type, data.meta.dato, data.meta.udvalg].filter(Boolean);
  const subs = subResults(data)
    .map(
      (sub) => `<li><a href="${escapeHtml(sub.url)}">${escapeHtml(sub.title)}</a>
        <p>${excerptHtml(sub.excerpt)}</p></li>`,
    )
    .join("");
  item.innerHTML = `
    <p class="result-meta">${meta.map(escapeHtml).join(" · ")}</p>
    <h3><a href="${escapeHtml(data.url)}">${escapeHtml(data.meta.title || data.url)}</a></h3>
    ${subs ? `<ul class="sub-results">${subs}</ul>` : `<p>${excerptHtml(data.excerpt)}</p>`}`;
  return item;
}

async function showMore() {
  const batch = pending.splice(0, PAGE_SIZE);
  const number = searchNumber;
  const pages = await Promise.all(batch.map((result) => result.data()));
  if (number !== searchNumber) return;
  list.append(...pages.map(resultItem));
  moreButton.hidden = pending.length === 0;
}

async function run(state) {
  const number = ++searchNumber;
  const filters = pagefindFilters(state.filters);
  const hasFilters = Object.keys(filters).length > 0;
  if (!state.query && !hasFilters) {
    renderFilters(allFilters, state.filters);
    section.hidden = true;
    status.textContent = "";
    return;
  }
  const search = await pagefind.search(state.query || null, {
    filters,
    sort: state.sort === "nyeste" ? { dato: "desc" } : undefined,
  });
  if (number !== searchNumber || !search) return;
  renderFilters(search.totalFilters, state.filters);
  pending = search.results.slice();
  list.replaceChildren();
  const count = search.results.length;
  const about = state.query ? ` for »${state.query}«` : "";
  status.textContent = count
    ? `${plural(count, "resultat", "resultater")}${about}.`
    : `Ingen resultater${about}. Prøv et andet eller et kortere ord, eller fjern et filter.`;
  section.hidden = count === 0;
  await showMore();
}

let timer;
function update() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const state = formState();
    writeState(state);
    run(state);
  }, 250);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const state = formState();
  writeState(state);
  run(state);
});
input.addEventListener("input", update);
form.addEventListener("change", update);
moreButton.addEventListener("click", () => showMore());

const initial = readState();
input.value = initial.query;
sortSelect.value = initial.sort === "nyeste" ? "nyeste" : "relevans";
await run(initial);
