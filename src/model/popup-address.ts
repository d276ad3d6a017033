// The popup page's address: which tab it shows and whether it is the toolbar's popup or a page of its own.
// The background points the toolbar button of a tab it badges at `popup.html?tab=<id>&in=toolbar`: the popup then
// knows its tab from its address and reads the tab's record at once, instead of first asking the browser which
// tab is active and only then reading (one round trip less before the explanation, on exactly the tabs that fail).

/** What the toolbar button of a badged tab opens (action.setPopup with that tab's id). */
export function toolbarPopupPath(tabId: number): string {
  return `${pagePopupPath(tabId)}&in=toolbar`;
}

/** The popup as a page bound to a tab (a window or a tab of its own, opened from the in-page notice). */
export function pagePopupPath(tabId: number): string {
  return `popup.html?tab=${tabId}`;
}

export interface PopupAddress {
  /** The tab shown; null: the active tab of this window (the toolbar's popup before anything was badged). */
  tabId: number | null;
  /** A page of its own fills its width; the toolbar's popup keeps its 390 px. */
  ownPage: boolean;
}

/** Pure: reads a popup page's `location.search`. */
export function readPopupAddress(search: string): PopupAddress {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const tabId = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  return { tabId, ownPage: tabId !== null && params.get('in') !== 'toolbar' };
}
