// The search page: Pagefind's JavaScript API behind a Danish, accessible interface.
// The query, filters and sort order live in the page URL (?q=…&udvalg=…), so a search can be
// shared and bookmarked. Without JavaScript the page shows how to browse instead (soeg.html).

// Five results at a time: each loads a fragment of its page, and a phone screen shows about three.
const PAGE_SIZE = 5;
const SUB_RESULTS = 3;
const FILTER_LABELS = { sted: "Resultater fra", type: "Type", udvalg: "Udvalg", "år": "År", tema: "Tema" };
const FILTER_ORDER = Object.keys(FILTER_LABELS);
const SORTS = { relevans: undefined, nyeste: "desc", aeldste: "asc" };
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
// How long another school's site may take to answer before its results are left out.
const OTHER_SITE_TIME_LIMIT_MS = 4000;

// The index is in parts (plugins/search/parts.py, manifest.py): pagefind/ holds the pages, and the
// parts that pagefind/dele.json lists (newest first, with their filter counts) the minutes and the
// decision register of whole years. The newest part is merged from the start, older ones only when
// a search needs them: for more results, a year, or the oldest first. Each index is merged with a
// filter naming it (and its site).
const PARTS_FILE = "dele.json";
const PART_FILTER = "indeksdel";
const SITE_FILTER = "sted";
const MAIN_PART = "sider";
// Minutes are long pages that hold the records; Pagefind's default length penalty (0.75) let a short
// guide chapter that mentions a word once outrank the meeting that discussed it. The searched words
// go with each result's address, for the page to mark them (highlight.js).
const SETTINGS = { excerptLength: 30, ranking: { pageLength: 0.4 }, highlightParam: HIGHLIGHT_PARAM };

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
const note = document.getElementById("soeg-note");
const section = document.getElementById("soeg-resultater");
const list = document.getElementById("soeg-liste");
const moreButton = document.getElementById("soeg-flere");
const moreFailed = document.getElementById("soeg-flere-fejl");
const withoutScript = document.getElementById("soeg-uden-js");
const siteList = document.getElementById("soeg-steder");

// This site and the other schools' sites it names (KB_SEARCH_SITES, listed in soeg.html).
const sites = [
  { name: siteList.dataset.navn, index: new URL("pagefind/", root), root, own: true },
  ...[...siteList.querySelectorAll("li")].map((item) => ({
    name: item.textContent.trim(),
    index: new URL(item.dataset.indeks),
    root: new URL(item.dataset.rod),
    own: false,
  })),
].map((site, id) => ({ ...site, id, down: false, sources: [] }));
const own = sites[0];
const others = sites.slice(1);

function sources() {
  return sites.filter((site) => !site.down).flatMap((site) => site.sources);
}

// A promise that gives up after ``ms``.
function inTime(promise, ms) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("for længe")), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// The manifest of a site's index; an older site's dele.json is only the list of its parts.
async function manifestOf(site) {
  const controller = new AbortController();
  const timer = site.own ? null : setTimeout(() => controller.abort(), OTHER_SITE_TIME_LIMIT_MS);
  try {
    const response = await fetch(new URL(PARTS_FILE, site.index), { cache: "no-cache", signal: controller.signal });
    if (!response.ok) throw new Error(`${response.status}`);
    const manifest = await response.json();
    return Array.isArray(manifest) ? { main: {}, parts: manifest.map((name) => ({ name })) } : manifest;
  } finally {
    clearTimeout(timer);
  }
}

// A site's indexes: its pages and its parts, newest first; ``tier``: the order a search by relevance
// takes them in.
function sourcesOf(site, manifest) {
  const source = (name, path, tag, tier, filters) => ({
    site,
    key: `${site.id}:${name}`,
    path,
    tag: tag || undefined,
    tier,
    filters: filters || null,
    years: filters?.["år"] ? Object.keys(filters["år"]).map(Number) : null,
    loaded: null, // the merge, once begun
    merged: false,
  });
  return [
    source(MAIN_PART, site.index, manifest.main?.tag, 0, null),
    ...manifest.parts.map((part, tier) => source(part.name, new URL(`${part.name}/`, site.index), part.tag, tier, part.filters)),
  ];
}

function mergeFilter(source) {
  return others.length
    ? { [PART_FILTER]: source.key, [SITE_FILTER]: source.site.name }
    : { [PART_FILTER]: source.key };
}

let pagefind;
// Results found before Pagefind last started are not valid.
let starts = 0;

