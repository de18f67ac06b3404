// The one filter bar that the timeline, the network, the map and the table share. Its values are
// the filter parameters in the URL hash; changing a control rewrites the hash, and the router
// renders the current view again.

import { get } from "./api";
import { CAMEO_ROOTS, MODALITIES, QUAD_CLASSES } from "./codes";
import { h } from "./dom";
import { FILTER_KEYS, Filters, currentRoute, filtersOf, navigate } from "./state";

function field(label: string, control: HTMLElement, wide = false): HTMLElement {
  return h("label", { class: wide ? "field wide" : "field" }, h("span", {}, label), control);
}

function select(name: string, options: [string, string][]): HTMLSelectElement {
  return h("select", { name }, h("option", { value: "" }, "alle / all"),
           options.map(([value, text]) => h("option", { value }, text)));
}

let actorsLoaded = false;

async function loadActors(list: HTMLDataListElement): Promise<void> {
  if (actorsLoaded) return;
  actorsLoaded = true;
  try {
    const answer = await get<{ actors: { code: string; names: string[]; events: number }[] }>("actors", { limit: "200" });
    list.replaceChildren(...answer.actors.map(actor =>
      h("option", { value: actor.code }, `${actor.names[0] ?? actor.code} · ${actor.events}`)));
  } catch {
    actorsLoaded = false;  // try again on the next focus
  }
}

export function buildFilterBar(form: HTMLFormElement): void {
  const actorList = h("datalist", { id: "actor-codes" });
  const actor = h("input", { name: "actor", type: "text", list: "actor-codes", placeholder: "RUS, PRKGOV", size: 10,
                             autocomplete: "off" });
  actor.addEventListener("focus", () => void loadActors(actorList));
  form.replaceChildren(
    field("Von / from", h("input", { name: "from", type: "date" })),
    field("Bis / to", h("input", { name: "to", type: "date" })),
    field("Akteur / actor", actor),
    actorList,
    field("Land / country", h("input", { name: "country", type: "text", placeholder: "ISO-3: RUS", size: 5,
                                         maxlength: 3, pattern: "[A-Za-z]{3}" })),
    field("CAMEO", select("root", Object.entries(CAMEO_ROOTS).map(([code, name]) => [code, `${code} ${name}`]))),
    field("QuadClass", select("quad_class", Object.entries(QUAD_CLASSES).map(([code, q]) => [code, q.label]))),
    field("Modalität / modality", select("modality", MODALITIES.map(m => [m, m]))),
    field("Quelle / source", h("input", { name: "source", type: "text", placeholder: "reuters.com", size: 12 })),
    field("Volltext / text", h("input", { name: "q", type: "search", placeholder: "Waffen OR Treffen" }), true),
    h("div", { class: "buttons" },
      h("button", { type: "submit" }, "Anwenden"),
      h("button", { type: "button", class: "secondary", onclick: () => apply(form, true) }, "Zurücksetzen")),
  );
  form.addEventListener("submit", event => { event.preventDefault(); apply(form, false); });
  form.addEventListener("change", event => {
    if ((event.target as HTMLElement).tagName !== "INPUT" || (event.target as HTMLInputElement).type === "date") {
      apply(form, false);
    }
  });
  // Text fields apply on Enter (submit) or when they lose focus with a changed value.
  form.addEventListener("focusout", event => {
    const input = event.target as HTMLInputElement;
    if (input.tagName === "INPUT" && input.type !== "date" && input.value !== (currentFilters()[input.name as keyof Filters] ?? "")) {
      apply(form, false);
    }
  });
}

function currentFilters(): Filters {
  return filtersOf(currentRoute().params);
}

function apply(form: HTMLFormElement, reset: boolean): void {
  const route = currentRoute();
  const params: Record<string, string> = {};
  // Parameters that are not filters (the table's sort and page size) survive a filter change;
  // a cursor belongs to the old query.
  for (const [key, value] of route.params) {
    if (!(FILTER_KEYS as readonly string[]).includes(key) && key !== "cursor") params[key] = value;
  }
  if (!reset) {
    const data = new FormData(form);
    for (const key of FILTER_KEYS) {
      let value = String(data.get(key) ?? "").trim();
      if (key === "country") value = value.toUpperCase();
      if (value) params[key] = value;
    }
  }
  navigate(route.view, null, params);
}

/** Shows FILTERS in the controls (after navigation, back/forward, or a link). */
export function syncFilterBar(form: HTMLFormElement, filters: Filters): void {
  for (const key of FILTER_KEYS) {
    const control = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (!control) continue;
    const value = filters[key] ?? "";
    if (control instanceof HTMLSelectElement && value && ![...control.options].some(o => o.value === value)) {
      control.append(h("option", { value }, value));  // a list such as "1,2" from a link
    }
    control.value = value;
  }
}

/** Adds one filter to the current ones and shows VIEW (clicking a node, a place, a day). */
export function addFilter(view: string, changes: Filters): void {
  const params: Record<string, string | undefined> = Object.fromEntries(currentRoute().params);
  navigate(view, null, { ...params, ...changes });
}
