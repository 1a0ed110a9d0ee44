/**
 * The student places' icons, drawn inline: emoji show as empty boxes on devices without a
 * colour-emoji font, and these sit on every student screen.
 */
const PATHS = {
  home: 'M4 11 12 4l8 7v9h-5v-6H9v6H4z',
  plan: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  projects: 'M14.5 3.5a4.5 4.5 0 0 0-4.3 5.9L3.6 16a2 2 0 0 0 2.8 2.8l6.6-6.6a4.5 4.5 0 0 0 5.9-4.3l-2.6 2.6-2.9-.8-.8-2.9z',
  journal: 'M6 3h11a2 2 0 0 1 2 2v16H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2 4v2h8V7zm0 4v2h6v-2z',
  me: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9 9a1.3 1.3 0 1 1 0 2.6A1.3 1.3 0 0 1 9 9zm6 0a1.3 1.3 0 1 1 0 2.6A1.3 1.3 0 0 1 15 9zm-7 5h8a4 4 0 0 1-8 0z',
} as const;
export type NavIconName = keyof typeof PATHS;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg class="student-nav__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path fill="currentColor" fill-rule="evenodd" d={PATHS[name]} />
    </svg>
  );
}
