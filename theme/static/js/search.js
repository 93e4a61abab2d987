// The search page: Pagefind's JavaScript API behind a Danish, accessible interface.
// The query, filters and sort order live in the page URL (?q=…&udvalg=…), so a search can be
// shared and bookmarked. Without JavaScript the page shows how to browse instead (soeg.html).

// Five results at a time: each loads a fragment of its page, and a phone screen shows about three.
const PAGE_SIZE = 5;
const SUB_RESULTS = 3;
// Most results a fallback search loads to sort them by date.
const SORT_LIMIT = 100;
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
// The extra search terms the pages carry (partials/search.html) sit between these brackets; they are
// indexed but never shown in an excerpt.
const TERMS = /(<mark>)?⟦[^⟧]*⟧(<\/mark>)?|^[^⟦]*?⟧(<\/mark>)?|(<mark>)?⟦[^⟧]*$/g;
// The address parameter that carries the searched words to the page a result opens (highlight.js).
const HIGHLIGHT_PARAM = "fremhaev";
// A decision in the decision register leads to its agenda item: its heading's id names the meeting
// page and the item (decisions.html), e.g. "beslutning-1:referater/luu-pa-amu/2024-09-16/punkt-3".
const DECISION_ID = /^beslutning-\d+:(.+\/)(punkt-[^/]+)$/;
// How long typing must pause before the result count is announced to screen readers.
const ANNOUNCE_AFTER_TYPING_MS = 1000;

// The site root, found from this file's own address (theme/js/search.js), so the site also works
// when it is published under a sub-path.
const root = new URL("../../", import.meta.url);

const form = document.getElementById("soeg");
const input = document.getElementById("soeg-ord");
const options = document.getElementById("soeg-valg");
const chosenLabel = document.getElementById("soeg-valgt");
const filterBox = document.getElementById("soeg-filtre");
const sortSelect = document.getElementById("soeg-sortering");
const status = document.getElementById("soeg-status");
const section = document.getElementById("soeg-resultater");
const list = document.getElementById("soeg-liste");
const moreButton = document.getElementById("soeg-flere");
const withoutScript = document.getElementById("soeg-uden-js");

// The index is in parts (plugins/search/parts.py): pagefind/ holds the pages, and each part that
// pagefind/dele.json names (newest first) the minutes of some whole years. Each part is merged with
// a filter that names it, so that "Nyeste først" can take the parts in order.
const PART_FILTER = "indeksdel";
const MAIN_PART = "sider";

// Pagefind loads in the background; the form listens from the start, so early typing is not lost.
const ready = (async () => {
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  // Minutes are long pages that hold the records; Pagefind's default length penalty (0.75) let a
  // short guide chapter that mentions a word once outrank the meeting that discussed it.
  // The searched words go with each result's address, for the page to mark them (highlight.js).
  const settings = {
    baseUrl: root.pathname,
    excerptLength: 30,
    ranking: { pageLength: 0.4 },
    highlightParam: HIGHLIGHT_PARAM,
  };
  await pagefind.options(settings);
  await pagefind.init();
  const parts = await (await fetch(new URL("pagefind/dele.json", root))).json();
  await pagefind.options({ mergeFilter: { [PART_FILTER]: MAIN_PART } });
  for (const part of parts) {
    const path = new URL(`pagefind/${part}/`, root).pathname;
    await pagefind.mergeIndex(path, { ...settings, mergeFilter: { [PART_FILTER]: part } });
  }
  // Loading the filters first also makes every search report its filter counts.
  const allFilters = withoutParts(await pagefind.filters());
  return { pagefind: inOrder(pagefind, [...parts, MAIN_PART]), allFilters };
})();

// A merged index can return a page twice (Pagefind 1.5.2); the reader sees each page once.
function once(results) {
  const seen = new Set();
  return results.filter((result) => !seen.has(result.id) && seen.add(result.id));
}

// The parts' own filter is not for the reader.
function withoutParts(filters) {
  const { [PART_FILTER]: _, ...rest } = filters || {};
  return rest;
}

