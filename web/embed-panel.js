// The Embed button's panel: two snippets, each with its own Copy button. The fixed-size iframe
// survives editors that strip scripts (Moodle's HTML filter, Canvas's rich content editor);
// the auto-height one brings the few lines that listen for actlab:resize (web/embed-resize.js).
import { element } from "./dom.js";

const LISTENER = `<script>
addEventListener("message", (event) => {
  if (event.data?.type !== "actlab:resize") return;
  for (const frame of document.querySelectorAll("iframe[data-actlab]"))
    if (frame.contentWindow === event.source) frame.height = event.data.height;
});
</script>`;

// src: the embed URL; title: the iframe's title. {fixed, auto}: the two snippets.
export function embedSnippets(src, title) {
  const attr = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const frame = (extra) =>
    `<iframe src="${attr(src)}" width="720" height="540" style="border:0;max-width:100%" title="${attr(title)}" loading="lazy"${extra}></iframe>`;
  return {
    fixed: frame(""),
    auto: `${frame(" data-actlab")}\n${LISTENER}`,
  };
}

// t: the translator; copy(text): copies and reports (the card's toast).
export function embedPanel(snippets, t, copy) {
  const block = (kind) => {
    const id = `embed-${kind}-${Math.random().toString(36).slice(2, 8)}`;
    const text = element("textarea", {
      id,
      readonly: true,
      rows: kind === "auto" ? 8 : 3,
      spellcheck: "false",
      "data-snippet": kind,
    });
    text.value = snippets[kind];
    const button = element("button", {
      type: "button",
      class: "action",
      "data-copy": kind,
      text: t("deploy.copy"),
    });
    button.addEventListener("click", () => copy(snippets[kind]));
    return element("div", { class: "embed-snippet" }, [
      element("label", { for: id, text: t(`deploy.${kind}`) }),
      text,
      button,
    ]);
  };
  return element("div", { class: "embed-panel" }, [
    block("fixed"),
    block("auto"),
  ]);
}
