// The Russian strings: the main table, then each topic's (web/i18n/<topic>.ru.js), as
// web/i18n/languages.js's fullTable joins them (with the distribution's lines, which the page
// holds itself).
import ru from "./ru.js";
import exportRu from "./export.ru.js";
import isometryRu from "./isometry.ru.js";
import refineRu from "./refine.ru.js";
import theoryRu from "./theory.ru.js";
import trainRu from "./train.ru.js";

export default [ru, trainRu, exportRu, isometryRu, theoryRu, refineRu];
