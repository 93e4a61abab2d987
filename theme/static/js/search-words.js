// The search page's fallback (search.js), loaded only when no page holds every word of a search.
// ``page`` is the search page's: Pagefind, how it adds filter counts and finds a result's date.

// Pagefind finds the pages that hold every word. When none does, look for each word on its own and
// rank the pages by how many of the words they hold, then by Pagefind's score (or by date).
export async function anyWords(page, words, filters, direction) {
  const { pagefind, addCounts, dateOf } = page;
  const SORT_LIMIT = 100; // most results loaded to sort them by date
  const each = await Promise.all(words.map((word) => pagefind.search(word, { filters })));
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
  if (direction && results.length <= SORT_LIMIT) {
    const dates = new Map(await Promise.all(results.map(async (entry) => [entry, await dateOf(entry.result)])));
    const order = (a, b) => (direction === "desc" ? dates.get(b).localeCompare(dates.get(a)) : dates.get(a).localeCompare(dates.get(b)));
    results = results.sort((a, b) => b.words - a.words || order(a, b));
  }
  const totalFilters = each.reduce((total, found) => addCounts(total, found.totalFilters), {});
  return { results: results.map((entry) => entry.result), totalFilters };
}
