// Shared set-up of the browser tests: the project's static server on a free port, headless
// Debian Chromium through playwright-core, and helpers that wait for a figure's state (the
// card's data-status / data-drawn attributes) instead of sleeping.
import { fileURLToPath } from "node:url";

import { launchChromium } from "../../scripts/chromium.mjs";

import { startServer } from "../../scripts/static-server.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));

// {browser, server, origin, close()}; one per test file.
export async function launch() {
  const server = await startServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  // playwright gives the browser a fresh, empty profile of its own.
  const browser = await launchChromium();
  return {
    browser,
    origin,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// A page that records console errors, page errors and every requested URL. initScript: a
// function run in every document before the page's own scripts; prepare: an async function
// given the browser context before the page loads (e.g. to route requests).
export async function openPage(
  env,
  path = "/",
  {
    viewport = { width: 1280, height: 900 },
    colorScheme = "light",
    locale = "en-US",
    initScript = null,
    prepare = null,
  } = {},
) {
  const context = await env.browser.newContext({
    viewport,
    colorScheme,
    locale,
    acceptDownloads: true,
  });
  if (initScript) await context.addInitScript(initScript);
  if (prepare) await prepare(context);
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") log.errors.push(message.text());
  });
  page.on("pageerror", (error) => log.errors.push(String(error)));
  context.on("request", (request) => log.requests.push(request.url()));
  await page.goto(env.origin + path);
  return { page, context, log };
}

const card = (id) => `.card[data-figure="${id}"]`;

// Waits until figure `id` has drawn more than `after` times and is not busy.
export async function waitDrawn(page, id, after = 0, timeout = 20000) {
  await page.waitForFunction(
    ([selector, count]) => {
      const el = document.querySelector(selector);
      return (
        el && el.dataset.status !== "busy" && Number(el.dataset.drawn) > count
      );
    },
    [card(id), after],
    { timeout },
  );
  return drawnCount(page, id);
}

export async function drawnCount(page, id) {
  return page.$eval(card(id), (el) => Number(el.dataset.drawn));
}

// Does something to figure `id` and waits until the figure shows its effect.
export async function act(page, id, action) {
  const before = await drawnCount(page, id);
  await action();
  return waitDrawn(page, id, before);
}

// Counts of the figure's canvas pixels that are drawn (alpha > 0), and that match `rgb`.
export async function canvasStats(page, id, rgb = null, index = 0) {
  return page.$eval(
    card(id),
    (el, [wanted, i]) => {
      const canvas = el.querySelectorAll("canvas")[i];
      const { data } = canvas
        .getContext("2d")
        .getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      let matching = 0;
      let hash = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (data[p + 3] > 0) drawn++;
        if (
          wanted &&
          Math.abs(data[p] - wanted[0]) < 12 &&
          Math.abs(data[p + 1] - wanted[1]) < 12 &&
          Math.abs(data[p + 2] - wanted[2]) < 12 &&
          data[p + 3] > 200
        )
          matching++;
        hash =
          (hash * 31 +
            data[p] +
            7 * data[p + 1] +
            13 * data[p + 2] +
            data[p + 3]) |
          0;
      }
      return {
        drawn,
        matching,
        hash,
        width: canvas.width,
        height: canvas.height,
      };
    },
    [rgb, index],
  );
}

export { cli } from "./cli.mjs";

export { card };
