// Russian strings of the overflow marks of figures 3 and 4 (web/figures/overflow.js).
export default {
  signal:
    "сигнал выходит за пределы float32 начиная со слоя {layer}: взрывающиеся активации",
  gradient:
    "градиент выходит за пределы float32 начиная со слоя {layer} и ниже: взрывающиеся градиенты",
  of: "{name}: {text}",
};
