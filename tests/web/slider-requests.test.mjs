// A slider's release does not compute again what its last move already asked for (issue 14:
// the figure settled 0.3-0.45 s after the release): one key press on a slider fires input and
// change, and the worker gets one request for the figure's full view, not two (and at most one
// for its coarse view, web/refine.js, while the main thread has no engine of its own yet).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { act, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

test("one slider step, one request to the worker", async () => {
  const initScript = () => {
    globalThis.posted = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.channel) globalThis.posted.push(message.channel);
      return post.call(this, message, ...rest);
    };
  };
  const { page, context } = await openPage(env, "/?view=init", { initScript });
  await waitDrawn(page, "init", 0, 60000);
  const before = await page.evaluate(() => globalThis.posted.length);
  await page.focus("#init-depth");
  await act(page, "init", () => page.keyboard.press("ArrowLeft"));
  await page.waitForTimeout(500);
  const sent = await page.evaluate((n) => globalThis.posted.slice(n), before);
  assert.deepEqual(
    sent.filter((channel) => channel !== "init:coarse"),
    ["init"],
  );
  assert.ok(sent.length <= 2);
  assert.match(page.url(), /init\.depth=29/);
  await context.close();
});
