// Events per day (or per month, `by=month` in the hash), stacked by QuadClass (/api/timeline), as
// plain SVG. Clicking a day or month narrows the date range to it.

import { TimelineDay, get } from "../api";
import { QUAD_CLASSES } from "../codes";
import { h, status, svg } from "../dom";
import { addFilter } from "../filters";
import { Route, filtersOf, navigate } from "../state";

const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 44, bottom: 40, left: 40 };
const DAY_MS = 86_400_000;
const QUADS = [1, 2, 3, 4] as const;

type Period = "day" | "month";

/** Periods as consecutive integers, so that empty days or months keep their place on the axis. */
const PERIODS: Record<Period, { number(date: string): number; label(n: number): string;
                                range(date: string): { from: string; to: string } }> = {
  day: {
    number: date => Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS),
    label: n => new Date(n * DAY_MS).toISOString().slice(0, 10),
    range: date => ({ from: date, to: date }),
  },
  month: {
    number: date => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1,
    label: n => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`,
    range: date => {
      const last = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0));
      return { from: `${date}-01`, to: last.toISOString().slice(0, 10) };
    },
  },
};

function total(day: TimelineDay): number {
  return day.q1 + day.q2 + day.q3 + day.q4;
}

function chart(days: TimelineDay[], by: Period): SVGSVGElement {
  const period = PERIODS[by];
  const first = period.number(days[0].date);
  const last = period.number(days[days.length - 1].date);
  const span = last - first + 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / span;
  const barWidth = Math.max(1, step * 0.8);
  const max = Math.max(1, ...days.map(total));
  const y = (count: number) => (count / max) * plotHeight;

  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "img",
                            "aria-label": `Ereignisse pro ${by === "day" ? "Tag" : "Monat"}, ${days[0].date} bis ${days[days.length - 1].date}` });
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
    label.textContent = period.label(first + d);
    root.append(label);
  }
  for (const day of days) {
    const x = MARGIN.left + (period.number(day.date) - first) * step + (step - barWidth) / 2;
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
    const select = () => addFilter("timeline", period.range(day.date));
    group.addEventListener("click", select);
    group.addEventListener("keydown", e => {
      const key = (e as KeyboardEvent).key;
      if (key === "Enter" || key === " ") { e.preventDefault(); select(); }
    });
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
      h("thead", {}, h("tr", {}, ["Zeitraum", "Q1", "Q2", "Q3", "Q4"].map(c => h("th", { scope: "col" }, c)))),
      h("tbody", {}, days.map(d => h("tr", {}, h("td", {}, d.date), QUADS.map(q => h("td", { class: "num" }, d[`q${q}`])))))));
}

export async function timelineView(main: HTMLElement, route: Route): Promise<void> {
  const by: Period = route.params.get("by") === "month" ? "month" : "day";
  main.replaceChildren(h("h2", {}, "Zeitleiste / timeline"), status("Lade … / loading …"));
  const answer = await get<{ days: TimelineDay[] }>("timeline", { ...filtersOf(route.params), by });
  const pattern = by === "day" ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}$/;
  const days = answer.days.filter(d => pattern.test(d.date)).sort((a, b) => a.date.localeCompare(b.date));
  const count = days.reduce((sum, d) => sum + total(d), 0);
  const periodSelect = h("select", { name: "by" },
    h("option", { value: "day" }, "pro Tag / per day"), h("option", { value: "month" }, "pro Monat / per month"));
  periodSelect.value = by;
  periodSelect.addEventListener("change", () =>
    navigate("timeline", null, { ...Object.fromEntries(route.params), by: periodSelect.value === "month" ? "month" : undefined }));
  main.replaceChildren(
    h("h2", {}, "Zeitleiste / timeline"),
    h("p", { class: "summary", role: "status" },
      by === "day" ? `${count} tagesgenau datierte Ereignisse an ${days.length} Tagen`
                   : `${count} Ereignisse in ${days.length} Monaten (tages- und monatsgenau datierte)`),
    h("label", { class: "period" }, "Zeitraster / period ", periodSelect),
    ...(days.length ? [legendList(), h("div", { class: "chart" }, chart(days, by)), dataTable(days)]
                    : [status("Keine datierten Ereignisse für diese Filter / no dated events match", "empty")]));
}
