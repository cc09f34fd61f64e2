// English strings of a figure's coarse view, drawn first and then refined (web/refine.js).
export default {
  status: {
    refining: "Refining: batch {batch} of {full}…",
  },
};
