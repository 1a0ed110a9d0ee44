import { useEffect, useState } from 'preact/hooks';

/** Hash routes keep every screen reachable offline from the one precached index.html. */
export type Route =
  | { name: 'home' }
  | { name: 'start' }
  | { name: 'setup' }
  | { name: 'class' }
  | { name: 'student'; studentId: string }
  | { name: 'checkin'; studentId: string; checkinId: string | null }
  | { name: 'join'; code: string }
  | { name: 'connect' }
  | { name: 'my-plan' }
  | { name: 'projects' }
  | { name: 'project'; projectId: string }
  | { name: 'reflections' }
  | { name: 'me' }
  | { name: 'report'; studentId: string }
  | { name: 'group-checkin' }
  | { name: 'export' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts.length === 0) return { name: 'home' };
  const [first, second] = parts;
  if (first === 'start' && parts.length === 1) return { name: 'start' };
  if (first === 'setup' && parts.length === 1) return { name: 'setup' };
  if (first === 'class' && parts.length === 1) return { name: 'class' };
  if (first === 'student' && second && parts.length === 2) return { name: 'student', studentId: second };
  if (first === 'checkin' && second && parts.length === 2) return { name: 'checkin', studentId: second, checkinId: params.get('id') };
  if (first === 'join' && parts.length <= 2) return { name: 'join', code: second ?? '' };
  if (first === 'connect' && parts.length === 1) return { name: 'connect' };
  if (first === 'report' && second && parts.length === 2) return { name: 'report', studentId: second };
  if ((first === 'group-checkin' || first === 'export') && parts.length === 1) return { name: first };
  if ((first === 'my-plan' || first === 'reflections' || first === 'me') && parts.length === 1) return { name: first };
  if (first === 'projects' && parts.length === 1) return { name: 'projects' };
  if (first === 'projects' && second && parts.length === 2) return { name: 'project', projectId: second };
  return { name: 'not-found' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'start':
    case 'setup':
    case 'class':
    case 'connect':
    case 'group-checkin':
    case 'export':
    case 'my-plan':
    case 'projects':
    case 'reflections':
    case 'me':
      return `#/${route.name}`;
    case 'project':
      return `#/projects/${encodeURIComponent(route.projectId)}`;
    case 'report':
      return `#/report/${encodeURIComponent(route.studentId)}`;
    case 'student':
      return `#/student/${encodeURIComponent(route.studentId)}`;
    case 'checkin':
      return `#/checkin/${encodeURIComponent(route.studentId)}${route.checkinId ? `?id=${route.checkinId}` : ''}`;
    case 'join':
      return `#/join/${encodeURIComponent(route.code)}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const target = href(route);
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
