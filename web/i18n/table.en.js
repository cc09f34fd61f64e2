// The English strings: the main table, then each topic's (web/i18n/<topic>.en.js), as
// web/i18n/languages.js's fullTable joins them (with the distribution's lines, which the page
// holds itself).
import en from "./en.js";
import exportEn from "./export.en.js";
import isometryEn from "./isometry.en.js";
import refineEn from "./refine.en.js";
import theoryEn from "./theory.en.js";
import trainEn from "./train.en.js";

export default [en, trainEn, exportEn, isometryEn, theoryEn, refineEn];
