// Render Markdown files as note apps do: markdown-it with dollar maths ($…$, $$…$$) typeset by
// KaTeX with throwOnError.  Prints one JSON object per file: how many maths spans it holds, the
// spans KaTeX refused (with KaTeX's message), and the display-maths lines that begin with "- ",
// "+ " or "* " (a Markdown pipeline that reads the text before the maths makes them list items).
//
//   node render.mjs FILE.md ...      (or file names, one a line, on standard input)
import { readFileSync } from "node:fs";
import katex from "katex";
import MarkdownIt from "markdown-it";
import texmath from "markdown-it-texmath";

const LIST_START = /^\s*[-+*] /;

// texmath keeps the first engine it is given for every later instance, so one engine reports
// into the collector of the file being rendered.
let current = null;
const engine = {
  renderToString(tex, options) {
    current.spans.push(tex);
    try {
      return katex.renderToString(tex, { ...options, throwOnError: true, strict: "error" });
    } catch (error) {
      current.errors.push({ tex, message: String(error.message || error) });
      return "";
    }
  },
};
const md = new MarkdownIt({ html: false }).use(texmath, { engine, delimiters: "dollars" });

function check(file) {
  const spans = [];
  const errors = [];
  current = { spans, errors };
  const source = readFileSync(file, "utf8");
  md.render(source);
  const listLines = [];
  let inDisplay = false;
  for (const raw of source.split("\n")) {
    const line = raw.replace(/^(> ?)+/, "");
    if (line.trim() === "$$") { inDisplay = !inDisplay; continue; }
    if (inDisplay && LIST_START.test(line)) listLines.push(line);
  }
  return { file, spans: spans.length, errors, listLines };
}

const args = process.argv.slice(2);
const files = args.length ? args : readFileSync(0, "utf8").split("\n").filter(Boolean);
process.stdout.write(JSON.stringify(files.map(check)) + "\n");
