// The router: the URL hash names the view (state.ts); each view renders into <main>.

import "./style.css";
import { ApiError } from "./api";
import { h, status } from "./dom";
import { buildFilterBar, syncFilterBar } from "./filters";
import { Route, currentRoute, filtersOf } from "./state";
import { analyzeView } from "./views/analyze";
import { documentView } from "./views/document";
import { eventView } from "./views/event";
import { tableView } from "./views/table";
import { timelineView } from "./views/timeline";

type View = (main: HTMLElement, route: Route) => Promise<void> | void;

// The network (cytoscape) and the map (the world's countries) are most of the code: they load
// when first shown, from the same server, as separate chunks of the build.
let graphModule: typeof import("./views/graph") | null = null;
const graphView: View = async (main, route) => {
  graphModule ??= await import("./views/graph");
  return graphModule.graphView(main, route);
};
const mapView: View = async (main, route) => (await import("./views/map")).mapView(main, route);

// The views that the filter bar applies to; the others show one thing by id, or a form.
const FILTERED: Record<string, View> = { timeline: timelineView, graph: graphView, map: mapView, events: tableView };
const SINGLE: Record<string, View> = { event: eventView, document: documentView, analyze: analyzeView };
const TITLES: Record<string, string> = {
  timeline: "Zeitleiste", graph: "Akteursnetz", map: "Karte", events: "Ereignisse", event: "Ereignis",
  document: "Dokument", analyze: "Text analysieren",
};

const main = document.getElementById("main") as HTMLElement;
const filterBar = document.getElementById("filters") as HTMLFormElement;
let renderCount = 0;

async function render(): Promise<void> {
  const route = currentRoute();
  const view = FILTERED[route.view] ?? SINGLE[route.view];
  const ticket = ++renderCount;
  if (route.view !== "graph") graphModule?.disposeGraph();
  filterBar.hidden = !(route.view in FILTERED);
  syncFilterBar(filterBar, filtersOf(route.params));
  document.title = `${TITLES[route.view] ?? "lagebild"} · lagebild`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-view]")) {
    const active = link.dataset.view === route.view;
    if (active) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    // Keep the filters when switching between the filtered views.
    if (link.dataset.view && link.dataset.view in FILTERED) {
      const query = new URLSearchParams(filtersOf(route.params) as Record<string, string>).toString();
      link.href = `#/${link.dataset.view}${query ? `?${query}` : ""}`;
    }
  }
  main.setAttribute("aria-busy", "true");
  // Each rendering gets its own element: a slow answer to an earlier navigation then fills a
  // detached element instead of overwriting the current view.
  const host = h("div", { class: `view view-${route.view}` });
  main.replaceChildren(host);
  try {
    if (!view) {
      host.replaceChildren(status(`Unbekannte Ansicht „${route.view}“ / unknown view`, "error"));
      return;
    }
    await view(host, route);
  } catch (error) {
    const message = error instanceof ApiError ? `${error.status}: ${error.message}` : String((error as Error).message ?? error);
    host.replaceChildren(h("h2", {}, TITLES[route.view] ?? "lagebild"), status(`Fehler / error — ${message}`, "error"));
  } finally {
    if (ticket === renderCount) {
      main.setAttribute("aria-busy", "false");
      main.dataset.view = route.view;
    }
  }
}

buildFilterBar(filterBar);
window.addEventListener("hashchange", () => void render());
if (!location.hash) history.replaceState(null, "", "#/events");
void render();
