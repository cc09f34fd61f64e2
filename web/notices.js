// A notice's words (state.js makes the notices): a value from the address that was replaced,
// or, when the reader moved a control, which value moved and what the page changed because of
// it, in words about the controls.

import { localNumber } from "./numbers.js";

// The values a notice quotes, in the page's language (the address keeps its decimal point).
function localValues(t, n) {
  return {
    ...n,
    given: localNumber(n.given ?? "", t.lang),
    used: localNumber(n.used ?? "", t.lang),
  };
}

export function noticeText(t, notice) {
  const n = localValues(t, notice);
  if (n.reason === "budgetMoved" || n.reason === "budgetSelf")
    return t(`notices.${n.reason}`, {
      ...n,
      movedLabel: t(`params.${n.moved}`),
      label: t(`params.${n.name}`),
    });
  return t(`notices.${n.reason}`, n);
}

export function noticeTitle(t, notices) {
  return notices.every((n) => n.reason.startsWith("budget") && n.moved)
    ? t("notices.movedTitle")
    : t("notices.title");
}
