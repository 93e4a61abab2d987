// The browser editor at /admin/: Decap CMS with the site's own file formats and a preview of
// minutes in the site's look. The configuration (config.yml) is made by the build from the field
// table (plugins/kb/outputs/cms.py).
import { CORE_SCHEMA, load } from "./vendor/js-yaml.mjs";
import { listNumber, unescape } from "./listnumbers.js";
import { formats } from "./metadata.js";

const CMS = window.CMS;
const h = window.h;
const format = formats((text) => load(text, { schema: CORE_SCHEMA }));
CMS.registerCustomFormat("praktikviden-markdown", "md", format.markdown);
CMS.registerCustomFormat("praktikviden-yaml", "yml", format.yaml);
CMS.registerPreviewStyle("../theme/css/site.css");

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
  "oktober", "november", "december"];

// "2024-09-16" → "16. september 2024", as the site writes dates.
function danishDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return match ? `${Number(match[3])}. ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : iso || "";
}

// A block's text as paragraphs and lists, read as the site reads it: a list starts at the start of a
// paragraph, a number only when it is not a date ("10. marts" stays text), and a number at the start
// of a bullet is a list of its own; lines that are not items go on the item before them.
function prose(lines) {
  const parts = [];
  let list = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) parts.push(h("p", { key: parts.length }, unescape(paragraph.join(" "))));
    paragraph = [];
  };
  const open = (tag, start) => {
    list = { tag, items: [] };
    parts.push(h(tag, { key: parts.length, start }, list.items));
  };
  for (const line of lines) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const number = listNumber(line);
    const starts = !paragraph.length && !list;
    if (!line.trim()) {
      flush();
      list = null;
    } else if (bullet && (starts || list?.tag === "ul")) {
      if (starts) open("ul");
      list.items.push(itemText(bullet[1], list.items.length));
    } else if (number && (starts || list?.tag === "ol")) {
      if (starts) open("ol", number.number === 1 ? undefined : number.number);
      list.items.push(h("li", { key: list.items.length }, unescape(number.text)));
    } else if (list) {
      const last = list.items.pop();
      list.items.push(h("li", { key: list.items.length }, last.props.children, " ", unescape(line.trim())));
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return h("div", { className: "prose" }, parts);
}

// A bullet's text: a number at its start is a list of its own, as on the site ("- 2. behandling").
function itemText(text, key) {
  const number = listNumber(text);
  return number
    ? h("li", { key }, h("ol", { start: number.number }, h("li", {}, unescape(number.text))))
    : h("li", { key }, unescape(text));
}

// The body's agenda: '## 3. Titel' starts an item, '### Beslutning' and the other labels a block.
function agenda(body) {
  const items = [];
  let item = null;
  let block = null;
  for (const line of (body || "").split("\n")) {
    const heading = /^##\s+(\d+)\.\s+(.*)$/.exec(line);
    const label = /^###\s+(.*)$/.exec(line);
    if (heading) {
      item = { number: heading[1], title: heading[2], blocks: [] };
      block = { heading: null, lines: [] };
      item.blocks.push(block);
      items.push(item);
    } else if (label && item) {
      block = { heading: label[1], lines: [] };
      item.blocks.push(block);
    } else if (block) {
      block.lines.push(line);
    }
  }
  return items;
}

function isDecision(heading) {
  return /^beslutning/i.test(heading || "");
}

// The committees' names by slug, from the minutes collections' committee field.
const committeeNames = new Map();

function MinutesPreview({ entry }) {
  const data = entry.get("data");
  const value = (key) => data.get(key) || "";
  const items = agenda(value("body"));
  const committee = committeeNames.get(value("udvalg")) || value("udvalg");
  return h("main", { className: "wrap" },
    h("article", { className: "meeting" },
      h("header", { className: "meeting-header" },
        h("p", { className: "kicker" }, "Referat"),
        h("h1", {}, `${committee}, ${danishDate(value("dato"))}`),
        value("titel") ? h("p", { className: "lead" }, value("titel")) : null,
        h("dl", { className: "facts" },
          h("div", {}, h("dt", {}, "Tid"), h("dd", {}, value("tid"))),
          h("div", {}, h("dt", {}, "Sted"), h("dd", {}, value("sted"))))),
      h("nav", { className: "toc" },
        h("h2", {}, "Dagsorden"),
        h("ol", {}, items.map((item) => h("li", { key: item.number, value: item.number }, item.title,
          item.blocks.some((block) => isDecision(block.heading)) ? h("span", { className: "badge" }, " Beslutning") : null)))),
      h("div", { className: "agenda" }, items.map((item) =>
        h("section", { className: "agenda-item", key: item.number },
          h("h2", {}, h("span", { className: "number" }, `${item.number}.`), ` ${item.title}`),
          item.blocks.map((block, index) =>
            h("div", { key: index, className: `block${isDecision(block.heading) ? " decision" : ""}` },
              block.heading ? h("h3", {}, block.heading) : null,
              prose(block.lines))))))));
}

// The same configuration Decap reads: one minutes collection per committee, "referater-<udvalg>".
const config = load(await (await fetch("config.yml")).text(), { schema: CORE_SCHEMA });
for (const collection of config.collections) {
  if (!collection.name.startsWith("referater-")) continue;
  const field = collection.fields.find((one) => one.name === "udvalg");
  for (const option of field.options) committeeNames.set(option.value, option.label);
  CMS.registerPreviewTemplate(collection.name, MinutesPreview);
}
CMS.init();
