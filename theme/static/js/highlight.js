// Marks the searched words on a page opened from a search result. The search page adds them to the
// result's address (?fremhaev=…, Pagefind's highlightParam in search.js); Pagefind's own
// pagefind-highlight.js, written with the index, marks them inside the page's indexed text.
const PARAM = "fremhaev";

if (new URLSearchParams(window.location.search).has(PARAM)) {
  const root = new URL("../../", import.meta.url);
  const { default: PagefindHighlight } = await import(new URL("pagefind/pagefind-highlight.js", root).href);
  // Its own styles would be an inline <style>, which the site's Content-Security-Policy refuses:
  // the marks use the stylesheet's (or the browser's) style for <mark>.
  new PagefindHighlight({ highlightParam: PARAM, addStyles: false });
}
