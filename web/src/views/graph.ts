// The actor network (/api/graph) with cytoscape: node size by events, edge colour by mean
// Goldstein, edge width by events. Clicking a node (or its button in the list below, for the
// keyboard) filters by that actor.

import cytoscape from "cytoscape";
import { Graph, get } from "../api";
import { goldsteinColour } from "../codes";
import { h, status } from "../dom";
import { addFilter } from "../filters";
import { Route, filtersOf } from "../state";

let current: cytoscape.Core | null = null;

/** Frees the network shown last (its canvas and listeners) when the view changes. */
export function disposeGraph(): void {
  current?.destroy();
  current = null;
}

export async function graphView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(h("h2", {}, "Akteursnetz / actor network"), status("Lade … / loading …"));
  const graph = await get<Graph>("graph", filtersOf(route.params));
  disposeGraph();
  const selectActor = (code: string) => addFilter("graph", { actor: code });
  const container = h("div", { class: "network", id: "network", role: "img",
                               "aria-label": `Netz aus ${graph.nodes.length} Akteuren und ${graph.edges.length} Beziehungen` });
  main.replaceChildren(
    h("h2", {}, "Akteursnetz / actor network"),
    h("p", { class: "summary", role: "status" }, `${graph.nodes.length} Akteure, ${graph.edges.length} Beziehungen`),
    h("div", { class: "scale", "aria-hidden": "true" },
      "Goldstein ", h("span", { class: "gradient" }), h("span", {}, " −10 Konflikt … +10 Kooperation")),
    graph.nodes.length ? container : status("Keine Akteure für diese Filter / no actors match", "empty"),
    h("details", { class: "node-list" }, h("summary", {}, "Akteure als Liste / actors as a list"),
      h("ul", {}, graph.nodes.map(node => h("li", {},
        h("button", { type: "button", class: "link", "data-actor": node.id, onclick: () => selectActor(node.id) },
          `${node.id} (${node.events})`))))));
  if (!graph.nodes.length) return;
  const maxEvents = Math.max(1, ...graph.nodes.map(n => n.events));
  const maxEdge = Math.max(1, ...graph.edges.map(e => e.events));
  const known = new Set(graph.nodes.map(n => n.id));
  current = cytoscape({
    container,
    elements: [
      ...graph.nodes.map(n => ({ data: { id: n.id, label: n.id, size: 18 + 42 * Math.sqrt(n.events / maxEvents) } })),
      ...graph.edges.filter(e => known.has(e.source) && known.has(e.target)).map((e, i) => ({
        data: { id: `e${i}`, source: e.source, target: e.target, colour: goldsteinColour(e.goldstein),
                width: 1.5 + 6 * (e.events / maxEdge), label: `${e.events} · ${e.goldstein.toFixed(1)}` },
      })),
    ],
    style: [
      { selector: "node", style: { "background-color": "#34495e", label: "data(label)", width: "data(size)",
                                   height: "data(size)", color: "#1c2833", "font-size": 12, "text-valign": "bottom",
                                   "text-margin-y": 4 } },
      { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                   "target-arrow-shape": "triangle", "curve-style": "bezier", width: "data(width)",
                                   label: "data(label)", "font-size": 9, color: "#555", "text-rotation": "autorotate" } },
      { selector: "node:active, node:selected", style: { "background-color": "#c0392b" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 110 },
    wheelSensitivity: 0.3,
  });
  current.on("tap", "node", event => selectActor(event.target.id()));
  // For tests and the curious: the cytoscape instance of the network shown.
  (container as unknown as { cy: cytoscape.Core }).cy = current;
}
