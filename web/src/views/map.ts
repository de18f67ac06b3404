// The world map: countries from world-atlas (countries-110m, bundled with the UI, never fetched
// from the net), projected with d3-geo; the places of the events as circles sized by mentions.
// Clicking a place filters by its country.

import { geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { EventPage, get } from "../api";
import { h, status, svg } from "../dom";
import { addFilter } from "../filters";
import { Route, filtersOf } from "../state";

const WIDTH = 960;
const HEIGHT = 500;
const MAX_EVENTS = 500;  // one page of the API

interface PlaceDot { name: string; country: string | null; lat: number; lon: number; mentions: number; events: number }

const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

export async function mapView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(h("h2", {}, "Karte / map"), status("Lade … / loading …"));
  const page = await get<EventPage>("events", { ...filtersOf(route.params), limit: String(MAX_EVENTS), sort: "-mentions" });
  const byPlace = new Map<string, PlaceDot>();
  for (const event of page.events) {
    const place = event.place;
    if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
    const key = `${place.name}|${place.lat}|${place.lon}`;
    const dot = byPlace.get(key) ?? { name: place.name, country: place.country, lat: place.lat, lon: place.lon,
                                      mentions: 0, events: 0 };
    dot.mentions += event.num_mentions;
    dot.events += 1;
    byPlace.set(key, dot);
  }
  const dots = [...byPlace.values()].sort((a, b) => b.mentions - a.mentions);

  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
  const path = geoPath(projection);
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "worldmap", role: "img",
                            "aria-label": `Weltkarte mit ${dots.length} Orten` },
    svg("path", { d: path({ type: "Sphere" }) ?? "", class: "sphere" }),
    svg("path", { d: path(geoGraticule10()) ?? "", class: "graticule" }),
    svg("path", { d: path(countries) ?? "", class: "land" }));
  const maxMentions = Math.max(1, ...dots.map(d => d.mentions));
  for (const dot of [...dots].reverse()) {  // small circles on top
    const xy = projection([dot.lon, dot.lat]);
    if (!xy) continue;
    const circle = svg("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 22 * Math.sqrt(dot.mentions / maxMentions)).toFixed(1),
                                   class: "place", tabindex: 0, role: "button", "data-place": dot.name,
                                   "aria-label": `${dot.name}: ${dot.events} Ereignisse, ${dot.mentions} Meldungen` });
    const title = svg("title");
    title.textContent = `${dot.name} (${dot.country ?? "—"}): ${dot.events} Ereignisse, ${dot.mentions} Meldungen`;
    circle.append(title);
    const select = () => { if (dot.country) addFilter("map", { country: dot.country }); };
    circle.addEventListener("click", select);
    circle.addEventListener("keydown", e => {
      const key = (e as KeyboardEvent).key;
      if (key === "Enter" || key === " ") { e.preventDefault(); select(); }
    });
    root.append(circle);
  }
  const unplaced = page.events.length - dots.reduce((sum, d) => sum + d.events, 0);
  main.replaceChildren(
    h("h2", {}, "Karte / map"),
    h("p", { class: "summary", role: "status" },
      `${dots.length} Orte aus ${page.events.length} Ereignissen` + (unplaced ? ` (${unplaced} ohne Ort)` : "") +
      (page.total > page.events.length ? ` — die ${MAX_EVENTS} meistgemeldeten von ${page.total}` : "")),
    h("div", { class: "chart" }, root),
    dots.length ? h("details", {}, h("summary", {}, "Orte als Liste / places as a list"),
      h("ul", {}, dots.map(d => h("li", {}, `${d.name} (${d.country ?? "—"}): ${d.events} Ereignisse, ${d.mentions} Meldungen`))))
      : status("Keine Orte für diese Filter / no places match", "empty"));
}
