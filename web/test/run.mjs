// Browser tests of the web UI: Debian's chromium, headless, driven by playwright-core.
//
//   node web/test/run.mjs [--out DIR]
//
// Without LAGEBILD_URL the tests start the fixture server (fixture-server.mjs) on web/dist;
// with LAGEBILD_URL=http://127.0.0.1:8080/ they run against a real `lagebild serve`, and check
// what the data allows instead of the fixture's exact numbers. Screenshots go to DIR (default
// build/web-test). Exit 77 (skipped) only when no chromium is installed.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, "..");
const repoDir = resolve(webDir, "..");
const SKIP = 77;

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : join(repoDir, "build", "web-test"));
const only = process.env.LAGEBILD_WEB_TEST_ONLY ?? "";
const realServer = process.env.LAGEBILD_URL ?? "";

/** Debian's chromium, or the program CHROMIUM names (which then must exist). */
function findChromium() {
  const candidates = process.env.CHROMIUM ? [process.env.CHROMIUM] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find(path => existsSync(path));
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.log("web UI tests skipped: chromium is not installed (apt-get install chromium, or bash scripts/setup.sh)");
  process.exit(SKIP);
}
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.error("web UI tests: playwright-core is missing in web/node_modules — run bash scripts/setup.sh");
  process.exit(1);
}
if (!realServer && !existsSync(join(webDir, "dist", "index.html"))) {
  console.error("web UI tests: web/dist is not built — run bash scripts/setup.sh (or npm run build in web/)");
  process.exit(1);
}

// ---- a tiny test harness ----

