// The part of a figure's title that names its network, in the page's language:
// "L = 20, N = 128, B = 256, seed 1".
export function networkCaption(ctx, { depth, width, batch, seed }) {
  const seedWord = ctx.t("params.seed").toLowerCase();
  return `L = ${depth}, N = ${width}, B = ${batch}, ${seedWord} ${seed}`;
}
