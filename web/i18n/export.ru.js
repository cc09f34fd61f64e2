// Russian strings of the image export (web/export.js, the card's buttons).
export default {
  actions: {
    scale: "Размер PNG",
    scaleTitle:
      "Сколько пикселей PNG приходится на пиксель рисунка на странице: 2× или 3× для проектора или слайда",
    scaleOption: "{scale}×",
    svg: "SVG",
    svgTitle:
      "Скачать рисунок в векторном формате SVG в светлых цветах (с заголовком и параметрами)",
    svgNone:
      "SVG для этого рисунка нет: границы решений и тепловые карты в нём — растровые изображения. Скачайте PNG.",
  },
};