// Pagefind with this site's pages as its main index; in the page, as a worker would cost a first
// search 12 KB more for searches that take milliseconds.
async function start() {
  pagefind ||= await import(new URL("pagefind/pagefind.js", root).href);
  const main = own.sources[0];
  await pagefind.options({ ...SETTINGS, baseUrl: root.pathname, metaCacheTag: main.tag, noWorker: true });
  await pagefind.init();
  await pagefind.options({ mergeFilter: mergeFilter(main) });
  main.loaded = Promise.resolve();
  main.merged = true;
  starts += 1;
  broken = false;
}

// How many merges of an index have finished: a search's count of results changes only then.
let mergesDone = 0;
// A merge failed: Pagefind keeps the index, and every search fails until it starts again.
let broken = false;

// Merge one index (once). Another site's must answer in time, or the site is left out; one of this
// site's that fails (a phone offline a moment) is merged when the reader tries again.
function load(source) {
  if (!source.loaded) {
    const { site } = source;
    const merged = pagefind
      .mergeIndex(site.own ? source.path.pathname : source.path.href, {
        ...SETTINGS,
        baseUrl: site.own ? root.pathname : site.root.href,
        metaCacheTag: source.tag,
        mergeFilter: mergeFilter(source),
      })
      // Loading an index's filters makes every search report its filter counts.
      .then(() => pagefind.filters())
      .then((filters) => {
        if (source.loaded === attempt) {
          mergesDone += 1;
          source.merged = true;
        }
        return filters;
      });
    // Not the answer of a merge begun before Pagefind started again.
    const attempt = (site.own ? merged : inTime(merged, OTHER_SITE_TIME_LIMIT_MS)).catch((error) => {
      if (source.loaded === attempt) {
        broken = true;
        source.loaded = null;
        if (!site.own) site.down = true;
        showNote();
      }
      throw error;
    });
    source.loaded = attempt;
  }
  return source.loaded;
}

// Pagefind cannot drop a merged index: it starts again (from the browser's cache) with those merged.
let restarting = null;
function restart() {
  restarting ||= (async () => {
    broken = false;
    const merged = sources().filter((source) => source.merged && source !== own.sources[0]);
    for (const site of sites) {
      for (const source of site.sources) Object.assign(source, { loaded: null, merged: false });
    }
    await pagefind.destroy();
    await start();
    await Promise.all(merged.map((source) => load(source).catch(() => {})));
  })()
    .catch((error) => {
      broken = true; // to start again next time
      throw error;
    })
    .finally(() => {
      restarting = null;
    });
  return restarting;
}

// Pagefind ready to search: started again if a merge or a fetch failed, or once a start under way
// has finished.
async function mended() {
  if (broken || restarting) await restart();
}

async function leaveOut(down) {
  for (const site of down) site.down = true;
  showNote();
  await restart();
}

function showNote() {
  const down = others.filter((site) => site.down).map((site) => site.name);
  note.hidden = down.length === 0;
  note.textContent = down.length
    ? `${listed(down)} svarer ikke lige nu, så ${down.length === 1 ? "dens" : "deres"} resultater er ikke med. Prøv igen senere.`
    : "";
}

