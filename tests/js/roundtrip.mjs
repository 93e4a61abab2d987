// Read each file as the browser editor does and write it back (theme/admin/metadata.js with
// js-yaml's core schema, as /admin/ loads them). stdin: JSON [{text, order, markdown}]; stdout: JSON
// [text written back, or {error}]. Used by tests/unit/test_canonical.py.
import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { formats } from "../../theme/admin/metadata.js";

const format = formats((text) => load(text, { schema: CORE_SCHEMA }));
const files = JSON.parse(readFileSync(0, "utf8"));
const written = files.map(({ text, order, markdown }) => {
  try {
    const kind = markdown ? format.markdown : format.yaml;
    return kind.toFile(kind.fromFile(text), order);
  } catch (error) {
    return { error: String(error) };
  }
});
process.stdout.write(JSON.stringify(written));
