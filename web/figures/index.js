// The figures of the page by id (the ids of web/state.js), one module each.
import activation from "./activation.js";

export const FIGURES = {
  act: activation,
};
