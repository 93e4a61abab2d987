// How the browser editor reads and writes the metadata of a content file: the twin of
// plugins/kb/metadata/canonical.py, line for line, so that a value changed in a form changes only its own line.
// tests/unit/test_canonical.py runs both writers on every file of the repository and compares.
//
// `order` is the editor's list of key paths ("udvalg", "deltagere.navn", …), as Decap CMS hands it
// to a format's toFile(); the build makes it from the same field table as the Python writer.

const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`");
const RESERVED = new Set(["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]);
const NUMBER =
  /^(?:[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// What YAML does not allow unescaped (outside its printable set) and what editors cannot see.
const SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const WORD = /^[A-Za-z0-9ÆØÅæøå_-]+$/;
const ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

// Nothing, '', or a list or mapping of nothing but empty values: left out.
function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  return typeof value === "object" && Object.values(value).every(isEmpty);
}

function isPlain(text) {
  return !(
    !text ||
    text !== text.trim() ||
    INDICATORS.has(text[0]) ||
    text.includes(": ") ||
    text.includes(" #") ||
    text.endsWith(":") ||
    SPECIAL.test(text) ||
    RESERVED.has(text.toLowerCase()) ||
    NUMBER.test(text)
  );
}

function scalar(text) {
  if (isPlain(text)) return text;
  let escaped = "";
  for (const c of text) {
    if (c in ESCAPES) escaped += ESCAPES[c];
    else if (SPECIAL.test(c)) escaped += "\\u" + c.codePointAt(0).toString(16).padStart(4, "0");
    else escaped += c;
  }
  return `"${escaped}"`;
}

function value(item) {
  if (typeof item === "number" || typeof item === "boolean") return String(item);
  return scalar(String(item));
}

function mapping(data, path, indent, order) {
  const rank = new Map(order.map((name, index) => [name, index]));
  const keys = Object.keys(data).filter((key) => !isEmpty(data[key]));
  const rankOf = (key) => (rank.has(path + key) ? rank.get(path + key) : order.length);
  // A stable sort: keys the order does not know keep their place after the known ones.
  keys.sort((a, b) => rankOf(a) - rankOf(b));
  return keys.flatMap((key) => entry(key, data[key], path + key, indent, order));
}

function entry(key, item, path, indent, order) {
  const lead = " ".repeat(indent) + scalar(key) + ":";
  if (Array.isArray(item)) {
    const items = item.filter((one) => !isEmpty(one));
    if (items.every((one) => typeof one === "string" && WORD.test(one) && isPlain(one))) {
      return [`${lead} [${items.join(", ")}]\n`];
    }
    const lines = [lead + "\n"];
    for (const one of items) {
      if (typeof one === "object") {
        const inner = mapping(one, path + ".", indent + 4, order);
        lines.push(" ".repeat(indent + 2) + "- " + inner[0].slice(indent + 4), ...inner.slice(1));
      } else {
        lines.push(" ".repeat(indent + 2) + "- " + value(one) + "\n");
      }
    }
    return lines;
  }
  if (item !== null && typeof item === "object") {
    return [lead + "\n", ...mapping(item, path + ".", indent + 2, order)];
  }
  return [`${lead} ${value(item)}\n`];
}

export function writeYaml(data, order = []) {
  return mapping(data, "", 0, order).join("");
}

// Split a Markdown file into its front matter and its body, as plugins/kb/metadata/frontmatter.py does.
export function splitFrontMatter(text) {
  const lines = text.split(/(?<=\n)/);
  if (!lines.length || lines[0].trim() !== "---") return [null, text];
  for (let index = 1; index < lines.length; index++) {
    if (lines[index].trim() === "---") {
      return [lines.slice(1, index).join(""), lines.slice(index + 1).join("")];
    }
  }
  return [null, text];
}

// The two formats the editor's collections use; `load` parses YAML (js-yaml with its core schema).
export function formats(load) {
  const read = (yamlText) => (yamlText && yamlText.trim() ? load(yamlText) || {} : {});
  return {
    markdown: {
      fromFile(text) {
        const [yamlText, body] = splitFrontMatter(text);
        return { ...read(yamlText), body };
      },
      toFile(data, order = []) {
        const { body = "", ...meta } = data;
        return `---\n${writeYaml(meta, order)}---\n${body}`;
      },
    },
    yaml: {
      fromFile: (text) => read(text),
      toFile: (data, order = []) => writeYaml(data, order),
    },
  };
}