function listed(names) {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`;
}

// This site's search: its manifest, its pages and its newest part. If any failed to load (a phone
// offline a moment), the next search begins again where it failed.
let ready = null;
function prepared() {
  ready ||= (async () => {
    if (!own.sources.length) own.sources = sourcesOf(own, await manifestOf(own));
    if (!pagefind) await start();
    else if (!starts || broken) await restart();
    await Promise.all(own.sources.filter((source) => source.tier === 0).map(load));
    withoutScript.hidden = true;
  })().catch((error) => {
    ready = null;
    throw error;
  });
  return ready;
}
prepared().catch(() => {
  status.textContent = "Søgningen kunne ikke indlæses. Prøv igen senere, eller find vej herunder.";
});

// The other schools' sites, merged with the first search: their manifests, pages and newest parts.
let othersReady = null;
async function otherSites() {
  await prepared();
  othersReady ||= (async () => {
    const down = [];
    await Promise.all(
      others.map(async (site) => {
        try {
          site.sources = sourcesOf(site, await manifestOf(site));
        } catch {
          site.down = true; // nothing of it was merged
        }
      }),
    );
    await Promise.all(
      others
        .filter((site) => !site.down)
        .map((site) => Promise.all(site.sources.filter((source) => source.tier === 0).map(load)).catch(() => down.push(site))),
    );
    if (down.length) await leaveOut(down).catch(() => {}); // started again by the next search
    showNote();
  })();
  return othersReady;
}

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

function addCounts(total, counts) {
  for (const [key, values] of Object.entries(counts || {})) {
    total[key] ||= {};
    for (const [value, count] of Object.entries(values)) total[key][value] = (total[key][value] || 0) + count;
  }
  return total;
}

function pageCount(source) {
  return Object.values(source.filters?.type || {}).reduce((sum, count) => sum + count, 0);
}

// The filter values of the indexes not merged yet, from their sites' manifests.
function notLoadedCounts() {
  const total = {};
  for (const source of sources().filter((source) => !source.merged)) {
    addCounts(total, source.filters);
    if (others.length) addCounts(total, { [SITE_FILTER]: { [source.site.name]: pageCount(source) } });
  }
  return total;
}

// Every filter value with its number of pages: the merged indexes' counts, the manifests' for the rest.
async function catalogue() {
  return addCounts(addCounts({}, withoutParts(await pagefind.filters())), notLoadedCounts());
}

// Whether an index may hold pages with the chosen filter values (its manifest says what it holds).
function mayMatch(source, filters) {
  if (filters[SITE_FILTER] && !filters[SITE_FILTER].includes(source.site.name)) return false;
  if (!source.filters) return true;
  return Object.entries(filters).every(
    ([key, values]) => key === SITE_FILTER || values.some((value) => source.filters[key]?.[value]),
  );
}

function restricted(filters, keys) {
  return { ...filters, [PART_FILTER]: { any: keys } };
}

// By relevance: one tier of indexes at a time (the pages and newest parts first), each ranked by
// Pagefind; a tier is merged only when the reader gets that far.
function byRelevance(term, filters, candidates) {
  const tiers = [...new Set(candidates.map((source) => source.tier))].sort((a, b) => a - b);
  const buffer = [];
  return {
    more: () => buffer.length > 0 || tiers.length > 0,
    async next() {
      while (!buffer.length && tiers.length) {
        const group = candidates.filter((source) => source.tier === tiers[0]);
        await Promise.all(group.map(load));
        const found = await pagefind.search(term, { filters: restricted(filters, group.map((source) => source.key)) });
        tiers.shift(); // not before: a tier that failed is tried again
        buffer.push(...found.results);
      }
      return buffer.shift() || null;
    },
  };
}

// A search's results in order, merging older indexes only as needed.
async function newListing(search) {
  search.candidates = search.candidates.filter((source) => !source.site.down);
  const { term, filters, candidates, direction, years } = search;
  if (direction) {
    const { byDate } = await import("./search-dates.js");
    search.listing = byDate({ pagefind, load, restricted, dateOf }, term, filters, candidates, direction, years);
  } else {
    search.listing = byRelevance(term, filters, candidates);
  }
  search.starts = starts;
}

function dataOf(result) {
  result.loading ||= result.data();
  return result.loading;
}

async function dateOf(result) {
  return (await dataOf(result)).meta.iso || "";
}

// Pages with some of the words, when no page has them all (search-words.js); every index that may
// match is merged by then.
async function someWords(search) {
  const { anyWords } = await import("./search-words.js");
  const found = await anyWords({ pagefind, addCounts, dateOf }, search.words, search.filters, search.direction);
  search.listing = fixedList(found.results);
  search.starts = starts;
  return found;
}

// Results already found, in order (the fallback search's).
function fixedList(results) {
  const buffer = once(results);
  return { more: () => buffer.length > 0, next: async () => buffer.shift() || null };
}

let current = { number: 0, key: "" };
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
  const sort = params.get("sortering");
  return { query: params.get("q") || "", filters, sort: sort in SORTS ? sort : "relevans" };
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
// hidden unless chosen. ``unsearched`` holds the values of indexes a search has not merged yet: their
// count is at least the one shown.
function showFilters(allFilters, counts, selected, first, unsearched = {}) {
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
    const more = Boolean(unsearched[box.name]?.[box.value]);
    const shown = count.toLocaleString("da-DK");
    box.checked = (selected[box.name] || []).includes(box.value);
    box.closest("label").hidden = count === 0 && !more && !box.checked;
    box.closest("label").querySelector(".count").textContent = !more
      ? `(${shown})`
      : count
        ? `(mindst ${shown})`
        : "(ikke søgt endnu)";
  }
  options.hidden = keys.length === 0;
  const chosen = Object.values(selected).flat().length + (sortSelect.value !== "relevans" ? 1 : 0);
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

// The site a result is from: another school's results have its full address.
function siteOf(data) {
  const from = others.filter((site) => data.url.startsWith(site.root.href));
  return from.sort((a, b) => b.root.href.length - a.root.href.length)[0] || own;
}

// Where a sub-result leads: its section, or for a decision in the register its agenda item.
function subUrl(sub, site) {
  const decision = DECISION_ID.exec(sub.anchor?.id || "");
  if (!decision) return sub.url;
  const target = new URL(decision[1], site.root);
  target.search = new URL(sub.url, window.location.href).search;
  target.hash = decision[2];
  return site.own ? target.pathname + target.search + target.hash : target.href;
}

// The agenda items (or other headed sections) where the words were found, best first.
function subResults(data) {
  const page = data.url.split("#")[0];
  return data.sub_results
    .filter((sub) => sub.url !== page && sub.url.includes("#"))
    .sort((a, b) => score(b) - score(a))
    .slice(0, SUB_RESULTS);
}

// One result: the heading first (for readers who jump by heading), then type, date and committee,
// and the site it is from when other schools' sites are searched too.
function resultItem(data) {
  const site = siteOf(data);
  const from = others.length ? `Fra ${site.name}` : "";
  const meta = [data.meta.type, data.meta.dato, data.meta.udvalg, from].filter(Boolean).join(" · ");
  const subs = subResults(data);
  const body = subs.length
    ? element(
        "ul",
        { className: "sub-results" },
        ...subs.map((sub) =>
          element("li", {}, element("a", { href: subUrl(sub, site), textContent: sub.title }), element("p", {}, ...excerptNodes(sub.excerpt, sub.title))),
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

// The next results of a search, up to five, loading older parts only as needed. A result whose page
// could not be fetched (a phone offline a moment, another site too slow) is not lost: the reader is
// told, and Pagefind, which keeps a failed fetch, starts again when the reader asks for more.
async function showMore(search, { focus = false } = {}) {
  moreButton.disabled = true;
  const batch = [];
  try {
    while (batch.length < PAGE_SIZE) {
      const result = await search.listing.next();
      if (search !== current) return;
      if (!result) break;
      if (!search.seen.has(result.id)) batch.push(result) && search.seen.add(result.id);
    }
  } catch (error) {
    for (const result of batch) search.seen.delete(result.id); // shown after a retry
    throw error;
  }
  const loaded = await Promise.allSettled(
    batch.map((result) => (others.length ? inTime(dataOf(result), OTHER_SITE_TIME_LIMIT_MS) : dataOf(result))),
  );
  if (search !== current) return;
  const items = [];
  search.failed = 0;
  batch.forEach((result, at) => {
    if (loaded[at].status === "fulfilled") {
      items.push(resultItem(loaded[at].value));
    } else if (search.retried.has(result.id)) {
      search.lost += 1; // failed again: left out, so that the reader gets past it
    } else {
      search.retried.add(result.id);
      search.failed += 1;
      search.seen.delete(result.id); // found again by the listing after the start
      broken = true;
    }
  });
  list.append(...items);
  moreButton.hidden = !search.listing.more() && !search.failed;
  if (focus && items.length) items[0].querySelector("h3 a").focus();
}

// Said in the status when results could not be fetched, and shown beside the button (soeg.html).
function notFetched(search) {
  moreFailed.hidden = !search.failed;
  const lost = search.lost ? ` ${plural(search.lost, "resultat", "resultater")} kunne ikke hentes og er ikke vist.` : "";
  return (search.failed ? ` ${moreFailed.textContent}` : "") + lost;
}

function queryWords(query) {
  const words = query.toLowerCase().replace(/[?!.,;:"»«]/g, " ").split(/\s+/).filter(Boolean);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  return meaningful.length ? meaningful : words;
}

// Years as the reader reads them: "2000–2002 og 2006".
function yearSpans(years) {
  const spans = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const last = spans.at(-1);
    if (last && last[1] === year - 1) last[1] = year;
    else spans.push([year, year]);
  }
  return listed(spans.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)));
}

// One search from the form's state to the rendered list; the status line changes only once the
// results it announces are on the page, and aria-busy marks the list while it is being replaced.
async function run(state, { first = false, typed = false } = {}) {
  const search = {
    number: current.number + 1,
    key: JSON.stringify(state),
    seen: new Set(),
    // Results whose page could not be fetched: in the last batch, tried again once, left out.
    failed: 0,
    retried: new Set(),
    lost: 0,
  };
  current = search;
  moreButton.hidden = moreFailed.hidden = true;
  section.setAttribute("aria-busy", "true");
  try {
    await render(state, search, first, typed);
  } catch {
    if (search !== current) return;
    search.key = ""; // to be tried again
    broken = true; // with Pagefind started again: it keeps a fetch that failed
    announce("Søgningen mislykkedes. Prøv igen.", 0);
  } finally {
    if (search === current) {
      section.removeAttribute("aria-busy");
      moreButton.disabled = false;
    }
  }
}

async function render(requested, search, first, typed) {
  await prepared();
  if (others.length && (requested.query || Object.keys(requested.filters).length)) await otherSites();
  await mended();
  if (search !== current) return;
  const allFilters = await catalogue();
  const state = { ...requested, filters: knownFilters(requested.filters, allFilters) };
  const filters = pagefindFilters(state.filters);
  const hasFilters = Object.keys(filters).length > 0;
  if (!state.query && !hasFilters) {
    showFilters(allFilters, allFilters, state.filters, first);
    section.hidden = true;
    announce("", 0);
    return;
  }
  const direction = SORTS[state.sort];
  const words = state.query ? queryWords(state.query) : null;
  const term = words ? words.join(" ") : null;
  const candidates = sources().filter((source) => mayMatch(source, state.filters));
  const years = Object.keys(allFilters["år"] || {});
  Object.assign(search, { term, words, filters, candidates, direction, years });
  await newListing(search);
  list.replaceChildren();
  await showMore(search);
  if (search !== current) return;
  let partial = false;
  let found;
  const merges = mergesDone; // what the count below has seen at least
  if (!list.children.length && !search.failed && words?.length > 1) {
    found = await someWords(search);
    partial = found.results.length > 0;
    await showMore(search);
    if (search !== current) return;
  } else {
    found = await pagefind.search(term, { filters });
  }
  if (search !== current) return;
  const count = once(found.results).length;
  const waiting = candidates.filter((source) => !source.merged);
  showFilters(allFilters, withoutParts(found.totalFilters), state.filters, first, waiting.length ? notLoadedCounts() : {});
  Object.assign(search, { term, filters, candidates, partial, count, merges });
  const about = state.query ? ` for »${state.query}«` : "";
  const hint = hasFilters ? " Prøv et andet eller et kortere ord, eller fjern et filter." : " Prøv et andet eller et kortere ord.";
  const text = !count
    ? `Ingen resultater${about}.${hint}`
    : partial
      ? `Ingen sider indeholder alle ordene. Her er ${plural(count, "resultat", "resultater")}, der indeholder nogle af dem.`
      : `${plural(count, "resultat", "resultater")}${about}${coverage(candidates)}.`;
  section.hidden = count === 0;
  announce(text + notFetched(search), typed ? ANNOUNCE_AFTER_TYPING_MS : 0);
}

// What a search has looked through, when it has not merged every index that may match yet.
function coverage(candidates) {
  if (candidates.every((source) => source.merged)) return "";
  const years = candidates.filter((source) => source.merged).flatMap((source) => source.years || []);
  const minutes = years.length ? `referaterne og beslutningerne fra ${yearSpans(years)} og ` : "";
  return ` i ${minutes}alle andre sider. Ældre referater og beslutninger kommer med, når du viser flere resultater`;
}

// The status after more results are shown: the count grows as older parts are merged, and is
// counted again only when a merge has finished since the last count.
async function describe(search) {
  const merges = mergesDone;
  if (!search.partial && merges !== search.merges) {
    const found = await pagefind.search(search.term, { filters: search.filters });
    Object.assign(search, { count: once(found.results).length, merges });
  }
  const shown = list.children.length;
  // Never fewer than shown: the results of a site left out since stay on the page.
  const count = Math.max(search.count, shown);
  return `Viser ${shown.toLocaleString("da-DK")} af ${plural(count, "resultat", "resultater")}${coverage(search.candidates)}.${notFetched(search)}`;
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
  moreFailed.hidden = moreButton.disabled = true;
  try {
    await mended();
    // Pagefind started again: the listing anew, past the results shown.
    if (search.starts !== starts) await (search.partial ? someWords(search) : newListing(search));
    await showMore(search, { focus: true });
    if (search === current) announce(await describe(search), 0);
  } catch {
    if (search !== current) return;
    search.starts = -1; // the listing anew
    broken = true; // and Pagefind: it keeps a fetch that failed
    moreFailed.hidden = false;
    announce(moreFailed.textContent, 0);
  } finally {
    if (search === current) moreButton.disabled = false;
  }
});

const initial = readState();
if (!input.value) input.value = initial.query;
sortSelect.value = initial.sort;
run({ ...initial, query: input.value.trim() }, { first: true });
