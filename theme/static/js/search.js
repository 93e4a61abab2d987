// The search page: Pagefind's JavaScript API behind a Danish, accessible interface.
// The query, filters and sort order live in the page URL (?q=…&udvalg=…), so a search can be
// shared and bookmarked. Without JavaScript the page shows how to browse instead (soeg.html).

// Five results at a time: each loads a fragment of its page, and a phone screen shows about three.
const PAGE_SIZE = 5;
const SUB_RESULTS = 3;
const FILTER_LABELS = { type: "Type", udvalg: "Udvalg", "år": "År", tema: "Tema" };
const FILTER_ORDER = Object.keys(FILTER_LABELS);
// Small words of a question ("hvad besluttede udvalget om …?") that would otherwise have to occur on
// every result page.
const STOPWORDS = new Set(
  ("af alle at blev bliver da de dem den der det du efter eller en er et for fra har hos hvad hvem hvilke " +
    "hvor hvordan hvorfor hvornår i jeg kan man med mig men nogle når og om os på sig skal som til ud " +
    "var vi vil være")
    .split(" "),
);

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

// Pagefind loads in the background; the form listens from the start, so early typing is not lost.
const ready = (async () => {
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname, excerptLength: 30 });
  await pagefind.init();
  // Loading the filters first also makes every search report its filter counts.
  return { pagefind, allFilters: await pagefind.filters() };
})();

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

function queryWords(query) {
  const words = query.toLowerCase().replace(/[?!.,;:"»«]/g, " ").split(/\s+/).filter(Boolean);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  return meaningful.length ? meaningful : words;
}

// Pagefind finds the pages that hold every word. When none does, look for each word on its own and
// rank the pages by how many of the words they hold, then by Pagefind's score.
async function searchWords(pagefind, words, settings) {
  const all = await pagefind.search(words.join(" "), settings);
  if (!all || all.results.length || words.length < 2) return { search: all, partial: false };
  const each = await Promise.all(words.map((word) => pagefind.search(word, settings)));
  if (each.some((search) => !search)) return { search: null, partial: false };
  const merged = new Map();
  for (const search of each) {
    for (const result of search.results) {
      const seen = merged.get(result.id) || { result, words: 0, score: 0 };
      seen.words += 1;
      seen.score += result.score;
      merged.set(result.id, seen);
    }
  }
  const results = [...merged.values()]
    .sort((a, b) => b.words - a.words || b.score - a.score)
    .map((entry) => entry.result);
  return { search: { ...all, results }, partial: results.length > 0 };
}

// One search from the form's state to the rendered list; the status line changes only once the
// results it announces are on the page, and aria-busy marks the list while it is being replaced.
async function run(state) {
  const number = ++searchNumber;
  section.setAttribute("aria-busy", "true");
  try {
    await render(state, number);
  } finally {
    if (number === searchNumber) section.removeAttribute("aria-busy");
  }
}

async function render(state, number) {
  const { pagefind, allFilters } = await ready;
  if (number !== searchNumber) return;
  const filters = pagefindFilters(state.filters);
  const hasFilters = Object.keys(filters).length > 0;
  if (!state.query && !hasFilters) {
    renderFilters(allFilters, state.filters);
    section.hidden = true;
    status.textContent = "";
    return;
  }
  const settings = { filters, sort: state.sort === "nyeste" ? { dato: "desc" } : undefined };
  const { search, partial } = state.query
    ? await searchWords(pagefind, queryWords(state.query), settings)
    : { search: await pagefind.search(null, settings), partial: false };
  if (number !== searchNumber || !search) return;
  renderFilters(search.totalFilters, state.filters);
  pending = search.results.slice();
  list.replaceChildren();
  await showMore();
  if (number !== searchNumber) return;
  const count = search.results.length;
  const about = state.query ? ` for »${state.query}«` : "";
  const found = `${plural(count, "resultat", "resultater")}${about}`;
  status.textContent = !count
    ? `Ingen resultater${about}. Prøv et andet eller et kortere ord, eller fjern et filter.`
    : partial
      ? `Ingen sider indeholder alle ordene. ${found}, der indeholder nogle af dem.`
      : `${found}.`;
  section.hidden = count === 0;
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
if (!input.value) input.value = initial.query;
sortSelect.value = initial.sort === "nyeste" ? "nyeste" : "relevans";
run({ ...initial, query: input.value.trim() });
