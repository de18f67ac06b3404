// "Analyse text": paste a text, give its date and language, and see what the pipeline finds
// (POST /api/analyze; nothing is stored).

import { Analysis, post } from "../api";
import { h, status } from "../dom";
import { renderAnalysis } from "./document";

let lastInput = { text: "", published: "", lang: "" };

export function analyzeView(main: HTMLElement): void {
  const result = h("div", { class: "analyze-result", "aria-live": "polite" });
  const text = h("textarea", { id: "analyze-text", name: "text", rows: 10, required: true,
                               placeholder: "Am Mittwoch reiste Schoigu nach Pjöngjang …" });
  text.value = lastInput.text;
  const published = h("input", { id: "analyze-date", name: "published", type: "date", value: lastInput.published });
  const lang = h("select", { id: "analyze-lang", name: "lang" },
    h("option", { value: "" }, "automatisch / auto"), h("option", { value: "de" }, "Deutsch"),
    h("option", { value: "en" }, "English"));
  lang.value = lastInput.lang;
  const submit = h("button", { type: "submit" }, "Analysieren");
  const form = h("form", { class: "analyze-form", "aria-label": "Text analysieren" },
    h("label", { for: "analyze-text" }, "Text"), text,
    h("div", { class: "row" },
      h("label", { class: "field" }, h("span", {}, "Veröffentlicht / published"), published),
      h("label", { class: "field" }, h("span", {}, "Sprache / language"), lang),
      submit));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    lastInput = { text: text.value, published: published.value, lang: lang.value };
    submit.disabled = true;
    result.replaceChildren(status("Analysiere … / analysing …"));
    try {
      const analysis = await post<Analysis>("analyze", {
        text: text.value, published: published.value || null, lang: lang.value || null, html: false,
      });
      if (analysis.text === undefined && analysis.doc.text === undefined) analysis.text = text.value;
      result.replaceChildren(renderAnalysis(analysis));
    } catch (error) {
      result.replaceChildren(status(`Fehler / error: ${(error as Error).message}`, "error"));
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(h("h2", {}, "Text analysieren / analyse text"), form, result);
}
