// Which self-hosted font Tandem serves for each script. The fonts are @fontsource packages (Noto),
// split by unicode-range, so a page downloads only the parts of a font it draws. Latin, Cyrillic
// and Greek are left to the device's own fonts (every phone has them). A locale whose script is in
// neither list has no font from Tandem: the admin page says so.

export interface ScriptFont {
  family: string;
  /** The @fontsource package (without the scope). */
  package: string;
  /** Weights served: CJK fonts are large, so only the regular weight. */
  weights: readonly number[];
  /**
   * Declared in a page only when it shows text in the language: a CJK font is ~100 unicode-range
   * parts whose rules alone weigh 25 KB compressed, too much for every page's language names.
   */
  heavy?: boolean;
}

export const SCRIPT_FONTS: Readonly<Record<string, ScriptFont>> = {
  Mymr: { family: 'Noto Sans Myanmar', package: 'noto-sans-myanmar', weights: [400, 700] },
  Khmr: { family: 'Noto Sans Khmer', package: 'noto-sans-khmer', weights: [400, 700] },
  Thai: { family: 'Noto Sans Thai', package: 'noto-sans-thai', weights: [400, 700] },
  Rohg: { family: 'Noto Sans Hanifi Rohingya', package: 'noto-sans-hanifi-rohingya', weights: [400, 700] },
  Hans: { family: 'Noto Sans SC', package: 'noto-sans-sc', weights: [400], heavy: true },
  Hant: { family: 'Noto Sans TC', package: 'noto-sans-tc', weights: [400], heavy: true },
  Jpan: { family: 'Noto Sans JP', package: 'noto-sans-jp', weights: [400], heavy: true },
  Kore: { family: 'Noto Sans KR', package: 'noto-sans-kr', weights: [400], heavy: true },
};

/** Scripts every device draws well with its own fonts. */
export const DEVICE_SCRIPTS: ReadonlySet<string> = new Set(['Latn', 'Cyrl', 'Grek']);

/** The font for a script: one Tandem serves, the device's own, or none (a warning for admins). */
export function fontForScript(script: string): ScriptFont | 'device' | undefined {
  if (DEVICE_SCRIPTS.has(script)) return 'device';
  return SCRIPT_FONTS[script];
}
