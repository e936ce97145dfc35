// Glossary term matching at 5,000 terms: what rendering a workspace costs in matching, with the
// automaton Tandem uses (built once per glossary, server/domain/term-automaton.ts) against the
// regular expression it replaced (rebuilt for each render, scripts/bench/glossary-regex.ts), in
// the same run, over every segment of the first statement. CPU in this process, no server.
//
// Part of `npm run bench` (scenario "glossary"); alone: `npm run bench:glossary`. Environment:
// GLOSSARY_TERMS (default 5000), BENCH_SECONDS (time spent on each approach, default 10).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { termMatcher } from '../../server/domain/glossary.js';
import { regexTermMatcher } from './glossary-regex.js';
import { glossaryOf, statementSources } from './glossary-terms.js';

interface Timing {
  runs: number;
  medianMs: number;
  maxMs: number;
}

/** Runs `render` again and again for `seconds` (at least 3 times) and reports its times. */
function time(seconds: number, render: () => number): Timing & { found: number } {
  const times: number[] = [];
  let found = 0;
  const until = performance.now() + seconds * 1000;
  while (times.length < 3 || performance.now() < until) {
    const start = performance.now();
    found = render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, found };
}

/** The measurements, as lines for the report. */
export function glossaryBench(seconds: number, terms = Number(process.env.GLOSSARY_TERMS ?? 5000)): string[] {
  const sources = statementSources();
  const glossary = glossaryOf(terms);
  const buildStart = performance.now();
  termMatcher(glossary);
  const buildMs = performance.now() - buildStart;
  // Each render reads the glossary anew from the store: a new list with the same content.
  const automaton = time(seconds, () => {
    const match = termMatcher(structuredClone(glossary));
    return sources.reduce((n, source) => n + match(source).length, 0);
  });
  const regex = time(seconds, () => {
    const match = regexTermMatcher(glossary);
    return sources.reduce((n, source) => n + match(source).length, 0);
  });
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `glossary of ${glossary.length} terms, ${sources.length} segments of the first statement per render`,
    `automaton: built once in ${ms(buildMs)}; a render's matching ${ms(automaton.medianMs)} median, ${ms(automaton.maxMs)} at most (${automaton.runs} renders, the store's copy of the glossary read each time; ${automaton.found} terms found)`,
    `regular expression (before): a render's build and matching ${ms(regex.medianMs)} median, ${ms(regex.maxMs)} at most (${regex.runs} renders; ${regex.found} terms found)`,
    `speed-up: ${(regex.medianMs / automaton.medianMs).toFixed(0)}× per render${automaton.found === regex.found ? '' : ' (WARNING: the two found different numbers of terms)'}`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of glossaryBench(Number(process.env.BENCH_SECONDS ?? 10))) console.log(`[bench:glossary] ${line}`);
}