class Failure extends Error {}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function equal(actual, expected, message) {
  if (actual !== expected) {
    throw new Failure(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The text between two byte offsets of a UTF-8 string, as the API means them. */
function byteSlice(text, begin, end) {
  return Buffer.from(text, "utf8").subarray(begin, end).toString("utf8");
}

const tests = [];
const test = (name, body) => tests.push({ name, body });

// ---- set-up ----

let server = null;
let base = realServer;
if (!base) {
  const { startFixtureServer } = await import("./fixture-server.mjs");
  server = await startFixtureServer({ web: join(webDir, "dist") });
  base = server.url;
}
if (!base.endsWith("/")) base += "/";
const fixture = !realServer;
mkdirSync(outDir, { recursive: true });
for (const old of readdirSync(outDir)) if (old.endsWith(".png")) rmSync(join(outDir, old));
const profile = mkdtempSync(join(tmpdir(), "lagebild-chromium-"));

const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(20_000);  // generous: ctest runs this beside C++ tests on two cores

// Every request the page makes; all must go to the server under test (the UI works offline).
const requests = [];
const foreign = [];
const pageErrors = [];
page.on("request", request => {
  const url = request.url();
  if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) requests.push(request);
  else foreign.push(url);
});
page.on("pageerror", error => pageErrors.push(String(error)));

const api = async path => {
  const response = await context.request.get(base + path);
  check(response.ok(), `GET ${path} answered ${response.status()}`);
  return response.json();
};

/** Goes to HASH and waits until the view has rendered (the router clears aria-busy). */
async function open(hash) {
  await page.goto(`${base}${hash}`);
  await settle();
}

async function settle() {
  await page.waitForFunction(() => document.getElementById("main")?.getAttribute("aria-busy") === "false");
}

/** Runs ACTION and returns the first API request matching PATH that it caused. */
async function requestOf(path, action) {
  const [request] = await Promise.all([
    page.waitForRequest(r => new URL(r.url()).pathname.endsWith(`/api/${path}`)),
    action(),
  ]);
  await page.waitForLoadState("networkidle").catch(() => {});
  await settle();
  return new URL(request.url());
}

async function shot(name) {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

const rowCount = () => page.locator("table.events tbody tr").count();
const totalShown = async () => Number((await page.locator(".summary").textContent()).match(/\d+/)[0]);

// ---- the tests ----

test("event table renders, sorts and pages by cursor", async () => {
  await open("#/events");
  const rows = await rowCount();
  check(rows > 0, "the table has no rows");
  const total = await totalShown();
  if (fixture) equal(total, 20, "events in the fixture");
  await shot("events");

  const sorted = await requestOf("events", () => page.getByRole("button", { name: /Meldungen/ }).click());
  equal(sorted.searchParams.get("sort"), "-mentions", "sort parameter");
  const mentions = await page.locator("table.events tbody tr td:nth-child(9)").allTextContents();
  const numbers = mentions.map(Number);
  check(numbers.every((n, i) => i === 0 || numbers[i - 1] >= n), `mentions not descending: ${numbers}`);
  check(page.url().includes("sort=-mentions"), "the sort is not in the URL");

  if (total > 5) {
    await open("#/events?limit=5");
    equal(await rowCount(), 5, "rows on a page of 5");
    const firstPage = await page.locator("table.events tbody tr").first().getAttribute("data-id");
    const next = await requestOf("events", () => page.getByRole("button", { name: /weiter/ }).click());
    check(next.searchParams.get("cursor"), "the next page was asked for without a cursor");
    const secondPage = await page.locator("table.events tbody tr").first().getAttribute("data-id");
    check(firstPage !== secondPage, "the next page shows the same first row");
    check(await page.getByText("Seite 2").count() === 1, "page number 2 not shown");
    await requestOf("events", () => page.getByRole("button", { name: /zurück/ }).click());
    equal(await page.locator("table.events tbody tr").first().getAttribute("data-id"), firstPage, "back on page 1");
  }
});

test("a filter changes the request, the URL and the rows", async () => {
  await open("#/events");
  const before = await totalShown();
  const codes = (await page.locator("table.events tbody tr td:nth-child(2)").allTextContents())
    .map(text => text.split(" ")[0]).filter(code => /^[A-Z]{3}/.test(code));
  check(fixture || codes.length, "no row with a source actor to filter by");
  const actor = fixture ? "IRN" : codes[0];
  const request = await requestOf("events", async () => {
    await page.getByLabel("Akteur / actor").fill(actor);
    await page.getByLabel("Akteur / actor").press("Enter");
  });
  equal(request.searchParams.get("actor"), actor, "actor parameter of the request");
  check(page.url().includes(`actor=${actor}`), "the filter is not in the URL");
  const after = await totalShown();
  check(after > 0 && after <= before, `filtered total ${after} of ${before}`);
  if (fixture) equal(after, 2, "IRN events in the fixture");
  const sides = await page.locator("table.events tbody tr").evaluateAll(rows =>
    rows.map(row => `${row.children[1].textContent} ${row.children[2].textContent}`));
  check(sides.every(text => text.includes(actor)), `a row without ${actor}: ${sides.join(" | ")}`);
  await shot("events-filtered");

  // A select applies at once; the filters stay when switching views.
  const quad = await requestOf("events", () => page.getByLabel("QuadClass").selectOption("2"));
  equal(quad.searchParams.get("quad_class"), "2", "quad_class parameter");
  equal(quad.searchParams.get("actor"), actor, "actor kept with the new filter");
  const quads = await page.locator("table.events tbody tr td:nth-child(5)").allTextContents();
  check(quads.every(q => q.trim() === "2"), `a row outside QuadClass 2: ${quads}`);
  const timeline = await requestOf("timeline", () => page.getByRole("link", { name: "Zeitleiste" }).click());
  equal(timeline.searchParams.get("actor"), actor, "the timeline keeps the actor filter");
  equal(await page.getByLabel("Akteur / actor").inputValue(), actor, "the filter bar shows the filter");
});

test("timeline shows bars per day by QuadClass and narrows to a clicked day", async () => {
  await open("#/timeline");
  const days = page.locator("svg.timeline g.day");
  const count = await days.count();
  check(count > 0, "no days in the timeline");
  if (fixture) equal(count, 5, "days in the fixture timeline");
  const colours = new Set(await page.locator("svg.timeline rect").evaluateAll(rects => rects.map(r => r.getAttribute("fill"))));
  check(colours.size >= (fixture ? 3 : 1), `QuadClass colours: ${[...colours]}`);
  await shot("timeline");

  const modality = await requestOf("timeline", () => page.getByLabel("Modalität / modality").selectOption("planned"));
  equal(modality.searchParams.get("modality"), "planned", "modality parameter");
  if (fixture) equal(await days.count(), 1, "days with planned events");

  await open("#/timeline");
  const months = await requestOf("timeline", () => page.getByLabel("Zeitraster / period").selectOption("month"));
  equal(months.searchParams.get("by"), "month", "by parameter");
  if (fixture) {
    equal((await days.evaluateAll(gs => gs.map(g => g.dataset.date))).join(","), "2023-02,2023-07,2023-09", "months");
  }
  const month = await days.last().getAttribute("data-date");
  await requestOf("timeline", () => days.last().click());
  check(page.url().includes(`from=${month}-01`), `clicking ${month} did not narrow the range: ${page.url()}`);

  await open("#/timeline");
  const date = await days.first().getAttribute("data-date");
  await requestOf("timeline", () => days.first().click());
  check(page.url().includes(`from=${date}`) && page.url().includes(`to=${date}`), `clicking ${date} did not narrow the range`);
});

test("actor network draws nodes and coloured edges; a click on a node filters by it", async () => {
  await open("#/graph");
  await page.waitForFunction(() => document.getElementById("network")?.cy?.nodes().length > 0);
  const info = await page.evaluate(() => {
    const cy = document.getElementById("network").cy;
    return { nodes: cy.nodes().length, edges: cy.edges().map(e => e.style("line-color")) };
  });
  check(info.edges.length > 0, "no edges");
  if (fixture) {
    equal(info.nodes, 8, "actors in the fixture network");
    check(new Set(info.edges).size > 1, `edges all one colour: ${info.edges}`);
  }
  await page.waitForTimeout(300);
  await shot("graph");

  const target = await page.evaluate(() => {
    const cy = document.getElementById("network").cy;
    const node = cy.nodes().sort((a, b) => b.degree() - a.degree())[0];
    const box = cy.container().getBoundingClientRect();
    const position = node.renderedPosition();
    return { id: node.id(), x: box.left + position.x, y: box.top + position.y };
  });
  const request = await requestOf("graph", () => page.mouse.click(target.x, target.y));
  equal(request.searchParams.get("actor"), target.id, "actor filter after clicking a node");
  equal(await page.getByLabel("Akteur / actor").inputValue(), target.id, "the filter bar shows the actor");
});

test("world map draws the countries and event places sized by mentions", async () => {
  await open("#/map");
  check(await page.locator("svg.worldmap path.land").count() === 1, "no land");
  const landLength = await page.locator("svg.worldmap path.land").evaluate(p => p.getAttribute("d").length);
  check(landLength > 10_000, "the countries are missing from the map");
  const places = await page.locator("svg.worldmap circle.place").evaluateAll(circles =>
    circles.map(c => ({ name: c.dataset.place, r: Number(c.getAttribute("r")) })));
  check(places.length > 0, "no places on the map");
  if (fixture) {
    const names = places.map(p => p.name).sort();
    check(names.includes("Vladivostok") && names.includes("Pyongyang"), `places: ${names}`);
    const radius = name => places.find(p => p.name === name).r;
    check(radius("Vladivostok") > radius("Moscow"), "Vladivostok (3 mentions) not larger than Moscow (1)");
  }
  await shot("map");
  const request = await requestOf("events", () => page.getByLabel("Land / country").fill("CHN").then(() =>
    page.getByLabel("Land / country").press("Enter")));
  equal(request.searchParams.get("country"), "CHN", "country parameter");
  if (fixture) {
    const names = await page.locator("svg.worldmap circle.place").evaluateAll(cs => cs.map(c => c.dataset.place));
    equal(names.join(","), "Moscow", "places of events with China");
  }
});

test("an event opens from the table with its mentions, and links to its document", async () => {
  await open("#/events");
  const row = page.locator("table.events tbody tr").first();
  const id = await row.getAttribute("data-id");
  await row.focus();
  await page.keyboard.press("Enter");  // the keyboard opens it as a click does
  await page.waitForURL(url => url.hash.startsWith(`#/event/${id}`));
  await settle();
  const event = await api(`api/events/${id}`);
  const items = page.locator("li.mention");
  equal(await items.count(), event.mentions.length, "mentions listed");
  const mention = event.mentions[0];
  const trigger = byteSlice(mention.text, mention.trigger.begin - mention.sentence_begin,
                            mention.trigger.end - mention.sentence_begin);
  equal(await items.first().locator("mark").textContent(), trigger, "the trigger marked in the sentence");
  check((await items.first().textContent()).includes(mention.modality), "modality not shown");
  if (mention.speaker) check((await items.first().textContent()).includes(mention.speaker), "speaker not shown");
  await shot("event");

  await items.first().locator("a.doc-link").click();
  await page.waitForURL(url => url.hash.startsWith(`#/document/${mention.document_id}`));
  await settle();
  const focused = page.locator(".doc-text mark.focus");
  equal(await focused.count(), 1, "the trigger of the mention is marked in the document");
  equal(await focused.textContent(), trigger, "the focused mark is the trigger");
});

async function checkHighlights(analysis, scope) {
  const text = analysis.text ?? analysis.doc.text;
  const lists = { actor: analysis.entities, time: analysis.times, place: analysis.places,
                  trigger: analysis.events.map(e => e.trigger) };
  const marks = await page.locator(`${scope} .doc-text mark`).evaluateAll(ms => ms.map(m => ({
    kind: m.dataset.kind, begin: Number(m.dataset.begin), end: Number(m.dataset.end), text: m.textContent, title: m.title,
  })));
  const byKey = new Map(marks.map(m => [`${m.kind}:${m.begin}:${m.end}`, m]));
  // Spans that cross another are left out by design, and the page says how many.
  const note = await page.locator(`${scope} .note`).allTextContents();
  let missingAllowed = note.length ? Number(note[0].match(/\d+/)[0]) : 0;
  let checked = 0;
  for (const [kind, spans] of Object.entries(lists)) {
    for (const span of spans) {
      const mark = byKey.get(`${kind}:${span.begin}:${span.end}`);
      if (!mark && missingAllowed-- > 0) continue;
      check(mark, `no ${kind} mark for "${span.text}" at ${span.begin}`);
      equal(mark.text, byteSlice(text, span.begin, span.end), `${kind} mark at byte ${span.begin}`);
      if (span.text !== undefined) equal(mark.text, span.text, `${kind} mark equals its surface`);
      checked++;
    }
  }
  // The case that byte offsets get wrong when read as character offsets: a span after an umlaut.
  const firstWide = Buffer.from(text, "utf8").findIndex(b => b >= 0x80);
  const after = analysis.entities.find(e => firstWide >= 0 && e.begin > firstWide);
  if (firstWide >= 0 && text.slice(0, 400).match(/[äöüÄÖÜß]/)) {
    check(after, "no entity after the first umlaut to check");
    equal(byKey.get(`actor:${after.begin}:${after.end}`)?.text, after.text, "the entity after an umlaut");
  }
  const entity = analysis.entities.find(e => e.actor);
  if (entity) {
    check(byKey.get(`actor:${entity.begin}:${entity.end}`)?.title.includes(entity.actor), "hover does not show the code");
  }
  return checked;
}

test("document view highlights actors, times, places and triggers at the right bytes", async () => {
  let id = 1;  // the German Kim–Putin article of the fixture
  if (!fixture) {
    const [first] = (await api("api/events?limit=1")).events;
    check(first, "no event in the database, so no document to show");
    id = (await api(`api/events/${first.id}`)).mentions[0]?.document_id;
    check(id, `event ${first.id} has no mention`);
  }
  const analysis = await api(`api/documents/${id}`);
  await open(`#/document/${id}`);
  const checked = await checkHighlights(analysis, "main");
  if (fixture) {
    check(checked >= 80, `only ${checked} spans checked`);
    const putin = page.locator('.doc-text mark[data-kind="actor"]', { hasText: "Wladimir V. Putin" });
    equal(await putin.count(), 1, "Wladimir V. Putin (after „Führer“ and „Präsident“) highlighted once");
    // „Russland“ at byte 44 is both an actor and a place: the inner mark's hover names both.
    const both = await page.locator('.doc-text mark[data-kind="place"][data-begin="44"]').getAttribute("title");
    check(both.includes("Akteur: RUS") && both.includes("Ort: Russian Federation"), `hover of a double span: ${both}`);
  }
  equal(await page.locator("table.events-of-doc tbody tr").count(), analysis.events.length, "events listed");
  if (fixture) {
    const attribution = await page.locator("table.events-of-doc tbody tr").nth(2).locator("td").nth(5).textContent();
    check(attribution.includes("USAGOV"), `attribution shown: ${attribution}`);
  }
  await shot("document");
});

test("analyse text posts the text and shows the same highlighted view", async () => {
  await open("#/analyze");
  const text = "Am Mittwoch planten Präsident Putin und Kim Jong-un ein Treffen in Wladiwostok. Die Gespräche über Waffen dauern bis Donnerstag.";
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("Veröffentlicht / published").fill("2023-09-13");
  await page.getByLabel("Sprache / language").selectOption("de");
  const [response] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith("/api/analyze")),
    page.getByRole("button", { name: "Analysieren" }).click(),
  ]);
  const sent = JSON.parse(response.request().postData());
  equal(sent.text, text, "the text sent");
  equal(sent.published, "2023-09-13", "the date sent");
  equal(sent.lang, "de", "the language sent");
  const analysis = await response.json();
  await page.locator(".analyze-result .doc-text").waitFor();
  const checked = await checkHighlights({ ...analysis, text: analysis.text ?? text }, ".analyze-result");
  check(checked > 0, "nothing highlighted in the analysed text");
  const marks = await page.locator('.analyze-result mark[data-kind="actor"]').allTextContents();
  check(marks.includes("Putin") && marks.includes("Kim Jong-un"), `actors marked: ${marks}`);
  if (fixture) {
    equal(await page.locator('.analyze-result mark[data-kind="trigger"]').textContent(), "Treffen", "the event's trigger");
    equal(await page.locator(".analyze-result table.events-of-doc tbody tr").count(), 1, "events of the analysis");
  }
  await shot("analyze");
});

test("errors of the API are shown, not swallowed", async () => {
  await open("#/document/987654321");
  const alert = page.getByRole("alert");
  check((await alert.textContent()).includes("404"), "no 404 message for an unknown document");
});

// ---- run ----

let passed = 0;
let failed = 0;
const started = Date.now();
try {
  for (const { name, body } of tests) {
    if (only && !name.includes(only)) continue;
    try {
      await body();
      passed++;
      console.log(`ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}\n     ${error instanceof Failure ? error.message : error.stack}`);
      await shot(`failed-${tests.indexOf(tests.find(t => t.name === name))}`).catch(() => {});
    }
  }
  if (foreign.length) {
    failed++;
    console.log(`FAIL the UI made requests off the server under test:\n     ${[...new Set(foreign)].join("\n     ")}`);
  }
  if (pageErrors.length) {
    failed++;
    console.log(`FAIL uncaught errors in the page:\n     ${pageErrors.join("\n     ")}`);
  }
} finally {
  await context.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`web UI against ${fixture ? "the fixture server" : base}; screenshots in ${outDir} (${Date.now() - started} ms)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
