/**
 * Scott's π (1955) from a two-coder K×K table: like κ, but chance agreement uses the pooled
 * marginals of both coders, pe = Σ_k ((p_k· + p_·k)/2)². Undefined without data or when both coders
 * used a single category throughout.
 */
export function scottPi(table: ArrayLike<number>, K: number): number | undefined {
  if (table.length !== K * K) throw new RangeError(`table has ${table.length} cells, expected ${K * K}`);
  const pooled = new Float64Array(K);
  let n = 0;
  let agree = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const x = table[i * K + j]!;
      pooled[i]! += x;
      pooled[j]! += x;
      n += x;
      if (i === j) agree += x;
    }
  }
  if (n === 0) return undefined;
  let pe = 0;
  for (let k = 0; k < K; k++) pe += (pooled[k]! / (2 * n)) ** 2;
  if (!(pe < 1)) return undefined;
  return (agree / n - pe) / (1 - pe);
}
