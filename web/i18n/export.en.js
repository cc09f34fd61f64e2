// English strings of the image export (web/export.js, the card's buttons).
export default {
  actions: {
    scale: "PNG size",
    scaleTitle:
      "The PNG's pixels per pixel of the figure on the page: 2× or 3× for a projector or a slide",
    scaleOption: "{scale}×",
    svg: "SVG",
    svgTitle:
      "Download the figure as an SVG vector image in light colours (title and parameters included)",
    svgNone:
      "No SVG for this figure: its decision boundaries and heat maps are pixel images. Use PNG.",
  },
};
