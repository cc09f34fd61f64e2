// SCORM 1.2 run-time, for an LMS that launches the lecture as a SCO (dist/actlab-scorm12.zip).
// The LMS's API object is looked for in this window and its parents, then in the opener's
// (ADL's API discovery: at most 7 frames up; a cross-origin frame is skipped). Without one the
// page is a normal page. With one: LMSInitialize, the lesson "incomplete" until the student has
// reached the last section, then "completed" and LMSCommit; LMSFinish when the page goes away.
const MAX_FRAMES = 7;

function apiAbove(win) {
  for (let depth = 0; win && depth <= MAX_FRAMES; depth++) {
    try {
      if (typeof win.API?.LMSInitialize === "function") return win.API;
    } catch {
      // a frame of another origin: not the LMS's
    }
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

export function findScormApi(win = window) {
  let opener = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return apiAbove(win) ?? apiAbove(opener);
}

// null without an LMS; else {watch(element)}: the lesson is completed once `element` (the last
// section) has been on screen. watch returns the observer, to disconnect on a re-render.
export function connectScorm(win = window) {
  const api = findScormApi(win);
  if (!api || String(api.LMSInitialize("")) !== "true") return null;
  const status = String(api.LMSGetValue("cmi.core.lesson_status"));
  let completed = status === "completed" || status === "passed";
  if (!completed && status !== "incomplete") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    api.LMSCommit("");
  }
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    api.LMSFinish("");
  };
  win.addEventListener("pagehide", finish);
  win.addEventListener("beforeunload", finish);
  return {
    watch(element) {
      if (completed) return null;
      const observer = new IntersectionObserver((entries) => {
        if (completed || !entries.some((entry) => entry.isIntersecting)) return;
        completed = true;
        observer.disconnect();
        api.LMSSetValue("cmi.core.lesson_status", "completed");
        api.LMSCommit("");
      });
      observer.observe(element);
      return observer;
    },
  };
}
