// Debian's headless Chromium through playwright-core, started as ../shared/TOOLCHAIN.md says:
// as root it needs --no-sandbox, and without the background-networking flags it tries to
// reach outside hosts. The browser tests and the benchmark both launch it from here.
import { chromium } from "playwright-core";

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  });
}
