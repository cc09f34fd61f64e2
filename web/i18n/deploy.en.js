// English strings of the distribution: the Embed panel and the message shown when a part of
// the page (or a language) did not load.
export default {
  fixed:
    "Fixed-size iframe: works in editors that remove scripts (Moodle, Canvas)",
  auto: "Auto-height iframe, with the listener that fits it to the figure",
  copy: "Copy",
  missing:
    "Part of the page could not be loaded ({names}), so the figures cannot be drawn. Reload the page; if this persists, this copy of actlab is incomplete.",
  language:
    "{name} could not be loaded, so the page stays in this language. Reload the page; if this persists, this copy of actlab is incomplete.",
};
