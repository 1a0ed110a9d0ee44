import type { JSX } from 'preact';

/**
 * Pictures a child who cannot read yet recognises as theirs (DeviceProfile.picture is an index
 * here, so the order never changes: new pictures go at the end). Drawn as small inline SVGs
 * instead of emoji, which show as empty boxes on devices without a colour-emoji font (older
 * phones, school Linux laptops). This module loads with the picker screen, not the first visit.
 * Every name has a `picture.<name>` message in each catalog, read out by screen readers.
 */
export const PICTURE_NAMES = [
  'fox', 'turtle', 'lion', 'frog', 'octopus', 'butterfly', 'whale', 'owl', 'bee', 'sunflower', 'rocket', 'ball',
  'tree', 'star', 'boat', 'kite', 'moon', 'fish',
] as const;
export type PictureName = (typeof PICTURE_NAMES)[number];

const DARK = '#2b2420';
const eye = (x: number, y: number, r = 2.5) => <circle cx={x} cy={y} r={r} fill={DARK} />;

const DRAWINGS: Record<PictureName, JSX.Element> = {
  fox: (
    <>
      <path fill="#e8772e" d="M10 12 24 24h16l14-12-2 24q-4 14-20 20-16-6-20-20z" />
      <path fill="#7a3a12" d="m14 18 7 6-6 3zm36 0-7 6 6 3z" />
      <path fill="#fff3e6" d="M13 37q11 1 19 19-15-4-19-19zm38 0q-11 1-19 19 15-4 19-19z" />
      {eye(24, 35)}{eye(40, 35)}
      <circle cx="32" cy="52" r="3" fill={DARK} />
    </>
  ),
  turtle: (
    <>
      <rect x="12" y="38" width="9" height="12" rx="4" fill="#8bc34a" />
      <rect x="34" y="38" width="9" height="12" rx="4" fill="#8bc34a" />
      <circle cx="53" cy="36" r="7" fill="#8bc34a" />
      {eye(55, 34, 1.8)}
      <path fill="#3e9b4f" d="M6 42a22 22 0 0 1 44 0z" />
      <path fill="none" stroke="#2e7d32" stroke-width="2.5" d="M28 20v22M16 26l6 8-6 8m24-16-6 8 6 8M22 34h12" />
    </>
  ),
  lion: (
    <>
      <circle cx="32" cy="32" r="27" fill="#c0702a" />
      <circle cx="19" cy="20" r="6" fill="#f4b942" />
      <circle cx="45" cy="20" r="6" fill="#f4b942" />
      <circle cx="32" cy="34" r="18" fill="#f4b942" />
      {eye(25, 31)}{eye(39, 31)}
      <path fill="#6d3b1a" d="M27 38h10l-5 6z" />
      <path fill="none" stroke="#6d3b1a" stroke-width="2" stroke-linecap="round" d="M32 44q-3 4-7 2m7-2q3 4 7 2" />
    </>
  ),
  frog: (
    <>
      <circle cx="19" cy="22" r="10" fill="#5dbb4a" />
      <circle cx="45" cy="22" r="10" fill="#5dbb4a" />
      <ellipse cx="32" cy="40" rx="26" ry="17" fill="#5dbb4a" />
      <circle cx="19" cy="22" r="6" fill="#fff" />
      <circle cx="45" cy="22" r="6" fill="#fff" />
      {eye(19, 22, 3)}{eye(45, 22, 3)}
      <path fill="none" stroke={DARK} stroke-width="3" stroke-linecap="round" d="M17 41q15 12 30 0" />
    </>
  ),
  octopus: (
    <>
      <path fill="none" stroke="#9b59b6" stroke-width="6" stroke-linecap="round" d="M18 38q-8 10-2 20m11-16q-4 9 1 18m9-18q4 9-1 18m10-20q8 10 2 20" />
      <ellipse cx="32" cy="27" rx="19" ry="19" fill="#9b59b6" />
      <circle cx="25" cy="27" r="5" fill="#fff" />
      <circle cx="39" cy="27" r="5" fill="#fff" />
      {eye(25, 28)}{eye(39, 28)}
    </>
  ),
  butterfly: (
    <>
      <ellipse cx="20" cy="22" rx="14" ry="13" fill="#f28c28" />
      <ellipse cx="44" cy="22" rx="14" ry="13" fill="#f28c28" />
      <ellipse cx="22" cy="44" rx="11" ry="10" fill="#f6c343" />
      <ellipse cx="42" cy="44" rx="11" ry="10" fill="#f6c343" />
      <circle cx="18" cy="20" r="4" fill="#fff" />
      <circle cx="46" cy="20" r="4" fill="#fff" />
      <rect x="29.5" y="14" width="5" height="40" rx="2.5" fill="#4a3b2a" />
      <path fill="none" stroke="#4a3b2a" stroke-width="2" stroke-linecap="round" d="M31 15q-3-9-8-10m10 10q3-9 8-10" />
    </>
  ),
  whale: (
    <>
      <path fill="none" stroke="#7fb8e6" stroke-width="3" stroke-linecap="round" d="M24 20q-2-8-8-10m8 10q2-8 8-10" />
      <path fill="#3a7cc3" d="M46 38 59 26q2 12-3 15 5 4 3 15L46 44z" />
      <ellipse cx="27" cy="38" rx="22" ry="15" fill="#3a7cc3" />
      <path fill="#bfd9f2" d="M8 44q19 14 38 0-19 6-38 0z" />
      {eye(16, 34)}
    </>
  ),
  owl: (
    <>
      <path fill="#8d6e63" d="M14 20q0-12 8-10l10 6 10-6q8-2 8 10v24q0 14-18 14T14 44z" />
      <ellipse cx="32" cy="45" rx="11" ry="11" fill="#d7b899" />
      <circle cx="24" cy="28" r="8" fill="#fff" />
      <circle cx="40" cy="28" r="8" fill="#fff" />
      {eye(24, 28, 4)}{eye(40, 28, 4)}
      <path fill="#f5a623" d="M29 34h6l-3 6z" />
    </>
  ),
  bee: (
    <>
      <ellipse cx="26" cy="18" rx="8" ry="10" fill="#d6eef8" stroke="#7fb8e6" stroke-width="1.5" />
      <ellipse cx="40" cy="18" rx="8" ry="10" fill="#d6eef8" stroke="#7fb8e6" stroke-width="1.5" />
      <path fill={DARK} d="m52 38 8 0-8-4z" />
      <ellipse cx="33" cy="38" rx="20" ry="14" fill="#f7c631" />
      <path fill={DARK} d="M27 24.6 32 24v28l-5-.6zm11 .4 5 1.5v23.2l-5 1.5z" />
      <circle cx="13" cy="38" r="7" fill={DARK} />
      <circle cx="11" cy="36" r="1.8" fill="#fff" />
    </>
  ),
  sunflower: (
    <>
      <rect x="30" y="34" width="4" height="28" fill="#4caf50" />
      <ellipse cx="42" cy="52" rx="8" ry="4" fill="#4caf50" transform="rotate(-30 42 52)" />
      <g fill="#f9c80e">
        <circle cx="46" cy="26" r="7" /><circle cx="43.3" cy="34.2" r="7" /><circle cx="36.3" cy="39.3" r="7" />
        <circle cx="27.7" cy="39.3" r="7" /><circle cx="20.7" cy="34.2" r="7" /><circle cx="18" cy="26" r="7" />
        <circle cx="20.7" cy="17.8" r="7" /><circle cx="27.7" cy="12.7" r="7" /><circle cx="36.3" cy="12.7" r="7" />
        <circle cx="43.3" cy="17.8" r="7" />
      </g>
      <circle cx="32" cy="26" r="9" fill="#7b4a1e" />
    </>
  ),
  rocket: (
    <>
      <path fill="#f9a825" d="M24 46q8 20 16 0z" />
      <path fill="#e53935" d="M20 32 9 48l11-2zm24 0 11 16-11-2z" />
      <path fill="#eceff4" stroke="#5b6b82" stroke-width="2" d="M32 4q12 10 12 30v12H20V34Q20 14 32 4z" />
      <circle cx="32" cy="24" r="6" fill="#4fa3e0" stroke="#5b6b82" stroke-width="2" />
    </>
  ),
  ball: (
    <>
      <circle cx="32" cy="32" r="25" fill="#ef7d22" />
      <path fill="none" stroke="#5a2e0e" stroke-width="2.5" d="M7 32h50M32 7v50M14 14q12 18 0 36m36-36q-12 18 0 36" />
    </>
  ),
  tree: (
    <>
      <rect x="28" y="36" width="8" height="22" rx="2" fill="#8d5a2b" />
      <circle cx="20" cy="32" r="12" fill="#43a047" />
      <circle cx="44" cy="32" r="12" fill="#43a047" />
      <circle cx="32" cy="22" r="16" fill="#4caf50" />
    </>
  ),
  star: <path fill="#fbc02d" stroke="#e0a000" stroke-width="2" stroke-linejoin="round" d="M32 8l6.5 17.1 18.2.9-14.2 11.4 4.8 17.6L32 45l-15.3 10 4.8-17.6L7.3 26l18.2-.9z" />,
  boat: (
    <>
      <rect x="31" y="8" width="3" height="34" fill={DARK} />
      <path fill="#fff" stroke="#5b6b82" stroke-width="1.5" d="M35 10l17 28H35z" />
      <path fill="#e53935" d="M30 16 14 38h16z" />
      <path fill="#8d5a2b" d="M8 41h48l-8 12H16z" />
      <path fill="none" stroke="#3a7cc3" stroke-width="3" stroke-linecap="round" d="M6 59q6-4 12 0t12 0 12 0 12 0" />
    </>
  ),
  kite: (
    <>
      <path fill="none" stroke={DARK} stroke-width="2" d="M32 48q-8 5 0 9t0 7" />
      <path fill="#e91e63" d="M32 4l18 20-18 24-18-24z" />
      <path fill="#ff8a00" d="M32 4 14 24h18zm0 20v24l18-24z" />
      <path fill={DARK} d="m26 53 5 2-5 3zm12 4-5-2 5-3z" />
    </>
  ),
  moon: (
    <>
      <path fill="#fdd835" stroke="#e0b000" stroke-width="2" d="M29.1 10A22 22 0 1 0 50 41.3 19 19 0 0 1 29.1 10z" />
      {eye(22, 32, 2)}
      <path fill="none" stroke={DARK} stroke-width="2" stroke-linecap="round" d="M20 40q4 3 8 0" />
    </>
  ),
  fish: (
    <>
      <path fill="#26a69a" d="M42 32 58 18v28z" />
      <ellipse cx="28" cy="32" rx="20" ry="13" fill="#26a69a" />
      <path fill="none" stroke="#80cbc4" stroke-width="3" stroke-linecap="round" d="M28 22q6 10 0 20" />
      {eye(16, 29, 3)}
    </>
  ),
};

/** How many pictures there are to choose from. */
export const PICTURE_COUNT = PICTURE_NAMES.length;

export function pictureName(index: number | null): PictureName | null {
  return index !== null && Number.isInteger(index) && index >= 0 && index < PICTURE_COUNT ? PICTURE_NAMES[index]! : null;
}

/** The picture drawn at any size (decorative: the button or text beside it says the name). */
export function Picture({ name, size = 56 }: { name: PictureName; size?: number }) {
  return (
    <svg class="picture" data-picture={name} viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      {DRAWINGS[name]}
    </svg>
  );
}

/** A profile's picture, or the first letter of their name when they have not chosen one. */
export function ProfileFace({ picture, displayName, size }: { picture: number | null; displayName: string; size?: number }) {
  const name = pictureName(picture);
  return (
    <span class="picker__picture" aria-hidden="true">
      {name ? <Picture name={name} size={size} /> : displayName.slice(0, 1).toUpperCase()}
    </span>
  );
}
