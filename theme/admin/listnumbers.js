// Lines that start with a number and a full stop, read as the site reads them
// (plugins/kb/content/listnumbers.py, plugins/formatting/datelines.py): "10. marts kl. 9-12" starts
// with a date and stays text; "2. behandling" at the start of a block is a list numbered from 2.

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
  "oktober", "november", "december"];
const MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"];
const DAY = "(?:0?[1-9]|[12][0-9]|3[01])\\.";
const MONTH = [...MONTHS, ...MONTH_ABBREVIATIONS].sort((a, b) => b.length - a.length).join("|");
const DATE_START = new RegExp(
  `^[ ]*${DAY}(?:[ ]*(?:-|–|og|til)[ ]*${DAY})?[ ]+(?:${MONTH})\\.?(?![0-9A-Za-zÆØÅæøå])`, "i");
const LIST_NUMBER = /^[ ]*([0-9]+)\.[ ]+(\S.*)$/;

// Whether the text starts with a day and a month ("10. marts", "8. dec."): text, never a list.
export function startsWithDate(text) {
  return DATE_START.test(text);
}

// The list number Markdown reads at the start of the text, as { number, text }; null for a date.
export function listNumber(text) {
  const found = LIST_NUMBER.exec(text);
  return found && !startsWithDate(text) ? { number: Number(found[1]), text: found[2] } : null;
}

// Markdown's backslash escapes as the page shows them: "2\. behandling" → "2. behandling".
export function unescape(text) {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
}
