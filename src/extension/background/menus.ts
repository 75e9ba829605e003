import type { ClipMode } from '../../extract/index.js';
import { browser } from '../browser.js';
import { t } from '../i18n.js';

/** Context menu item ids and the clip mode each asks for. */
export const MENU_MODES: Record<string, ClipMode> = { 'clip-page': 'page', 'clip-selection': 'selection' };

/** (Re)creates the context menu; menus survive restarts, so this runs on install and update only. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: 'clip-page', title: t('menuClipPage'), contexts: ['page', 'frame'] });
  browser.contextMenus.create({ id: 'clip-selection', title: t('menuClipSelection'), contexts: ['selection'] });
}
