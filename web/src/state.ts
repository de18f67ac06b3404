// The UI's state lives in the URL hash, so that every view is linkable:
//   #/VIEW[/ID]?from=2023-09-01&actor=RUS&…
// The filter parameters are those of docs/api.md and go to the API unchanged.

export const FILTER_KEYS = ["from", "to", "actor", "country", "root", "quad_class", "modality", "source", "q"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface Route {
  view: string;
  id: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const [view, id] = path.split("/", 2);
  return { view: view || "events", id: id ? decodeURIComponent(id) : null, params: new URLSearchParams(query) };
}

export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function makeHash(view: string, id: string | null, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const path = id === null ? view : `${view}/${encodeURIComponent(id)}`;
  return `#/${path}${query.toString() ? `?${query}` : ""}`;
}

/** Goes to VIEW with the current filters changed by CHANGES (an empty string removes one). */
export function navigate(view: string, id: string | null, params: Record<string, string | undefined>): void {
  location.hash = makeHash(view, id, params);
}

export function currentRoute(): Route {
  return parseHash(location.hash);
}
