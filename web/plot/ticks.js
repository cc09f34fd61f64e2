// Tick values and labels of the charts' log axes, pure so that node tests can check them. A
// log axis ticks whole decades when its range holds enough of them; a range under about two
// decades adds 2 and 5 times a power of ten, then every digit, then a linear step, so that
// at least three ticks are always labelled.
import { localNumber } from "../numbers.js";

const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 50, 100];
const MIN_TICKS = 3;

// Whole decades in [min, max], every one or every few so that labels keep ~24 px apart
// (`room`: how many labels fit); the ticked exponents are multiples of the step, so 1 (10^0)
// is ticked whenever it is shown.
export function wholeDecades(min, max, room) {
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  if (hi < lo) return [];
  const count = (s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1;
  const needed = Math.ceil((hi - lo + 1) / Math.max(2, room));
  // The roundest step that fits the room and still leaves MIN_TICKS decades ticked; where
  // the room is too small for that, the largest step that does.
  let step = [...DECADE_STEPS, needed].find(
    (s) => s >= needed && count(s) >= MIN_TICKS,
  );
  if (step === undefined) {
    step = 1;
    for (let s = needed; s > 1; s--) {
      if (count(s) >= MIN_TICKS) {
        step = s;
        break;
      }
    }
  }
  const splits = [];
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step)
    splits.push(Number(`1e${e}`));
  return splits;
}

// m * 10^e in [min, max] for each mantissa m.
function mantissaTicks(min, max, mantissas) {
  const ticks = [];
  const lo = Math.floor(Math.log10(min)) - 1;
  const hi = Math.ceil(Math.log10(max)) + 1;
  for (let e = lo; e <= hi; e++) {
    for (const m of mantissas) {
      const v = Number(`${m}e${e}`);
      if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) ticks.push(v);
    }
  }
  return ticks;
}

// A round linear step (1, 2 or 5 times a power of ten) giving at least MIN_TICKS ticks.
function linearTicks(min, max) {
  const raw = (max - min) / MIN_TICKS;
  const e = Math.floor(Math.log10(raw));
  const step = [5, 2, 1]
    .map((m) => Number(`${m}e${e}`))
    .find((s) => Math.floor(max / s) - Math.ceil(min / s) + 1 >= MIN_TICKS);
  const ticks = [];
  for (let i = Math.ceil(min / step); i <= Math.floor(max / step); i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

// The ticks of a log axis over [min, max] (positive); `room`: how many labels fit.
export function logTicks(min, max, room) {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const decades = wholeDecades(min, max, room);
  if (decades.length >= MIN_TICKS) return decades;
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const ticks = mantissaTicks(min, max, mantissas);
    if (ticks.length >= MIN_TICKS) return ticks;
  }
  return linearTicks(min, max);
}

// 1e-3 for 10^-3 (canvas fonts often lack superscript digits); 1, 10, 100, 1000 plainly.
function powerLabel(e) {
  return e >= 0 && e <= 3 ? String(10 ** e) : `1e${e}`;
}

function isPowerOfTen(v) {
  const e = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** e - 1) < 1e-9;
}

// v with p significant digits: 0.25, 2e-5, 3e+4 as 3e4.
function shortLabel(v, p) {
  const e = Math.floor(Math.log10(Math.abs(v)) + 1e-12);
  if (e < -3 || e > 4) {
    const [m, exp] = v.toExponential(p - 1).split("e");
    return `${String(Number(m))}e${Number(exp)}`;
  }
  return String(Number(v.toPrecision(p)));
}

// The labels of log-axis ticks: powers of ten as 1e-k, others with as few significant digits
// as keep every label distinct; in the page's language (decimal comma in Russian).
export function logTickLabels(splits, lang) {
  for (let p = 1; p <= 6; p++) {
    const labels = splits.map((v) =>
      isPowerOfTen(v)
        ? powerLabel(Math.round(Math.log10(v)))
        : shortLabel(v, p),
    );
    if (new Set(labels).size === labels.length || p === 6)
      return labels.map((l) => localNumber(l, lang));
  }
  return [];
}

// A linear axis's tick label: the value without float noise (0.30000000000000004 is 0.3, a
// tick within 1e-9 steps of 0 is 0), every digit it has (0.25 stays 0.25), in the page's
// language.
export function linearTickLabel(v, step, lang) {
  if (v === null || v === undefined) return "";
  if (Math.abs(v) < Math.abs(step) * 1e-9) return "0";
  return localNumber(String(Number(v.toPrecision(12))), lang);
}
