import { formatShort } from "./format.js";

// Numbers as a person reads them in the page's language: English writes 0.25, Russian 0,25
// (the decimal comma). Axis ticks, legends, inputs and constants go through here; the CSV keeps
// C's %.17g (format.js). The language is set once per render (setNumberLanguage).

let language = "en";

export function setNumberLanguage(lang) {
  language = lang;
}

export function numberLanguage() {
  return language;
}

// A number's text (as format.js or String() writes it) in the page's language.
export function localNumber(text, lang = language) {
  const s = String(text);
  return lang === "ru" ? s.replace(/(\d)\.(\d)/g, "$1,$2") : s;
}

// A short label of x (format.js's formatShort: 0.25, 3.1e-9) in the page's language.
export function shortNumber(x, digits = 4, lang = language) {
  return localNumber(formatShort(x, digits), lang);
}

// What a reader typed into a number field, back in JS's notation: "0,5" is 0.5.
export function parseLocalNumber(text) {
  return String(text).trim().replace(",", ".");
}

const SUPERSCRIPT = {
  "-": "⁻",
  0: "⁰",
  1: "¹",
  2: "²",
  3: "³",
  4: "⁴",
  5: "⁵",
  6: "⁶",
  7: "⁷",
  8: "⁸",
  9: "⁹",
};

// 10^n as a person writes it, with superscript digits: powerOfTen(-2) is "10⁻²".
export function powerOfTen(n) {
  return `10${String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c])}`;
}
