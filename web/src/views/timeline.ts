// Events per day, stacked by QuadClass (/api/timeline), as plain SVG. Clicking a day narrows
// the date range to it.

import { TimelineDay, get } from "../api";
import { QUAD_CLASSES } from "../codes";
import { h, status, svg } from "../dom";
import { addFilter } from "../filters";
import { Route, filtersOf } from "../state";

const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 44, bottom: 40, left: 40 };
const DAY_MS = 86_400_000;
const QUADS = [1, 2, 3, 4] as const;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function total(day: TimelineDay): number {
  return day.q1 + day.q2 + day.q3 + day.q4;
}

function chart(days: TimelineDay[]): SVGSVGElement {
  const first = dayNumber(days[0].date);
  const last = dayNumber(days[days.length - 1].date);
  const span = last - first + 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / span;
  const barWidth = Math.max(1, step * 0.8);
  const max = Math.max(1, ...days.map(total));
  const y = (count: number) => (count / max) * plotHeight;

  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "img",
                            "aria-label": `Ereignisse pro Tag, ${days[0].date} bis ${days[days.length - 1].date}` });
  // y axis: a few gridlines
  const ticks = max <= 5 ? max : 4;
  for (let i = 0; i <= ticks; i++) {
    const value = Math.round((max * i) / ticks);
    const ty = MARGIN.top + plotHeight - y(value);
    root.append(svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: ty, y2: ty, class: "grid" }));
    const label = svg("text", { x: MARGIN.left - 6, y: ty + 4, "text-anchor": "end", class: "axis" });
    label.textContent = String(value);
    root.append(label);
  }
  // x axis: up to eight date labels
  const labelEvery = Math.max(1, Math.ceil(span / 8));
  for (let d = 0; d < span; d += labelEvery) {
    const label = svg("text", { x: MARGIN.left + d * step + step / 2, y: HEIGHT - MARGIN.bottom + 16,
                                "text-anchor": "middle", class: "axis" });
    label.textContent = dateOf(first + d);
    root.append(label);
  }
  for (const day of days) {
    const x = MARGIN.left + (dayNumber(day.date) - first) * step + (step - barWidth) / 2;
    let base = MARGIN.top + plotHeight;
    const group = svg("g", { class: "day", "data-date": day.date, tabindex: 0, role: "button",
                             "aria-label": `${day.date}: ${total(day)} Ereignisse` });
    const title = svg("title");
    title.textContent = `${day.date}: ` + QUADS.map(q => `Q${q} ${day[`q${q}`]}`).join(", ");
    group.append(title);
    for (const q of QUADS) {
      const count = day[`q${q}`];
      if (!count) continue;
      const height = y(count);
      base -= height;
      group.append(svg("rect", { x, y: base, width: barWidth, height, fill: QUAD_CLASSES[q].colour, "data-quad": q }));
    }
    const select = () => addFilter("timeline", { from: day.date, to: day.date });
    group.addEventListener("click", select);
    group.addEventListener("keydown", e => { if ((e as KeyboardEvent).key === "Enter") select(); });
    root.append(group);
  }
  return root;
}

function legendList(): HTMLElement {
  return h("ul", { class: "legend" }, QUADS.map(q =>
    h("li", {}, h("span", { class: "swatch", style: `background:${QUAD_CLASSES[q].colour}` }), ` ${QUAD_CLASSES[q].label}`)));
}

function dataTable(days: TimelineDay[]): HTMLElement {
  return h("details", {}, h("summary", {}, "Als Tabelle / as a table"),
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ["Tag", "Q1", "Q2", "Q3", "Q4"].map(c => h("th", { scope: "col" }, c)))),
      h("tbody", {}, days.map(d => h("tr", {}, h("td", {}, d.date), QUADS.map(q => h("td", { class: "num" }, d[`q${q}`])))))));
}

export async function timelineView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(h("h2", {}, "Zeitleiste / timeline"), status("Lade … / loading …"));
  const answer = await get<{ days: TimelineDay[] }>("timeline", filtersOf(route.params));
  const days = answer.days.filter(d => /^\d{4}-\d{2}-\d{2}/.test(d.date)).sort((a, b) => a.date.localeCompare(b.date));
  const count = days.reduce((sum, d) => sum + total(d), 0);
  main.replaceChildren(
    h("h2", {}, "Zeitleiste / timeline"),
    h("p", { class: "summary", role: "status" }, `${count} tagesgenau datierte Ereignisse an ${days.length} Tagen`),
    ...(days.length ? [legendList(), h("div", { class: "chart" }, chart(days)), dataTable(days)]
                    : [status("Keine datierten Ereignisse für diese Filter / no dated events match", "empty")]));
}
