// A stand-in for `lagebild serve` (docs/api.md) until the real server lands: serves the built UI
// and answers the read endpoints from the JSON files in fixtures/ (the Kim–Putin sample, three
// documents, twenty stored events). Filters, sorting, cursors and errors follow the contract;
// /api/analyze returns a fixture document when the text is one, else marks the fixture's known
// names wherever they occur in the text (a fake pipeline, good enough for the UI).
//
//   node web/test/fixture-server.mjs [--port 8081] [--web web/dist]

import { createServer } from "node:http";
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "fixtures");
const PAGE_MAX = 500;
const PAGE_DEFAULT = 50;

function loadFixtures() {
  const { events } = JSON.parse(readFileSync(join(fixtures, "events.json"), "utf8"));
  const documents = new Map();
  for (const file of readdirSync(join(fixtures, "documents"))) {
    const doc = JSON.parse(readFileSync(join(fixtures, "documents", file), "utf8"));
    documents.set(String(doc.doc.id), doc);
  }
  const names = JSON.parse(readFileSync(join(fixtures, "actor-names.json"), "utf8"));
  return { events, documents, names };
}

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// ---- filters (docs/api.md "Filters") ----

function dateRange(date) {
  if (!date) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return [date.slice(0, 10), date.slice(0, 10)];
  if (/^\d{4}-\d{2}$/.test(date)) return [`${date}-01`, `${date}-31`];
  if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  return null;
}

function list(params, name, check) {
  const value = params.get(name);
  if (!value) return null;
  const items = value.split(",").map(v => v.trim()).filter(Boolean);
  for (const item of items) if (!check(item)) throw new HttpError(400, `bad parameter '${name}': ${value}`);
  return items;
}

function textMatcher(q) {
  // A small part of FTS5's syntax: words (all must occur), "phrases", OR between terms, prefix*.
  const terms = [...q.matchAll(/"([^"]+)"|(\S+)/g)].map(m => m[1] ?? m[2]);
  const alternatives = [[]];
  for (const term of terms) {
    if (term === "OR") alternatives.push([]);
    else if (term !== "AND") alternatives[alternatives.length - 1].push(term.toLowerCase());
  }
  const matchTerm = (text, term) => {
    if (term.endsWith("*")) return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(term.slice(0, -1))}`, "u").test(text);
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(term)}($|[^\\p{L}\\p{N}])`, "u").test(text);
  };
  return text => {
    const lower = text.toLowerCase();
    return alternatives.some(all => all.length && all.every(term => matchTerm(lower, term)));
  };
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function eventFilter(params) {
  const isDay = v => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const from = params.get("from");
  const to = params.get("to");
  if (from && !isDay(from)) throw new HttpError(400, `bad parameter 'from': ${from}`);
  if (to && !isDay(to)) throw new HttpError(400, `bad parameter 'to': ${to}`);
  const actor = params.get("actor")?.toUpperCase();
  const sourceActor = params.get("source_actor")?.toUpperCase();
  const targetActor = params.get("target_actor")?.toUpperCase();
  const country = params.get("country")?.toUpperCase();
  if (country && !/^[A-Z]{3}$/.test(country)) throw new HttpError(400, `bad parameter 'country': ${country}`);
  const roots = list(params, "root", v => /^\d{2}$/.test(v));
  const code = params.get("code");
  const quads = list(params, "quad_class", v => /^[1-4]$/.test(v))?.map(Number);
  const modalities = list(params, "modality", v => ["asserted", "planned", "possible", "negated"].includes(v));
  const source = params.get("source");
  const q = params.get("q") ? textMatcher(params.get("q")) : null;
  const minMentions = params.get("min_mentions") ? Number(params.get("min_mentions")) : null;
  if (minMentions !== null && !Number.isInteger(minMentions)) throw new HttpError(400, "bad parameter 'min_mentions'");
  const code_ = e => e?.code ?? "";
  return event => {
    if (from || to) {
      const range = dateRange(event.date);
      if (!range) return false;
      if (from && range[1] < from) return false;
      if (to && range[0] > to) return false;
    }
    if (actor && !code_(event.source).startsWith(actor) && !code_(event.target).startsWith(actor)) return false;
    if (sourceActor && !code_(event.source).startsWith(sourceActor)) return false;
    if (targetActor && !code_(event.target).startsWith(targetActor)) return false;
    if (country && code_(event.source).slice(0, 3) !== country && code_(event.target).slice(0, 3) !== country &&
        event.place?.country !== country) return false;
    if (roots && !roots.includes(event.root)) return false;
    if (code && !event.code.startsWith(code)) return false;
    if (quads && !quads.includes(event.quad_class)) return false;
    if (modalities && !modalities.includes(event.modality)) return false;
    if (source && !event.mentions.some(m => m.source === source)) return false;
    if (q && !event.mentions.some(m => q(m.text))) return false;
    if (minMentions !== null && event.num_mentions < minMentions) return false;
    return true;
  };
}

