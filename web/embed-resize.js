// An embedded figure in a frame tells its parent the height it wants, on load and whenever it
// changes: {type: "actlab:resize", view, height} (CSS px), for an auto-height iframe (the
// Embed button's second snippet). The figure fills whatever frame it is given (styles.css), so
// the height wanted is the card's chrome (title, controls, legend, buttons) plus a stage in
// proportion to the frame's width.
const STAGE_ASPECT = 0.62;
const STAGE_MIN = 260;
const STAGE_MAX = 640;

export function postHeights(view, main, stage, win = window) {
  if (win.parent === win) return null;
  let posted = 0;
  const post = () => {
    const chrome = main.offsetHeight - stage.offsetHeight;
    const wanted = Math.min(
      STAGE_MAX,
      Math.max(STAGE_MIN, Math.round(main.clientWidth * STAGE_ASPECT)),
    );
    const height = Math.ceil(chrome + wanted);
    if (height === posted) return;
    posted = height;
    win.parent.postMessage({ type: "actlab:resize", view, height }, "*");
  };
  const observer = new ResizeObserver(post);
  observer.observe(main);
  observer.observe(stage);
  post();
  return observer;
}
