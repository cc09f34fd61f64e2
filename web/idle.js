// Work for when the page is idle: requestIdleCallback where the browser has it, else (Safari) a
// timeout with a short budget. work(deadline): deadline.timeRemaining() in ms.
export function whenIdle(work, { timeout = 2000 } = {}) {
  if (globalThis.requestIdleCallback)
    return requestIdleCallback(work, { timeout });
  return setTimeout(() => {
    const end = performance.now() + 10;
    work({
      timeRemaining: () => Math.max(0, end - performance.now()),
      didTimeout: false,
    });
  }, 50);
}
