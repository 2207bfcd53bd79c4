// Runs Mozilla Readability over every *.html in a folder and prints one digest entry per line:
//   {"id", "headline", "published", "lead", "lang"}   (the format `warta eval --predictions` reads)
//
// Usage: node extract.mjs [--timings FILE] [CORPUS_DIR]
//   CORPUS_DIR  defaults to ../shared/corpus/articles (relative to the current folder: the project root)
//   --timings   also writes {"id", "bytes", "ms"} per page to FILE, measured in-process after a warm-up
//
// A page that fails prints "<id>: <reason>" to stderr and the run goes on; the last stderr line is a
// summary. Exit code: 0 when every page gave an entry, 1 when some failed, 2 on bad usage.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Readability } from "@mozilla/readability";
import htmlEncodingSniffer from "html-encoding-sniffer";
import { JSDOM, VirtualConsole } from "jsdom";

const WARM_UP_PAGES = 5;
const DUMMY_URL_BASE = "https://warta-bench.invalid/";
// A lead is the first block that reads like prose: 80+ characters or at least two sentences.
// A Chinese, Japanese or Korean character counts twice: it carries about as much as a short word.
const LEAD_MIN_CHARS = 80;
const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LEAD_MIN_SENTENCES = 2;
// Blocks that can hold a paragraph of text. Headings are never a lead, nor is text inside a figure
// (photo captions): the corpus README does not count them as leads.
const TEXT_BLOCKS = "p, div, li, blockquote, pre, td, dd, section, article";
const NOT_LEAD = "figure, figcaption, h1, h2, h3, h4, h5, h6";
// A sentence ends at . ! ? before a capital letter or the end ("Dec. 21" and "p.m. on" do not end
// one), or at a CJK full stop.
const SENTENCE_END = /[.!?]+["'”’»)\]]*(?=\s+["'“‘«(]?\p{Lu}|\s*$)|[。！？]/gu;

function main() {
  let options;
  try {
    options = parseArgs({ options: { timings: { type: "string" } }, allowPositionals: true });
  } catch (e) {
    console.error(`extract.mjs: ${e.message}\nusage: node extract.mjs [--timings FILE] [CORPUS_DIR]`);
    return 2;
  }
  const dir = options.positionals[0] ?? "../shared/corpus/articles";
  let files;
  try {
    files = readdirSync(dir).filter((name) => name.endsWith(".html")).sort();
  } catch (e) {
    console.error(`extract.mjs: cannot list ${dir}: ${e.message}`);
    return 2;
  }

  const timingsFile = options.values.timings;
  if (timingsFile) {
    // Let V8 compile the hot paths first, so per-page times show the cost of the page, not of the JIT.
    for (const name of files.slice(0, WARM_UP_PAGES)) {
      try { extract(readFileSync(join(dir, name)), idOf(name)); } catch { /* reported in the pass below */ }
    }
  }

  const timings = [];
  const encodings = new Map();
  let failed = 0;
  for (const name of files) {
    const id = idOf(name);
    try {
      const bytes = readFileSync(join(dir, name));
      const start = performance.now();
      const { entry, encodingRule } = extract(bytes, id);
      const ms = performance.now() - start;
      timings.push({ id, bytes: bytes.length, ms: Number(ms.toFixed(3)) });
      encodings.set(encodingRule, (encodings.get(encodingRule) ?? 0) + 1);
      process.stdout.write(JSON.stringify(entry) + "\n");
    } catch (e) {
      failed++;
      console.error(`${id}: ${e.message}`);
    }
  }

  if (timingsFile) {
    writeFileSync(timingsFile, timings.map((t) => JSON.stringify(t) + "\n").join(""));
  }
  const rules = [...encodings].map(([rule, n]) => `${n} ${rule}`).join(", ");
  console.error(`extract.mjs: ${files.length} pages, ${files.length - failed} extracted, ` +
      `${failed} failed; charset: ${rules || "none"}`);
  return failed === 0 ? 0 : 1;
}

function idOf(fileName) {
  return fileName.slice(0, -".html".length);
}

/** Decodes, parses and extracts one page; throws with a short reason when there is no article. */
function extract(bytes, id) {
  const { text, encodingRule } = decode(bytes);
  let dom;
  try {
    dom = new JSDOM(text, {
      url: canonicalUrl(text) ?? DUMMY_URL_BASE + encodeURIComponent(id),
      contentType: "text/html",
      virtualConsole: quietConsole(id),
    });
  } catch (e) {
    throw new Error(`jsdom could not build the page: ${e.message}`, { cause: e });
  }
  try {
    let article;
    try {
      // The identity serializer hands back the content element, so the lead needs no second parse.
      article = new Readability(dom.window.document, { serializer: (el) => el }).parse();
    } catch (e) {
      throw new Error(`Readability failed: ${e.message}`, { cause: e });
    }
    if (article === null) throw new Error("Readability found no article");
    const entry = {
      id,
      headline: article.title || null,
      published: article.publishedTime || null,
      lead: firstParagraph(article.content),
      lang: article.lang || null,
    };
    return { entry, encodingRule };
  } finally {
    dom.window.close();
  }
}

/**
 * Decodes raw page bytes the way a browser would, with two corrections for stored pages:
 * BOM, then <meta charset> / http-equiv in the first 1024 bytes (the HTML prescan), then such a
 * meta later in the page (browsers re-decode when the parser meets it), else UTF-8 when the bytes
 * are valid UTF-8, else windows-1252. A declared legacy charset on bytes that are valid non-ASCII
 * UTF-8 is taken as UTF-8: the page was re-saved as UTF-8 without updating its meta.
 */
function decode(bytes) {
  let encoding = htmlEncodingSniffer(bytes, { defaultEncoding: "none" });
  let rule = "declared";
  if (encoding === "none") {
    const lateMeta = findLateCharsetMeta(bytes);
    encoding = lateMeta === -1 ? "none" : htmlEncodingSniffer(bytes.subarray(lateMeta), { defaultEncoding: "none" });
    rule = "declared after 1024 bytes";
  }
  const utf8 = isUtf8(bytes);
  if (encoding === "none") {
    encoding = utf8 ? "UTF-8" : "windows-1252";
    rule = `undeclared, read as ${encoding}`;
  } else if (encoding !== "UTF-8" && !encoding.startsWith("UTF-16") && utf8 && hasNonAscii(bytes)) {
    rule = `declared ${encoding} but valid UTF-8, read as UTF-8`;
    encoding = "UTF-8";
  }
  // new TextDecoder strips a BOM for the encoding it names, as the HTML decode algorithm does.
  return { text: new TextDecoder(encoding).decode(bytes), encodingRule: rule };
}

/** Offset of the first <meta ... charset=...> tag anywhere in the page, or -1. */
function findLateCharsetMeta(bytes) {
  const match = /<meta\s[^>]*charset/i.exec(bytes.toString("latin1"));
  return match === null ? -1 : match.index;
}

function isUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes) {
  return bytes.some((b) => b > 0x7f);
}

