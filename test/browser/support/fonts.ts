// Which fonts actually drew a node's text, from Chromium's DevTools protocol: the machine has
// system Noto fonts too, so only `isCustomFont` tells a web font that Tandem serves from those.
import type { Page } from 'playwright-core';

export interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts that drew the text of the first node matching `selector` (and its children), most glyphs first. */
export async function fontsOf(page: Page, selector: string): Promise<PlatformFont[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`No element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount);
  } finally {
    await cdp.detach();
  }
}
