// dist/actlab-scorm12.zip as an LMS imports it: the manifest is well-formed XML with
// schemaversion 1.2 and one SCO whose launch file is in the package; the launch file, served
// from a nested folder inside an LMS player frame, draws with and without a SCORM API in the
// parent; with a stub API, LMSInitialize, the completed status once the last section is on
// screen, LMSCommit after it, and LMSFinish when the lecture is closed are seen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { launchChromium } from "../../scripts/chromium.mjs";
import {
  assertEveryFigureDraws,
  dist,
  ensureDist,
  tempFolder,
} from "./dist.mjs";
import { serveFolder } from "./plain-server.mjs";

const PACKAGE = "/lms/pluginfile/42/mod_scorm/content/1/";

const zip = () => join(dist, "actlab-scorm12.zip");
const unzip = (...args) => execFileSync("unzip", args, { encoding: "utf8" });

// The LMS's player: the SCO in an iframe; with `api`, a SCORM 1.2 API recording each call.
const player = (
  api,
) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script>
window.calls = [];
${
  api
    ? `const values = { "cmi.core.lesson_status": "not attempted" };
const record = (name, result) => (...args) => (calls.push([name, ...args]), result(...args));
window.API = {
  LMSInitialize: record("LMSInitialize", () => "true"),
  LMSFinish: record("LMSFinish", () => "true"),
  LMSGetValue: record("LMSGetValue", (key) => values[key] ?? ""),
  LMSSetValue: record("LMSSetValue", (key, value) => ((values[key] = value), "true")),
  LMSCommit: record("LMSCommit", () => "true"),
  LMSGetLastError: () => "0",
  LMSGetErrorString: () => "",
  LMSGetDiagnostic: () => "",
};`
    : ""
}
</script>
<iframe id="sco" src="${PACKAGE}${launch}" style="width:1000px;height:800px"></iframe>`;

let launch;
let folder;
let server;
let browser;
let manifest;
before(async () => {
  ensureDist();
  manifest = unzip("-p", zip(), "imsmanifest.xml");
  launch = /<resource [^>]*href="([^"]+)"/.exec(manifest)[1];
  folder = tempFolder();
  mkdirSync(join(folder, PACKAGE), { recursive: true });
  unzip("-q", zip(), "-d", join(folder, PACKAGE));
  writeFileSync(join(folder, "lms/with-api.html"), player(true));
  writeFileSync(join(folder, "lms/without-api.html"), player(false));
  server = await serveFolder(folder);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPlayer(name) {
  const page = await browser.newPage({
    viewport: { width: 1100, height: 900 },
  });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${server.origin}/lms/${name}.html`);
  const sco = await (await page.$("#sco")).contentFrame();
  await assertEveryFigureDraws(sco);
  return { page, sco, errors };
}

describe("the SCORM 1.2 package", () => {
  test("the manifest is well-formed, schemaversion 1.2, one SCO whose launch file exists", async () => {
    const listing = unzip("-Z1", zip()).trim().split("\n");
    assert.ok(listing.includes("imsmanifest.xml"));
    assert.ok(listing.includes(launch), `${launch} in ${listing}`);
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const all = (name) => [...doc.getElementsByTagNameNS("*", name)];
      return {
        errors: all("parsererror").length,
        root: doc.documentElement.localName,
        schema: all("schema").map((e) => e.textContent),
        version: all("schemaversion").map((e) => e.textContent),
        scos: all("resource")
          .filter((r) => r.getAttribute("adlcp:scormtype") === "sco")
          .map((r) => r.getAttribute("href")),
        items: all("item").map((i) => i.getAttribute("identifierref")),
        resources: all("resource").map((r) => r.getAttribute("identifier")),
      };
    }, manifest);
    await page.close();
    assert.equal(parsed.errors, 0);
    assert.equal(parsed.root, "manifest");
    assert.deepEqual(parsed.schema, ["ADL SCORM"]);
    assert.deepEqual(parsed.version, ["1.2"]);
    assert.deepEqual(parsed.scos, [launch]);
    assert.deepEqual(parsed.items, parsed.resources);
  });

  test("without an LMS the lecture is a normal page", async () => {
    const { page, errors } = await openPlayer("without-api");
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => calls), []);
    await page.close();
  });

  test("with an LMS: LMSInitialize, completed at the last section, LMSCommit, LMSFinish", async () => {
    const { page, sco, errors } = await openPlayer("with-api");
    const calls = () => page.evaluate(() => calls.map((c) => c.join(" ")));
    assert.equal((await calls())[0], "LMSInitialize ");
    assert.ok(
      !(await calls()).includes("LMSSetValue cmi.core.lesson_status completed"),
    );
    await sco.evaluate(() =>
      document.querySelector(".lecture-section:last-of-type").scrollIntoView(),
    );
    await page.waitForFunction(() =>
      calls.some((c) => c[0] === "LMSSetValue" && c[2] === "completed"),
    );
    const seen = await calls();
    const completed = seen.indexOf(
      "LMSSetValue cmi.core.lesson_status completed",
    );
    assert.ok(
      seen.indexOf("LMSCommit ", completed) > completed,
      seen.join("; "),
    );
    await page.evaluate(() => document.querySelector("#sco").remove());
    await page.waitForFunction(() => calls.some((c) => c[0] === "LMSFinish"));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
