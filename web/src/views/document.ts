// The document view (/api/documents/{id}) and the analysis result share this rendering: the text
// with its highlights and legend, then the events with modality and attribution.

import { Analysis, EventAnn, analysisText, get } from "../api";
import { CAMEO_ROOTS, QUAD_CLASSES } from "../codes";
import { h, status } from "../dom";
import { annotationsOf, legend, renderHighlighted } from "../highlight";
import type { Route } from "../state";

function sideLabel(side: EventAnn["source"]): string {
  if (!side) return "—";
  return `${side.code ?? "?"} „${side.text}“`;
}

function eventsTable(analysis: Analysis, text: HTMLElement): HTMLElement {
  if (!analysis.events.length) return status("Keine Ereignisse / no events", "empty");
  const focusTrigger = (index: number) => {
    const mark = text.querySelector<HTMLElement>(`mark.ann-trigger[data-index="${index}"]`);
    if (!mark) return;
    text.querySelectorAll(".focus").forEach(m => m.classList.remove("focus"));
    mark.classList.add("focus");
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.focus({ preventScroll: true });
  };
  return h("table", { class: "data events-of-doc" },
    h("caption", {}, `Ereignisse / events (${analysis.events.length})`),
    h("thead", {}, h("tr", {},
      ["Auslöser / trigger", "Quelle / source", "Ziel / target", "CAMEO", "Modalität", "Zuschreibung / attribution",
       "Datum", "Ort", "Gespeichert"].map(c => h("th", { scope: "col" }, c)))),
    h("tbody", {}, analysis.events.map((e, index) => {
      const storedId = analysis.event_ids?.[index];
      const quad = QUAD_CLASSES[e.quad_class];
      return h("tr", { class: `event-row modality-${e.modality}`, "data-index": index },
        h("td", {}, h("button", { type: "button", class: "link", onclick: () => focusTrigger(index),
                                   title: "Im Text zeigen / show in text" }, e.trigger.text)),
        h("td", {}, sideLabel(e.source)),
        h("td", {}, sideLabel(e.target)),
        h("td", { title: `${CAMEO_ROOTS[e.root] ?? ""} · Goldstein ${e.goldstein}` },
          h("span", { class: "swatch", style: `background:${quad?.colour ?? "#999"}` }), ` ${e.code}`),
        h("td", { class: "modality" }, e.modality),
        h("td", {}, e.attribution ? `${e.attribution.code ?? "?"} „${e.attribution.text}“` : "—"),
        h("td", {}, e.date ?? "—"),
        h("td", {}, e.place?.name ?? "—"),
        h("td", {}, storedId != null ? h("a", { href: `#/event/${storedId}` }, `#${storedId}`) : "—"));
    })));
}

/** The full rendering of an analysis; FOCUS marks a span (a mention's trigger) and scrolls to it. */
export function renderAnalysis(analysis: Analysis, focus?: { begin: number; end: number }): HTMLElement {
  const text = analysisText(analysis);
  const { element: textElement, dropped } = renderHighlighted(text, annotationsOf(analysis), focus);
  if (analysis.doc.lang) textElement.lang = analysis.doc.lang;
  const doc = analysis.doc;
  const meta = [doc.source, doc.published, doc.lang?.toUpperCase(),
                doc.story_id != null ? `Story ${doc.story_id}` : null].filter(Boolean).join(" · ");
  const section = h("section", { class: "analysis" },
    h("div", { class: "doc-meta" }, meta,
      doc.url ? [" · ", h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "Original")] : null),
    legend(analysis),
    dropped ? h("p", { class: "note" }, `${dropped} überlappende Markierungen ausgelassen / overlapping spans left out`) : null,
    textElement,
    eventsTable(analysis, textElement));
  if (focus) {
    requestAnimationFrame(() => textElement.querySelector(".focus")?.scrollIntoView({ block: "center" }));
  }
  return section;
}

export async function documentView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(h("h2", {}, `Dokument ${route.id}`), status("Lade … / loading …"));
  const analysis = await get<Analysis>(`documents/${encodeURIComponent(route.id ?? "")}`);
  const begin = Number(route.params.get("begin"));
  const end = Number(route.params.get("end"));
  const focus = route.params.has("begin") && end > begin ? { begin, end } : undefined;
  main.replaceChildren(h("h2", {}, analysis.doc.title ?? `Dokument ${route.id}`), renderAnalysis(analysis, focus));
}
