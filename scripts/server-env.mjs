/**
 * The environment the production server runs with, shared by `npm start` and the
 * benchmarks so that they measure the server users run. A variable already set wins.
 *
 * MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc arena (up to
 * eight per core), and memory freed in an arena is seldom given back. The server's
 * threads (libuv's pool, SQLite, the extraction workers) each kept one: at 100,000
 * articles the server held 522 MB after the bench's 200 requests, and 335 MB with two
 * arenas, at no measurable cost in speed. Other C libraries ignore the variable.
 */
export function serverEnvironment(env = process.env) {
  return { MALLOC_ARENA_MAX: "2", NEXT_TELEMETRY_DISABLED: "1", ...env };
}
