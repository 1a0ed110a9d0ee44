/** Pictures a child who cannot read yet recognises as theirs (DeviceProfile.picture is an index here). */
export const PICTURES = ['🦊', '🐢', '🦁', '🐸', '🐙', '🦋', '🐳', '🦉', '🐝', '🌻', '🚀', '⚽'] as const;
export const PICTURE_NAMES = ['fox', 'turtle', 'lion', 'frog', 'octopus', 'butterfly', 'whale', 'owl', 'bee', 'sunflower', 'rocket', 'ball'] as const;

export function pictureOf(index: number | null): string | null {
  return index !== null && index >= 0 && index < PICTURES.length ? PICTURES[index]! : null;
}
