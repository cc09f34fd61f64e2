// A notice's words (state.js makes the notices): a value from the address that was replaced,
// or, when the reader moved a control, which value moved and what the page changed because of
// it, in words about the controls.

export function noticeText(t, n) {
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