/** The absolute http(s) URL of <link rel="canonical">, read from the markup before parsing, or null. */
function canonicalUrl(html) {
  for (const [tag] of html.matchAll(/<link\s[^>]*>/gi)) {
    const rel = attribute(tag, "rel");
    if (rel === null || !rel.toLowerCase().split(/\s+/).includes("canonical")) continue;
    try {
      const url = new URL(attribute(tag, "href") ?? "");
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null; // relative or malformed: fall back to the dummy URL
    }
  }
  return null;
}

function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match === null ? null : (match[1] ?? match[2] ?? match[3]).trim();
}

/** Silences jsdom's reports (CSS it cannot parse, unimplemented APIs) except real errors. */
function quietConsole(id) {
  const console = new VirtualConsole();
  console.on("jsdomError", (e) => {
    if (e.type !== "css-parsing" && e.type !== "not-implemented") {
      process.stderr.write(`${id}: jsdom ${e.type ?? "error"}: ${e.message}\n`);
    }
  });
  return console;
}

/**
 * The first block of the article that reads like a paragraph, as whitespace-normalised text;
 * else the first non-empty block; else the article's whole text; null when it has none.
 */
function firstParagraph(content) {
  const blocks = [...content.querySelectorAll(TEXT_BLOCKS)]
      .filter((block) => block.querySelector(TEXT_BLOCKS) === null) // innermost blocks only
      .filter((block) => block.closest(NOT_LEAD) === null)
      .map((block) => normalise(block.textContent))
      .filter((text) => text !== "");
  const lead = blocks.find((text) =>
      text.length + (text.match(WIDE_CHAR)?.length ?? 0) >= LEAD_MIN_CHARS
      || (text.match(SENTENCE_END)?.length ?? 0) >= LEAD_MIN_SENTENCES);
  return lead ?? blocks[0] ?? (normalise(content.textContent) || null);
}

function normalise(text) {
  return text.replace(/\s+/g, " ").trim();
}

process.exitCode = main();
