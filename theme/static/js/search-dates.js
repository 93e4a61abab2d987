// Results by date for the search page (search.js), loaded only when a reader sorts by date.
// Pagefind sorts each index on its own; this merges them.

// The results by date, newest or oldest first, across every index: the next result is the best of
// each merged index's next one, once no index not merged yet can hold a better date (the manifest
// says which years each part holds). Pages without a date come last. ``search`` is the search
// page's: Pagefind, how it merges an index, restricts a search to some indexes and finds a date.
export function byDate(search, term, filters, candidates, direction, years) {
  const { pagefind, load, restricted, dateOf } = search;
  const dated = filters["år"] ? filters : { ...filters, "år": { any: years } };
  const waiting = candidates.slice();
  const streams = [];
  let undated = null;
  const better = (a, b) => (direction === "desc" ? a > b : a < b);
  const mayHold = (source, year) =>
    !source.years || (direction === "desc" ? Math.max(...source.years) >= year : Math.min(...source.years) <= year);
  // An index that fails to merge stays waiting, to be tried again.
  async function open(source) {
    await load(source);
    const found = await pagefind.search(term, { filters: restricted(dated, [source.key]), sort: { dato: direction } });
    if (!waiting.includes(source)) return; // opened meanwhile
    waiting.splice(waiting.indexOf(source), 1);
    streams.push({ results: found.results, at: 0 });
  }
  async function nextDated() {
    await Promise.all(waiting.filter((source) => source.loaded).map(open));
    for (;;) {
      const heads = streams.filter((stream) => stream.at < stream.results.length);
      const dates = await Promise.all(heads.map((stream) => dateOf(stream.results[stream.at]).catch(() => null)));
      // A page that could not be fetched is handed on as it is: the search page says so, and
      // fetches it again when the reader asks for more.
      const unread = dates.indexOf(null);
      if (unread >= 0) return heads[unread].results[heads[unread].at++];
      let best = -1;
      dates.forEach((date, i) => {
        if (best < 0 || better(date, dates[best])) best = i;
      });
      const year = best < 0 ? null : Number(dates[best].slice(0, 4));
      const needed = waiting.filter((source) => year === null || mayHold(source, year));
      if (needed.length) {
        const bound = (source) => (source.years ? (direction === "desc" ? -Math.max(...source.years) : Math.min(...source.years)) : 0);
        await open(needed.sort((a, b) => bound(a) - bound(b))[0]);
        continue;
      }
      if (best < 0) return null;
      return heads[best].results[heads[best].at++];
    }
  }
  let done = false;
  async function nextUndated() {
    if (filters["år"]) return null; // every page with a chosen year has a date
    if (undated === null) {
      const keys = candidates.map((source) => source.key);
      const all = await pagefind.search(term, { filters: restricted(filters, keys), sort: { dato: direction } });
      const withDate = new Set((await pagefind.search(term, { filters: restricted(dated, keys) })).results.map((r) => r.id));
      undated = all.results.filter((result) => !withDate.has(result.id));
    }
    return undated.shift() || null;
  }
  return {
    more: () => !done,
    // A page an index returns twice is shown once by the search page (search.js: showMore).
    async next() {
      const result = (await nextDated()) || (await nextUndated());
      done = !result;
      return result;
    },
  };
}
