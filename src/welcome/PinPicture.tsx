import { t } from '../ui/i18n';

/**
 * Chrome's toolbar as a drawing: the Extensions (puzzle) button, its menu with this extension and the pin
 * beside it. Drawn, not a screenshot, so it follows the light or dark theme and every language.
 */
export function PinPicture() {
  return (
    <figure class="pin-picture">
      <svg viewBox="0 0 360 150" role="img" aria-labelledby="pin-picture-caption" xmlns="http://www.w3.org/2000/svg">
        <rect x="1" y="1" width="358" height="40" rx="8" class="pin-bar" />
        <rect x="14" y="11" width="230" height="20" rx="10" class="pin-field" />
        {/* The puzzle piece (Extensions) button, highlighted */}
        <circle cx="290" cy="21" r="14" class="pin-hot" />
        <path d="M283 16h5a3 3 0 0 1 6 0h4v5a3 3 0 0 1 0 6v5h-15z" class="pin-glyph" />
        <circle cx="326" cy="21" r="9" class="pin-avatar" />
        {/* The Extensions menu */}
        {/* Wide enough that the name ends before the pin, in any sans-serif font */}
        <rect x="110" y="48" width="240" height="92" rx="8" class="pin-menu" />
        <rect x="122" y="62" width="20" height="20" rx="4" class="pin-icon" />
        <text x="132" y="77" class="pin-icon-text" text-anchor="middle">
          5
        </text>
        <text x="150" y="77" class="pin-text" textLength="150" lengthAdjust="spacingAndGlyphs">
          Error Page Explainer
        </text>
        {/* The pin, highlighted */}
        <circle cx="330" cy="72" r="12" class="pin-hot" />
        <path d="M326 64h8l-1.5 6 3.5 3v2h-5v6l-1 2-1-2v-6h-5v-2l3.5-3z" class="pin-glyph" />
        <rect x="122" y="98" width="20" height="20" rx="4" class="pin-other" />
        <rect x="150" y="104" width="90" height="8" rx="4" class="pin-other" />
      </svg>
      <figcaption id="pin-picture-caption">{t('welcomePinCaption')}</figcaption>
    </figure>
  );
}
