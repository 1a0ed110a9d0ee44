/** The line a benchmark child prints once it is ready, followed by JSON describing it. */
export const READY_PREFIX = 'BENCH_READY ';
