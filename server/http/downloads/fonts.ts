// The fonts an edition's text needs, cut down to the characters it uses (harfbuzz's subsetter via
// subset-font, which keeps the shaping rules Burmese and Khmer need) and embedded as woff2 data
// URIs, so that a single HTML file shows its script on any phone, offline, with no other file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../../root.js';

const FONTS_DIR = path.join(ROOT, 'node_modules', '@fontsource');

/** Scripts Tandem carries a font for (the same files the server serves under /fonts). */
const FONTS = [
  { family: 'Noto Sans Myanmar', package: 'noto-sans-myanmar', subset: 'myanmar', test: /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/ },
  { family: 'Noto Sans Khmer', package: 'noto-sans-khmer', subset: 'khmer', test: /[\u1780-\u17FF\u19E0-\u19FF]/ },
  { family: 'Noto Sans Thai', package: 'noto-sans-thai', subset: 'thai', test: /[\u0E01-\u0E5B]/ },
] as const;

export interface EmbeddedFont {
  family: string;
  dataUri: string;
}

/** One subset font per script the text uses (regular weight; bold is synthesised). */
export async function embeddedFonts(text: string): Promise<EmbeddedFont[]> {
  const fonts: EmbeddedFont[] = [];
  // Loaded on the first download, not at start: the font tools are large (a tenth of start-up).
  const { default: subsetFont } = await import('subset-font');
  for (const font of FONTS.filter((f) => f.test.test(text))) {
    const file = path.join(FONTS_DIR, font.package, 'files', `${font.package}-${font.subset}-400-normal.woff2`);
    // The dotted circle and the joiners are part of the script's shaping.
    const subset = await subsetFont(await readFile(file), `${text}\u25CC\u200C\u200D`, { targetFormat: 'woff2' });
    fonts.push({ family: font.family, dataUri: `data:font/woff2;base64,${Buffer.from(subset).toString('base64')}` });
  }
  return fonts;
}
