// dist/actlab-scorm12.zip: a SCORM 1.2 content package with one SCO, the single-file lecture
// as index.html beside imsmanifest.xml (the page itself talks to the LMS: web/scorm.js). One
// file needs no MIME types from the LMS's file server for scripts, fonts or wasm. Zipped with
// Debian's zip (installed by scripts/setup.sh), without extra attributes and with one fixed
// time stamp, so that the same page gives the same package.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { STRINGS } from "../../web/i18n/index.js";

export const LAUNCH_FILE = "index.html";

const xml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function manifest(title) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="actlab-lecture" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="actlab-organization">
    <organization identifier="actlab-organization">
      <title>${xml(title)}</title>
      <item identifier="actlab-item" identifierref="actlab-sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="actlab-sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
      <file href="${LAUNCH_FILE}"/>
    </resource>
  </resources>
</manifest>
`;
}

export function writeScormPackage(zipPath, lectureHtml) {
  const folder = mkdtempSync(join(tmpdir(), "actlab-scorm-"));
  try {
    const files = {
      "imsmanifest.xml": manifest(STRINGS.en.meta.title),
      [LAUNCH_FILE]: lectureHtml,
    };
    const stamp = new Date("2000-01-01T00:00:00Z");
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(folder, name), text);
      utimesSync(join(folder, name), stamp, stamp);
    }
    rmSync(zipPath, { force: true });
    execFileSync("zip", ["-X", "-q", "-9", zipPath, ...Object.keys(files)], {
      cwd: folder,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
