import { describe, expect, it } from 'vitest';
import { pagePopupPath, readPopupAddress, toolbarPopupPath } from '../../../src/model/popup-address';

describe('the popup page address', () => {
  it("reads back the tab of the toolbar's popup, kept 390 px wide", () => {
    const search = new URL(`chrome-extension://x/${toolbarPopupPath(42)}`).search;
    expect(readPopupAddress(search)).toEqual({ tabId: 42, ownPage: false });
  });

  it('reads back the tab of the popup opened as a page, which fills its width', () => {
    const search = new URL(`moz-extension://x/${pagePopupPath(7)}`).search;
    expect(readPopupAddress(search)).toEqual({ tabId: 7, ownPage: true });
  });

  it('without a usable tab id shows the active tab, in the toolbar size', () => {
    for (const search of ['', '?in=toolbar', '?tab=', '?tab=-1', '?tab=1e3', '?tab=abc&in=toolbar', '?tab=3x']) {
      expect(readPopupAddress(search), search).toEqual({ tabId: null, ownPage: false });
    }
  });
});
