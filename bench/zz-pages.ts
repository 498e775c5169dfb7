import { signIn } from "./support/httpUser";
const base = "http://127.0.0.1:3130";
async function main() {
  const u = await signIn(base, "classlead-e2e@coflex.test", "coflex-demo");
  const home = await u.page("/");
  const ids = [...new Set([...home.html.matchAll(/\/exercises\/([A-Za-z0-9-]{36})/g)].map((m) => m[1]))];
  const cohort = /\/cohorts\/([A-Za-z0-9_-]+)/.exec(home.html)?.[1];
  const paths = process.argv.slice(2).length ? process.argv.slice(2) : [`/exercises/${ids[0]}/review`, `/exercises/${ids[0]}/agreement`, `/cohorts/${cohort}/progress`];
  for (const p of paths) {
    const times: number[] = []; let bytes = 0;
    for (let i = 0; i < 8; i++) { const r = await u.page(p); times.push(Math.round(r.ms)); bytes = r.bytes; }
    console.log(p.slice(0, 60), bytes, times.join(" "));
  }
}
main();
