// The Russian strings: the main table, then each topic's (web/i18n/<topic>.ru.js), as
// web/i18n/join.js's joinTable joins them.
import deployRu from "./deploy.ru.js";
import ru from "./ru.js";
import exportRu from "./export.ru.js";
import isometryRu from "./isometry.ru.js";
import refineRu from "./refine.ru.js";
import theoryRu from "./theory.ru.js";
import trainRu from "./train.ru.js";

export default [
  { ...ru, deploy: deployRu },
  trainRu,
  exportRu,
  isometryRu,
  theoryRu,
  refineRu,
];
