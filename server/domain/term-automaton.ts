// Finds many terms in a text in one pass (Aho–Corasick): built once for a list of terms, it reads
// each text once, whatever the number of terms. A glossary of 5,000 terms costs one walk over a
// segment's characters, where one regular expression with 5,000 alternatives tries every term at
// every position.
//
// Matching is on folded text: lower case, every run of white space one space, as `termKey` spells
// terms. Positions come back in the original text.

export interface AutomatonMatch {
  /** Index of the term in the list the automaton was built from. */
  term: number;
  start: number;
  end: number;
}

export interface TermAutomaton {
  /** Every occurrence of every term (overlapping ones too), in the original text's positions. */
  findAll(text: string): AutomatonMatch[];
}

/** Lower case; final sigma as sigma, so that "ΟΔΟΣ" and "οδος" meet. */
export const foldCase = (s: string) => s.toLowerCase().replace(/ς/g, 'σ');

const WHITE_SPACE = /\s/u;

/** `terms` already folded (foldCase, single spaces). */
export function buildTermAutomaton(terms: readonly string[]): TermAutomaton {
  const next: Array<Map<number, number>> = [new Map<number, number>()];
  const fail: number[] = [0];
  /** The term that ends at a node (-1 if none), and the next node on the fail chain that ends one. */
  const ends: number[] = [-1];
  const outputLink: number[] = [-1];
  const depth: number[] = [0];

  terms.forEach((term, index) => {
    if (term === '') return;
    let node = 0;
    for (let i = 0; i < term.length; i++) {
      const unit = term.charCodeAt(i);
      let child = next[node]!.get(unit);
      if (child === undefined) {
        child = next.length;
        next.push(new Map<number, number>());
        fail.push(0);
        ends.push(-1);
        outputLink.push(-1);
        depth.push(depth[node]! + 1);
        next[node]!.set(unit, child);
      }
      node = child;
    }
    if (ends[node] === -1) ends[node] = index; // two spellings of one key: the first entry wins
  });

  // Breadth first: a node's fail link is the longest proper suffix that is also in the trie.
  const queue: number[] = [...next[0]!.values()];
  for (const node of queue) {
    // (the loop also visits the nodes pushed while it runs)
    for (const [unit, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(unit)) f = fail[f]!;
      const target = next[f]!.get(unit);
      fail[child] = target !== undefined && target !== child ? target : 0;
      const linked = fail[child]!;
      outputLink[child] = ends[linked] !== -1 ? linked : outputLink[linked]!;
      queue.push(child);
    }
  }

  return {
    findAll(text) {
      const { folded, from, to } = foldText(text);
      const found: AutomatonMatch[] = [];
      let node = 0;
      for (let i = 0; i < folded.length; i++) {
        const unit = folded.charCodeAt(i);
        while (node !== 0 && !next[node]!.has(unit)) node = fail[node]!;
        node = next[node]!.get(unit) ?? 0;
        for (let out = ends[node] !== -1 ? node : outputLink[node]!; out > 0; out = outputLink[out]!) {
          const first = i - depth[out]! + 1;
          found.push({ term: ends[out]!, start: from[first]!, end: to[i]! });
        }
      }
      return found;
    },
  };
}

/** The folded text, and for each of its code units the original range it came from. */
function foldText(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const char = String.fromCodePoint(text.codePointAt(i)!);
    i += char.length;
    let piece: string;
    if (WHITE_SPACE.test(char)) {
      while (i < text.length && WHITE_SPACE.test(text[i]!)) i += 1;
      piece = ' ';
    } else {
      piece = foldCase(char);
    }
    folded += piece;
    for (let units = piece.length; units > 0; units -= 1) {
      from.push(start);
      to.push(i);
    }
  }
  return { folded, from, to };
}
