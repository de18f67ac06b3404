// One event (/api/events/{id}) with its mentions: each sentence with its trigger marked, the
// source, modality and speaker, and a link to the document view at that trigger.

import { Event, Mention, get } from "../api";
import { CAMEO_ROOTS, QUAD_CLASSES, actorLabel } from "../codes";
import { h, status } from "../dom";
import { ByteIndex } from "../highlight";
import { Route, makeHash } from "../state";

function sentenceWithTrigger(mention: Mention): HTMLElement {
  const bytes = new ByteIndex(mention.text);
  const begin = mention.trigger.begin - mention.sentence_begin;
  const end = mention.trigger.end - mention.sentence_begin;
  if (begin < 0 || end > bytes.byteLength || begin >= end) return h("blockquote", {}, mention.text);
  return h("blockquote", {},
    bytes.slice(0, begin), h("mark", { class: "ann ann-trigger" }, bytes.slice(begin, end)),
    bytes.slice(end, bytes.byteLength));
}

function mentionItem(mention: Mention): HTMLElement {
  const link = makeHash("document", String(mention.document_id),
                        { begin: String(mention.trigger.begin), end: String(mention.trigger.end) });
  return h("li", { class: "mention" },
    sentenceWithTrigger(mention),
    h("dl", { class: "facts" },
      h("dt", {}, "Quelle / source"), h("dd", {}, mention.source ?? "—"),
      h("dt", {}, "Modalität"), h("dd", {}, mention.modality),
      h("dt", {}, "Sprecher / speaker"), h("dd", {}, mention.speaker ?? "—"),
      h("dt", {}, "Akteure im Satz"), h("dd", {}, `${mention.source_text ?? "?"} → ${mention.target_text ?? "?"}`),
      h("dt", {}, "Regel / rule"), h("dd", {}, h("code", {}, mention.rule))),
    h("a", { href: link, class: "doc-link" },
      `Dokument: ${mention.title ?? mention.url ?? mention.document_id}${mention.published ? ` (${mention.published})` : ""}`));
}

export async function eventView(main: HTMLElement, route: Route): Promise<void> {
  main.replaceChildren(h("h2", {}, `Ereignis ${route.id}`), status("Lade … / loading …"));
  const event = await get<Event & { mentions: Mention[] }>(`events/${encodeURIComponent(route.id ?? "")}`);
  const quad = QUAD_CLASSES[event.quad_class];
  main.replaceChildren(
    h("p", {}, h("a", { href: makeHash("events", null, Object.fromEntries(route.params)) }, "← Ereignisliste")),
    h("h2", {}, `${actorLabel(event.source)} → ${actorLabel(event.target)}`),
    h("dl", { class: "facts event-facts" },
      h("dt", {}, "CAMEO"), h("dd", {}, `${event.code} (${CAMEO_ROOTS[event.root] ?? event.root})`),
      h("dt", {}, "QuadClass"), h("dd", {}, h("span", { class: "swatch", style: `background:${quad?.colour}` }),
                                   ` ${quad?.label ?? event.quad_class}`),
      h("dt", {}, "Goldstein"), h("dd", {}, event.goldstein.toFixed(1)),
      h("dt", {}, "Modalität"), h("dd", {}, event.modality),
      h("dt", {}, "Datum / date"), h("dd", {}, event.date ?? "—"),
      h("dt", {}, "Ort / place"), h("dd", {}, event.place ? `${event.place.name} (${event.place.country ?? "—"})` : "—"),
      h("dt", {}, "Meldungen"), h("dd", {},
        `${event.num_mentions} in ${event.num_articles} Artikeln, ${event.num_sources} Quellen · ${event.first_seen} … ${event.last_seen}`)),
    h("h3", {}, `Erwähnungen / mentions (${event.mentions.length})`),
    event.mentions.length ? h("ol", { class: "mentions" }, event.mentions.map(mentionItem))
                          : status("Keine Erwähnungen", "empty"));
}
