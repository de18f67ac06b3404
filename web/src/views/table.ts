// The event table (/api/events): sortable by date, mentions and Goldstein, paged by cursor.
// A row opens the event (Enter or click).

import { Event, EventPage, get } from "../api";
import { CAMEO_ROOTS, QUAD_CLASSES, actorLabel } from "../codes";
import { h, status } from "../dom";
import { Route, filtersOf, navigate } from "../state";

const PAGE_SIZE = "50";  // the API's default; `limit` in the hash overrides it
const SORTABLE: Record<string, string> = { date: "Datum / date", mentions: "Meldungen / mentions", goldstein: "Goldstein" };

// The cursors of the pages before the current one, for "previous"; reset when the query changes.
let cursors: (string | null)[] = [];
let cursorQuery = "";

function sortHeader(route: Route, key: string): HTMLElement {
  const sort = route.params.get("sort") ?? "-date";
  const active = sort.replace(/^-/, "") === key;
  const descending = sort.startsWith("-");
  const next = active && descending ? key : `-${key}`;
  const params = Object.fromEntries(route.params);
  return h("th", { scope: "col", "aria-sort": active ? (descending ? "descending" : "ascending") : "none" },
    h("button", { type: "button", class: "sort", onclick: () => navigate("events", null, { ...params, sort: next, cursor: undefined }) },
      SORTABLE[key], active ? (descending ? " ▼" : " ▲") : ""));
}

function row(event: Event): HTMLElement {
  const quad = QUAD_CLASSES[event.quad_class];
  const open = () => navigate("event", String(event.id), Object.fromEntries(filtersParams()));
  return h("tr", { class: "event-row", tabindex: 0, "data-id": event.id, onclick: open,
                   onkeydown: ((e: KeyboardEvent) => { if (e.key === "Enter") open(); }) as EventListener },
    h("td", {}, event.date ?? "—"),
    h("td", {}, actorLabel(event.source)),
    h("td", {}, actorLabel(event.target)),
    h("td", { title: CAMEO_ROOTS[event.root] ?? "" }, event.code),
    h("td", {}, h("span", { class: "swatch", style: `background:${quad?.colour ?? "#999"}` }), ` ${event.quad_class}`),
    h("td", { class: "num" }, event.goldstein.toFixed(1)),
    h("td", {}, event.modality),
    h("td", {}, event.place?.name ?? "—"),
    h("td", { class: "num" }, event.num_mentions),
    h("td", {}, h("a", { href: `#/event/${event.id}`, onclick: ((e: MouseEvent) => e.stopPropagation()) as EventListener },
                  "öffnen")));
}

function filtersParams(): URLSearchParams {
  const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
  return new URLSearchParams(Object.entries(filtersOf(params)) as [string, string][]);
}

export async function tableView(main: HTMLElement, route: Route): Promise<void> {
  const query = new URLSearchParams(route.params);
  query.delete("cursor");
  if (query.toString() !== cursorQuery) { cursors = []; cursorQuery = query.toString(); }
  const cursor = route.params.get("cursor") ?? undefined;
  main.replaceChildren(h("h2", {}, "Ereignisse / events"), status("Lade … / loading …"));
  const page = await get<EventPage>("events", {
    ...filtersOf(route.params), sort: route.params.get("sort") ?? undefined, limit: route.params.get("limit") ?? PAGE_SIZE, cursor,
  });
  const params = Object.fromEntries(route.params);
  const pageNumber = cursors.length + 1;
  const previous = h("button", { type: "button", disabled: !cursor, onclick: () => {
    const before = cursors.pop() ?? null;
    navigate("events", null, { ...params, cursor: before ?? undefined });
  } }, "◀ zurück");
  const next = h("button", { type: "button", disabled: !page.next_cursor, onclick: () => {
    cursors.push(cursor ?? null);
    navigate("events", null, { ...params, cursor: page.next_cursor ?? undefined });
  } }, "weiter ▶");
  main.replaceChildren(
    h("h2", {}, "Ereignisse / events"),
    h("p", { class: "summary", role: "status" }, `${page.total} Ereignisse · Seite ${pageNumber}`),
    page.events.length === 0 ? status("Keine Ereignisse für diese Filter / no events match", "empty") :
    h("table", { class: "data events" },
      h("thead", {}, h("tr", {},
        sortHeader(route, "date"),
        h("th", { scope: "col" }, "Quelle / source"), h("th", { scope: "col" }, "Ziel / target"),
        h("th", { scope: "col" }, "CAMEO"), h("th", { scope: "col" }, "Quad"),
        sortHeader(route, "goldstein"),
        h("th", { scope: "col" }, "Modalität"), h("th", { scope: "col" }, "Ort / place"),
        sortHeader(route, "mentions"), h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Link")))),
      h("tbody", {}, page.events.map(row))),
    h("nav", { class: "pager", "aria-label": "Seiten" }, previous, next));
}