// Pagefind merges the results of all parts by score. Sorted by date, a part's scores are its pages'
// places in that part's order, so the parts would interleave: a sorted search takes the parts one by
// one instead, newest first, as many as have results (the merged search counts them per part).
function inOrder(pagefind, order) {
  return {
    async search(term, settings) {
      const merged = await pagefind.search(term, settings);
      if (!merged) return merged;
      const counts = (merged.filters || {})[PART_FILTER] || {};
      let results = merged.results;
      if (settings.sort && order.length > 1) {
        results = [];
        for (const part of order.filter((name) => counts[name])) {
          const filters = { ...settings.filters, [PART_FILTER]: part };
          results.push(...(await pagefind.search(term, { ...settings, filters })).results);
        }
      }
      return {
        ...merged,
        results: once(results),
        filters: withoutParts(merged.filters),
        totalFilters: withoutParts(merged.totalFilters),
      };
    },
  };
}
ready.then(
  () => {
    withoutScript.hidden = true;
  },
  () => {
    status.textContent = "Søgningen kunne ikke indlæses. Prøv igen senere, eller find vej herunder.";
  },
);

let current = { number: 0, pending: [], key: "" };
let statusTimer;
let filtersDrawn = "";

function plural(count, one, many) {
  return `${count.toLocaleString("da-DK")} ${count === 1 ? one : many}`;
}

function decoded(text) {
  const scratch = document.createElement("textarea");
  scratch.innerHTML = text;
  return scratch.value;
}

// An excerpt as DOM nodes: Pagefind's <mark> around the matched words, everything else as text.
// A short section's excerpt starts with its heading, which the result shows as its link already:
// ``heading`` is then left out.
function excerptNodes(excerpt, heading = "") {
  const pieces = excerpt.replace(TERMS, "").split(/(<\/?mark>)/);
  const plain = pieces.filter((piece) => !/^<\/?mark>$/.test(piece)).map(decoded).join("");
  let skip = heading && plain.startsWith(heading) && plain.length > heading.length ? heading.length : 0;
  const nodes = [];
  let marked = false;
  for (const piece of pieces) {
    if (piece === "<mark>" || piece === "</mark>") {
      marked = piece === "<mark>";
    } else if (piece) {
      let content = decoded(piece);
      if (skip) {
        const dropped = Math.min(skip, content.length);
        skip -= dropped;
        content = content.slice(dropped);
        if (!skip) content = content.replace(/^[\s.:]+/, "");
        if (!content) continue;
      }
      const text = document.createTextNode(content);
      if (marked) {
        const mark = document.createElement("mark");
        mark.append(text);
        nodes.push(mark);
      } else {
        nodes.push(text);
      }
    }
  }
  return nodes;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, attributes);
  node.append(...children);
  return node;
}

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const key of FILTER_ORDER) {
    if (params.has(key)) filters[key] = params.getAll(key);
  }
  return { query: params.get("q") || "", filters, sort: params.get("sortering") === "nyeste" ? "nyeste" : "relevans" };
}

function formState() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { query: input.value.trim(), filters, sort: sortSelect.value };
}

