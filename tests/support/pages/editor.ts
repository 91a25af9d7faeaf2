// Page object of the walkthrough editor (editor.html): it opens in its own tab from the side panel's edit
// button; this waits for that tab and hands back its page.
import type { Page } from 'puppeteer-core';

/**
 * Click `button` (a selector in the side panel `panel`) and return the editor tab it opens, whose address
 * contains `address` (e.g. `/editor.html?pack=ID`).
 */
export async function openEditor(panel: Page, button: string, address = '/editor.html?pack='): Promise<Page> {
  const target = panel.browser().waitForTarget((tg) => tg.url().includes(address));
  await (await panel.waitForSelector(button))!.click();
  const editor = await (await target).page();
  if (!editor) throw new Error(`the editor tab (${address}) has no page`);
  return editor;
}
