// The figures of the page by id (the ids of web/state.js), one module each.
import activation from "./activation.js";
import gradients from "./gradients.js";
import initializers from "./initializers.js";
import isometry from "./isometry.js";
import propagation from "./propagation.js";
import selu from "./selu.js";
import seluField from "./selu_field.js";
import train from "./train.js";
import edge from "./edge.js";

export const FIGURES = {
  act: activation,
  grad: gradients,
  prop: propagation,
  init: initializers,
  selu,
  selumap: seluField,
  train,
  edge,
  iso: isometry,
};