// Only filter values the index knows: a stray or stale parameter in a shared link is dropped.
function knownFilters(filters, allFilters) {
  const known = {};
  for (const [key, values] of Object.entries(filters)) {
    const kept = values.filter((value) => allFilters[key] && value in allFilters[key]);
    if (kept.length) known[key] = kept;
  }
  return known;
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

function sortedValues(key, values) {
  if (key === "år") return values.sort().reverse();
  return values.sort((a, b) => a.localeCompare(b, "da"));
}

function filterKeys(available) {
  return Object.keys(available).sort(
    (a, b) => (FILTER_ORDER.indexOf(a) + 1 || 99) - (FILTER_ORDER.indexOf(b) + 1 || 99),
  );
}

// The filter boxes. They are drawn once per set of values; later searches only update the counts,
// so keyboard focus and a screen reader's place stay where they were. Values without results are
// hidden unless chosen.
function showFilters(allFilters, counts, selected, first) {
  const keys = filterKeys(allFilters);
  const shape = JSON.stringify(keys.map((key) => [key, Object.keys(allFilters[key])]));
  if (shape !== filtersDrawn) {
    filtersDrawn = shape;
    filterBox.replaceChildren(
      ...keys.map((key) =>
        element(
          "fieldset",
          {},
          element("legend", { textContent: FILTER_LABELS[key] || key }),
          ...sortedValues(key, Object.keys(allFilters[key])).map((value) =>
            element(
              "label",
              {},
              element("input", { type: "checkbox", name: key, value }),
              ` ${value} `,
              element("span", { className: "count" }),
            ),
          ),
        ),
      ),
    );
  }
  for (const box of filterBox.querySelectorAll("input")) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.checked = (selected[box.name] || []).includes(box.value);
    box.closest("label").hidden = count === 0 && !box.checked;
    box.closest("label").querySelector(".count").textContent = `(${count.toLocaleString("da-DK")})`;
  }
  options.hidden = keys.length === 0;
  const chosen = Object.values(selected).flat().length + (sortSelect.value === "nyeste" ? 1 : 0);
  chosenLabel.textContent = chosen ? ` (${chosen} ${chosen === 1 ? "valgt" : "valgte"})` : "";
  if (first && chosen) options.open = true;
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

// Where a sub-result leads: its section, or for a decision in the register its agenda item.
function subUrl(sub) {
  const decision = DECISION_ID.exec(sub.anchor?.id || "");
  if (!decision) return sub.url;
  const target = new URL(decision[1], root);
  target.search = new URL(sub.url, window.location.href).search;
  target.hash = decision[2];
  return target.pathname + target.search + target.hash;
}

// The agenda items (or other headed sections) where the words were found, best first.
function subResults(data) {
  const page = data.url.split("#")[0];
  return data.sub_results
    .filter((sub) => sub.url !== page && sub.url.includes("#"))
    .sort((a, b) => score(b) - score(a))
    .slice(0, SUB_RESULTS);
}

// One result: the heading first (for readers who jump by heading), then type, date and committee.
function resultItem(data) {
  const meta = [data.meta.type, data.meta.dato, data.meta.udvalg].filter(Boolean).join(" · ");
  const subs = subResults(data);
  const body = subs.length
    ? element(
        "ul",
        { className: "sub-results" },
        ...subs.map((sub) =>
          element("li", {}, element("a", { href: subUrl(sub), textContent: sub.title }), element("p", {}, ...excerptNodes(sub.excerpt, sub.title))),
        ),
      )
    : element("p", {}, ...excerptNodes(data.excerpt));
  return element(
    "li",
    { className: "result" },
    element("h3", {}, element("a", { href: data.url, textContent: data.meta.title || data.url })),
    element("p", { className: "result-meta", textContent: meta }),
    body,
  );
}

function announce(text, delay) {
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    status.textContent = text;
  }, delay);
}

async function showMore(search, { focus = false } = {}) {
  const batch = search.pending.splice(0, PAGE_SIZE);
  moreButton.disabled = true;
  const pages = await Promise.all(batch.map((result) => (result.loaded ? result.loaded : result.data())));
  if (search !== current) return;
  const items = pages.map(resultItem);
  list.append(...items);
  moreButton.disabled = false;
  moreButton.hidden = search.pending.length === 0;
  if (focus && items.length) items[0].querySelector("h3 a").focus();
  return list.children.length;
}