function limitOf(params, fallback, max = PAGE_MAX) {
  const raw = params.get("limit");
  if (!raw) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new HttpError(400, `bad parameter 'limit': ${raw}`);
  return limit;
}

function publicEvent(event) {
  const { mentions: _mentions, ...rest } = event;
  return rest;
}

// ---- endpoints ----

const SORTS = {
  date: (a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id - b.id,
  mentions: (a, b) => a.num_mentions - b.num_mentions || a.id - b.id,
  goldstein: (a, b) => a.goldstein - b.goldstein || a.id - b.id,
};

function events(data, params) {
  const sort = params.get("sort") ?? "-date";
  const compare = SORTS[sort.replace(/^-/, "")];
  if (!compare) throw new HttpError(400, `bad parameter 'sort': ${sort}`);
  const limit = limitOf(params, PAGE_DEFAULT);
  let offset = 0;
  if (params.get("cursor")) {
    offset = Number(Buffer.from(params.get("cursor"), "base64url").toString());
    if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, "bad parameter 'cursor'");
  }
  const matching = data.events.filter(eventFilter(params));
  matching.sort(sort.startsWith("-") ? (a, b) => compare(b, a) : compare);
  const page = matching.slice(offset, offset + limit);
  const next = offset + limit < matching.length ? Buffer.from(String(offset + limit)).toString("base64url") : null;
  return { events: page.map(publicEvent), next_cursor: next, total: matching.length };
}

function graph(data, params) {
  const limit = limitOf(params, 200, 5000);
  const edges = new Map();
  for (const event of data.events.filter(eventFilter(params))) {
    const [s, t] = [event.source.code, event.target.code];
    if (!s || !t) continue;
    const edge = edges.get(`${s}>${t}`) ?? { source: s, target: t, events: 0, mentions: 0, goldstein: 0 };
    edge.events += 1;
    edge.mentions += event.num_mentions;
    edge.goldstein += event.goldstein;
    edges.set(`${s}>${t}`, edge);
  }
  const top = [...edges.values()].sort((a, b) => b.events - a.events || b.mentions - a.mentions).slice(0, limit);
  const nodes = new Map();
  for (const edge of top) {
    edge.goldstein = Math.round((edge.goldstein / edge.events) * 10) / 10;
    for (const id of [edge.source, edge.target]) nodes.set(id, (nodes.get(id) ?? 0) + edge.events);
  }
  return { nodes: [...nodes].map(([id, events]) => ({ id, events })).sort((a, b) => b.events - a.events), edges: top };
}

