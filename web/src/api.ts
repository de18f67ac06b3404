// Types and calls of the HTTP API (docs/api.md). Offsets are byte offsets into UTF-8 text.

export interface Actor { code: string | null; name?: string | null }
export interface Place { name: string; kind: string; country: string | null; lat: number; lon: number }

export interface Event {
  id: number;
  source: Actor;
  target: Actor;
  code: string;
  root: string;
  quad_class: number;
  goldstein: number;
  modality: string;
  date: string | null;
  place: Place | null;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_seen: string;
  last_seen: string;
  url: string | null;
}

export interface Mention {
  document_id: number;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
  sentence: number;
  text: string;
  sentence_begin: number;
  trigger: { begin: number; end: number };
  source_text: string | null;
  target_text: string | null;
  speaker: string | null;
  modality: string;
  rule: string;
}

export interface EventPage { events: Event[]; next_cursor: string | null; total: number }
export interface GraphNode { id: string; events: number }
export interface GraphEdge { source: string; target: string; events: number; mentions: number; goldstein: number }
export interface Graph { nodes: GraphNode[]; edges: GraphEdge[] }
export interface TimelineDay { date: string; q1: number; q2: number; q3: number; q4: number }

/** A span of the document text, [begin, end) in bytes. */
export interface Span { begin: number; end: number; text: string }

export interface EntityAnn extends Span {
  kind: string; actor: string | null; actor_id?: string | null; country?: string | null; role?: string | null;
}
export interface TimeAnn extends Span { value: string | null; type: string; mod: string | null }
export interface PlaceAnn extends Span { name: string; kind: string; country: string | null }
export interface EventSide { code: string | null; text: string; begin: number; end: number }
export interface EventAnn {
  sentence: number;
  source: EventSide | null;
  target: EventSide | null;
  code: string;
  root: string;
  quad_class: number;
  goldstein: number;
  modality: string;
  attribution: { code: string | null; text: string } | null;
  date: string | null;
  place: (PlaceAnn & { index: number }) | null;
  trigger: Span;
  rule: string;
}

/** The output contract of `lagebild extract --format json` with the text (docs/cli.md). */
export interface Analysis {
  doc: { id?: string | number; url?: string | null; title?: string | null; published?: string | null;
         lang?: string | null; source?: string | null; story_id?: number | null; text?: string };
  text?: string;
  sentences: { begin: number; end: number; lang?: string; paragraph?: number }[];
  entities: EntityAnn[];
  times: TimeAnn[];
  places: PlaceAnn[];
  events: EventAnn[];
  event_ids?: (number | null)[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function answer<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

/** GET /api/PATH?params; empty parameters are left out. */
export async function get<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const suffix = query.toString() ? `?${query}` : "";
  return answer<T>(await fetch(`api/${path}${suffix}`, { headers: { Accept: "application/json" } }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(`api/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

/** The cleaned text of an analysis, wherever this version of the contract puts it. */
export function analysisText(analysis: Analysis): string {
  return analysis.text ?? analysis.doc.text ?? "";
}