function queryWords(query) {
  const words = query.toLowerCase().replace(/[?!.,;:"»«]/g, " ").split(/\s+/).filter(Boolean);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  return meaningful.length ? meaningful : words;
}

function sumFilters(searches) {
  const total = {};
  for (const search of searches) {
    for (const [key, values] of Object.entries(search.totalFilters)) {
      total[key] ||= {};
      for (const [value, count] of Object.entries(values)) total[key][value] = (total[key][value] || 0) + count;
    }
  }
  return total;
}

// Pagefind finds the pages that hold every word. When none does, look for each word on its own and
// rank the pages by how many of the words they hold, then by Pagefind's score (or by date).
async function searchWords(pagefind, words, settings, newest) {
  const all = await pagefind.search(words.join(" "), settings);
  if (!all || all.results.length || words.length < 2) return { search: all, partial: false };
  const each = await Promise.all(words.map((word) => pagefind.search(word, settings)));
  if (each.some((search) => !search)) return { search: null, partial: false };
  // Each word's scores are taken relative to its best page: a rare word's only page is not
  // outranked by the many pages of a common one.
  const merged = new Map();
  for (const search of each) {
    const best = search.results[0]?.score || 1;
    for (const result of search.results) {
      const seen = merged.get(result.id) || { result, words: 0, score: 0 };
      seen.words += 1;
      seen.score += result.score / best;
      merged.set(result.id, seen);
    }
  }
  let results = [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score);
  if (newest && results.length <= SORT_LIMIT) {
    // The date is in each page's data; load it once and keep it for display.
    await Promise.all(results.map(async (entry) => (entry.result.loaded = await entry.result.data())));
    const date = (entry) => entry.result.loaded.meta.iso || "";
    results = results.sort((a, b) => b.words - a.words || date(b).localeCompare(date(a)));
  }
  const totalFilters = sumFilters(each);
  return { search: { results: results.map((entry) => entry.result), totalFilters }, partial: results.length > 0 };
}

// One search from the form's state to the rendered list; the status line changes only once the
// results it announces are on the page, and aria-busy marks the list while it is being replaced.
async function run(state, { first = false, typed = false } = {}) {
  const search = { number: current.number + 1, pending: [], key: JSON.stringify(state) };
  current = search;
  moreButton.hidden = true;
  section.setAttribute("aria-busy", "true");
  try {
    await render(state, search, first, typed);
  } catch {
    if (search === current) announce("Søgningen mislykkedes. Prøv igen.", 0);
  } finally {
    if (search === current) section.removeAttribute("aria-busy");
  }
}

async function render(requested, search, first, typed) {
  const { pagefind, allFilters } = await ready;
  if (search !== current) return;
  const state = { ...requested, filters: knownFilters(requested.filters, allFilters) };
  const filters = pagefindFilters(state.filters);
  const hasFilters = Object.keys(filters).length > 0;
  if (!state.query && !hasFilters) {
    showFilters(allFilters, allFilters, state.filters, first);
    section.hidden = true;
    announce("", 0);
    return;
  }
  const settings = { filters, sort: state.sort === "nyeste" ? { dato: "desc" } : undefined };
  const { search: found, partial } = state.query
    ? await searchWords(pagefind, queryWords(state.query), settings, state.sort === "nyeste")
    : { search: await pagefind.search(null, settings), partial: false };
  if (search !== current || !found) return;
  showFilters(allFilters, found.totalFilters, state.filters, first);
  search.pending = found.results.slice();
  search.total = found.results.length;
  list.replaceChildren();
  await showMore(search);
  if (search !== current) return;
  const count = found.results.length;
  const about = state.query ? ` for »${state.query}«` : "";
  const hint = hasFilters ? " Prøv et andet eller et kortere ord, eller fjern et filter." : " Prøv et andet eller et kortere ord.";
  const text = !count
    ? `Ingen resultater${about}.${hint}`
    : partial
      ? `Ingen sider indeholder alle ordene. Her er ${plural(count, "resultat", "resultater")}, der indeholder nogle af dem.`
      : `${plural(count, "resultat", "resultater")}${about}.`;
  section.hidden = count === 0;
  announce(text, typed ? ANNOUNCE_AFTER_TYPING_MS : 0);
}

let timer;
function update({ typed = false } = {}) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const state = formState();
    if (JSON.stringify(state) === current.key) return;
    writeState(state);
    run(state, { typed });
  }, 250);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const state = formState();
  if (JSON.stringify(state) === current.key) return;
  writeState(state);
  run(state);
});
input.addEventListener("input", () => update({ typed: true }));
// Filter boxes and the sort order; the text field has its own listener above.
form.addEventListener("change", (event) => {
  if (event.target !== input) update();
});
moreButton.addEventListener("click", async () => {
  const search = current;
  const shown = await showMore(search, { focus: true });
  if (shown) announce(`Viser ${shown.toLocaleString("da-DK")} af ${plural(search.total, "resultat", "resultater")}.`, 0);
});

const initial = readState();
if (!input.value) input.value = initial.query;
sortSelect.value = initial.sort;
run({ ...initial, query: input.value.trim() }, { first: true });
