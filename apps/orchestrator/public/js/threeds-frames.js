/**
 * threeds-frames.js: the iframes the browser helper (threeds.js) shows the issuer's pages in,
 * at the sizes EMV 3DS gives challenge windows.
 */

/** EMV 3DS challengeWindowSize: 01–04 are fixed sizes in CSS pixels, 05 is the whole window. */
export const CHALLENGE_WINDOW_SIZES = Object.freeze({
  '01': Object.freeze({ width: 250, height: 400 }),
  '02': Object.freeze({ width: 390, height: 400 }),
  '03': Object.freeze({ width: 500, height: 600 }),
  '04': Object.freeze({ width: 600, height: 400 }),
  '05': null,
});

/** Below this viewport width every challenge is shown full page (a phone). */
const SMALL_SCREEN_WIDTH = 600;

export const hiddenFrameStyle = {
  position: 'absolute',
  width: '0',
  height: '0',
  border: '0',
  visibility: 'hidden',
};

export function appendFrame(parent, purpose, style) {
  const frame = document.createElement('iframe');
  frame.name = `${purpose}-${Math.random().toString(36).slice(2)}`;
  frame.title = '3-D Secure';
  frame.setAttribute(`data-${purpose}`, '');
  Object.assign(frame.style, style);
  parent.appendChild(frame);
  return frame;
}

/**
 * The challenge iframe at the EMV size, in `container` or centred over the page; full page for
 * size 05, on small screens, and wherever the chosen size does not fit.
 */
export function challengeFrame(container, size) {
  const dimensions = CHALLENGE_WINDOW_SIZES[size] ?? null;
  const fits =
    dimensions !== null &&
    window.innerWidth >= SMALL_SCREEN_WIDTH &&
    window.innerWidth >= dimensions.width &&
    window.innerHeight >= dimensions.height;
  const sized = fits
    ? { width: `${dimensions.width}px`, height: `${dimensions.height}px` }
    : { width: '100%', height: '100%' };
  const frameStyle = { ...sized, border: '0', display: 'block', background: '#fff' };
  if (fits && container) {
    const frame = appendFrame(container, 'threeds-challenge', frameStyle);
    return { frame, remove: () => frame.remove() };
  }
  const overlay = document.createElement('div');
  overlay.setAttribute('data-threeds-overlay', fits ? 'window' : 'full-page');
  Object.assign(overlay.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: fits ? 'rgba(0, 0, 0, 0.5)' : '#fff',
  });
  document.body.appendChild(overlay);
  const frame = appendFrame(overlay, 'threeds-challenge', frameStyle);
  return { frame, remove: () => overlay.remove() };
}

/** The challengeWindowSize the CReq (base64url JSON) asked the ACS for, if it says. */
export function creqWindowSize(creq) {
  try {
    const json = atob(creq.replace(/-/g, '+').replace(/_/g, '/'));
    const size = JSON.parse(json).challengeWindowSize;
    return Object.hasOwn(CHALLENGE_WINDOW_SIZES, size) ? size : undefined;
  } catch {
    return undefined;
  }
}
