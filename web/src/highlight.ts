// Highlighted text: the document view and the analysis page both show a text with its actors,
// times, places and event triggers marked. The API's offsets count BYTES of the UTF-8 text;
// JavaScript strings count UTF-16 code units, so every offset goes through ByteIndex.

import type { Analysis } from "./api";
import { analysisText } from "./api";
import { h } from "./dom";

/** Maps byte offsets of TEXT's UTF-8 encoding to UTF-16 indices into TEXT. */
export class ByteIndex {
  private readonly units: Uint32Array;  // units[byte] = UTF-16 index of the character holding that byte

  constructor(readonly text: string) {
    const encoder = new TextEncoder();
    this.units = new Uint32Array(encoder.encode(text).length + 1);
    let byte = 0;
    let unit = 0;
    for (const character of text) {
      const bytes = encoder.encode(character).length;
      for (let i = 0; i < bytes; i++) this.units[byte + i] = unit;
      byte += bytes;
      unit += character.length;
    }
    this.units[byte] = unit;
  }

  get byteLength(): number { return this.units.length - 1; }

  /** The UTF-16 index of byte offset OFFSET (clamped to the text). */
  unit(offset: number): number {
    return this.units[Math.max(0, Math.min(offset, this.byteLength))];
  }

  /** The text between two byte offsets. */
  slice(begin: number, end: number): string {
    return this.text.slice(this.unit(begin), this.unit(end));
  }
}

export type AnnotationKind = "actor" | "time" | "place" | "trigger";

export const ANNOTATION_KINDS: { kind: AnnotationKind; label: string }[] = [
  { kind: "actor", label: "Akteur / actor" },
  { kind: "time", label: "Zeit / time" },
  { kind: "place", label: "Ort / place" },
  { kind: "trigger", label: "Ereignis / event trigger" },
];

const KIND_LABELS: Record<AnnotationKind, string> = { actor: "Akteur", time: "Zeit", place: "Ort", trigger: "Ereignis" };

export interface Annotation {
  kind: AnnotationKind;
  begin: number;  // bytes
  end: number;
  title: string;  // shown on hover: code, value, name
  index: number;  // position in its list of the analysis (entities, times, places, events)
}

/** Every highlight of an analysis, in byte offsets. */
export function annotationsOf(analysis: Analysis): Annotation[] {
  const list: Annotation[] = [];
  analysis.entities.forEach((e, index) => list.push({
    kind: "actor", begin: e.begin, end: e.end, index,
    title: [e.actor ?? "no code", e.kind, e.actor_id, e.role].filter(Boolean).join(" · "),
  }));
  analysis.times.forEach((t, index) => list.push({
    kind: "time", begin: t.begin, end: t.end, index,
    title: [t.type, t.value ?? "unresolved", t.mod].filter(Boolean).join(" · "),
  }));
  analysis.places.forEach((p, index) => list.push({
    kind: "place", begin: p.begin, end: p.end, index,
    title: [p.name, p.kind, p.country].filter(Boolean).join(" · "),
  }));
  analysis.events.forEach((e, index) => list.push({
    kind: "trigger", begin: e.trigger.begin, end: e.trigger.end, index,
    title: `${e.source?.code ?? "?"} → ${e.target?.code ?? "?"} · CAMEO ${e.code} · ${e.modality}`,
  }));
  return list;
}

interface Node_ { annotation: Annotation; children: Node_[] }

/**
 * Renders TEXT with ANNOTATIONS as nested <mark> elements. Spans that contain each other nest; a
 * span that crosses one already placed is left out (and counted), so that every mark's text is
 * exactly its span's text.
 */
export function renderHighlighted(text: string, annotations: Annotation[], focus?: { begin: number; end: number }):
    { element: HTMLElement; dropped: number } {
  const bytes = new ByteIndex(text);
  const sorted = annotations
    .filter(a => a.begin < a.end && a.end <= bytes.byteLength)
    .sort((a, b) => a.begin - b.begin || b.end - a.end);
  const roots: Node_[] = [];
  const stack: Node_[] = [];
  let dropped = 0;
  for (const annotation of sorted) {
    while (stack.length && stack[stack.length - 1].annotation.end <= annotation.begin) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && annotation.end > parent.annotation.end) { dropped++; continue; }
    const node = { annotation, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }

  const label = (a: Annotation) => `${KIND_LABELS[a.kind]}: ${a.title}`;
  // OUTER is the hover text of the enclosing mark; a mark on exactly the same span (a country
  // that is both actor and place, two events on one trigger) shows both, as it hides the outer.
  const build = (target: HTMLElement, nodes: Node_[], begin: number, end: number, outer: string): void => {
    let position = begin;
    for (const node of nodes) {
      const a = node.annotation;
      if (a.begin > position) target.append(bytes.slice(position, a.begin));
      const focused = focus && a.begin === focus.begin && a.end === focus.end;
      const title = a.begin === begin && a.end === end && outer ? `${outer}\n${label(a)}` : label(a);
      const mark = h("mark", {
        class: `ann ann-${a.kind}${focused ? " focus" : ""}`, title, tabindex: 0,
        "data-kind": a.kind, "data-begin": a.begin, "data-end": a.end, "data-index": a.index, "aria-label": title,
      });
      build(mark, node.children, a.begin, a.end, title);
      target.append(mark);
      position = a.end;
    }
    if (end > position) target.append(bytes.slice(position, end));
  };
  const element = h("div", { class: "doc-text" });
  build(element, roots, 0, bytes.byteLength, "");
  return { element, dropped };
}

export function legend(analysis: Analysis): HTMLElement {
  const counts: Record<AnnotationKind, number> = {
    actor: analysis.entities.length, time: analysis.times.length,
    place: analysis.places.length, trigger: analysis.events.length,
  };
  return h("ul", { class: "legend", "aria-label": "Legende" },
    ANNOTATION_KINDS.map(({ kind, label }) =>
      h("li", {}, h("mark", { class: `ann ann-${kind}` }, label), ` ${counts[kind]}`)));
}

export { analysisText };