function timeline(data, params) {
  const by = params.get("by") ?? "day";
  if (!["day", "month"].includes(by)) throw new HttpError(400, `bad parameter 'by': ${by}`);
  const days = new Map();
  for (const event of data.events.filter(eventFilter(params))) {
    if (!event.date) continue;
    let key;
    if (by === "month" && /^\d{4}-\d{2}(-|$)/.test(event.date)) key = event.date.slice(0, 7);
    else if (/^\d{4}-\d{2}-\d{2}/.test(event.date)) key = event.date.slice(0, 10);
    else continue;
    const day = days.get(key) ?? { date: key, q1: 0, q2: 0, q3: 0, q4: 0 };
    day[`q${event.quad_class}`] += 1;
    days.set(key, day);
  }
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

function actors(data, params) {
  const prefix = (params.get("prefix") ?? "").toLowerCase();
  const limit = limitOf(params, PAGE_DEFAULT);
  const counts = new Map();
  for (const event of data.events.filter(eventFilter(params))) {
    for (const code of new Set([event.source.code, event.target.code])) {
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  const list = [...counts].map(([code, events]) => ({ code, names: data.names[code] ?? [], events }))
    .filter(a => !prefix || a.code.toLowerCase().startsWith(prefix) || a.names.some(n => n.toLowerCase().startsWith(prefix)))
    .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
  return { actors: list.slice(0, limit) };
}

/** Marks every occurrence of a surface the fixture documents know; byte offsets like the engine's. */
function fakeAnalysis(data, body) {
  const text = body.text;
  for (const doc of data.documents.values()) {
    if (doc.text === text) {
      const { event_ids: _ids, ...analysis } = doc;
      return { ...analysis, doc: { ...doc.doc, id: null, published: body.published ?? doc.doc.published } };
    }
  }
  const known = { entities: new Map(), times: new Map(), places: new Map() };
  for (const doc of data.documents.values()) {
    for (const kind of Object.keys(known)) for (const a of doc[kind]) if (!known[kind].has(a.text)) known[kind].set(a.text, a);
  }
  const bytes = Buffer.from(text, "utf8");
  const taken = new Uint8Array(bytes.length);
  const analysis = { doc: { id: null, url: null, title: null, published: body.published ?? null,
                            lang: body.lang ?? "de", source: null }, text,
                     sentences: [{ begin: 0, end: bytes.length, lang: body.lang ?? "de", paragraph: 0 }],
                     entities: [], times: [], places: [], events: [] };
  for (const kind of Object.keys(known)) {
    const surfaces = [...known[kind].keys()].sort((a, b) => b.length - a.length);
    for (const surface of surfaces) {
      const needle = Buffer.from(surface, "utf8");
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (taken.subarray(at, end).some(Boolean)) continue;
        taken.fill(1, at, end);
        analysis[kind].push({ ...known[kind].get(surface), begin: at, end, sentence: 0 });
      }
    }
    analysis[kind].sort((a, b) => a.begin - b.begin);
  }
  // An event of the fixtures whose trigger and both actors' words occur: at their first places.
  const find = surface => {
    const at = bytes.indexOf(Buffer.from(surface, "utf8"));
    return at < 0 ? null : { begin: at, end: at + Buffer.byteLength(surface) };
  };
  const seen = new Set();
  for (const doc of data.documents.values()) {
    for (const event of doc.events) {
      const [trigger, source, target] = [event.trigger, event.source, event.target].map(x => x && find(x.text));
      if (!trigger || !source || !target || seen.has(trigger.begin)) continue;
      seen.add(trigger.begin);
      analysis.events.push({ ...event, sentence: 0, time: null, date: null, date_basis: null, place: null,
                             trigger: { ...event.trigger, ...trigger }, source: { ...event.source, ...source, entity: null },
                             target: { ...event.target, ...target, entity: null } });
    }
  }
  return analysis;
}

function readBody(request, limit = 4 << 20) {
  return new Promise((resolve_, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", chunk => {
      size += chunk.length;
      if (size > limit) { reject(new HttpError(413, "body over 4 MiB")); request.destroy(); return; }
      chunks.push(chunk);
    });
    request.on("end", () => resolve_(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function api(data, request, url) {
  const path = url.pathname;
  const params = url.searchParams;
  const method = request.method;
  const only = allowed => { if (method !== allowed) throw new HttpError(405, `${method} not allowed on ${path}`); };
  let match;
  if (path === "/healthz") { only("GET"); return { status: "ok", documents: data.documents.size, events: data.events.length }; }
  if (path === "/api/events") { only("GET"); return events(data, params); }
  if ((match = path.match(/^\/api\/events\/([^/]+)$/))) {
    only("GET");
    const event = data.events.find(e => String(e.id) === match[1]);
    if (!event) throw new HttpError(404, `no event ${match[1]}`);
    return event;
  }
  if ((match = path.match(/^\/api\/documents\/([^/]+)$/))) {
    only("GET");
    const doc = data.documents.get(match[1]);
    if (!doc) throw new HttpError(404, `no document ${match[1]}`);
    return doc;
  }
  if (path === "/api/actors") { only("GET"); return actors(data, params); }
  if (path === "/api/graph") { only("GET"); return graph(data, params); }
  if (path === "/api/timeline") { only("GET"); return timeline(data, params); }
  if (path === "/api/analyze") {
    only("POST");
    let body;
    try { body = JSON.parse(await readBody(request)); } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, "body is not JSON");
    }
    if (typeof body?.text !== "string") throw new HttpError(400, "bad parameter 'text'");
    return fakeAnalysis(data, body);
  }
  throw new HttpError(404, `no endpoint ${path}`);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
                ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon" };

function serveStatic(webRoot, url, response) {
  const relative = decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname);
  const file = resolve(webRoot, `.${relative}`);
  let real;
  try { real = realpathSync(file); } catch { throw new HttpError(404, `no file ${url.pathname}`); }
  if (real !== webRoot && !real.startsWith(webRoot + sep)) throw new HttpError(404, `no file ${url.pathname}`);
  if (!statSync(real).isFile()) throw new HttpError(404, `no file ${url.pathname}`);
  response.writeHead(200, { "Content-Type": TYPES[extname(real)] ?? "application/octet-stream" });
  response.end(readFileSync(real));
}

/** Starts the server; resolves to { url, close() }. */
export function startFixtureServer({ port = 0, host = "127.0.0.1", web = join(here, "..", "dist") } = {}) {
  const data = loadFixtures();
  let webRoot;
  try { webRoot = realpathSync(web); } catch { webRoot = resolve(web); }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://fixture");
    try {
      if (url.pathname.startsWith("/api/") || url.pathname === "/healthz") {
        const body = await api(data, request, url);
        response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
        response.end(JSON.stringify(body));
      } else {
        if (request.method !== "GET" && request.method !== "HEAD") throw new HttpError(405, `${request.method} not allowed`);
        serveStatic(webRoot, url, response);
      }
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ error: { status, message: error.message } }));
    }
  });
  return new Promise((resolve_, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve_({ url: `http://${host}:${actual}/`, close: () => new Promise(done => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
  const { url } = await startFixtureServer({ port: Number(option("--port", "8081")), web: option("--web", undefined) });
  console.log(`fixture server at ${url}`);
}
