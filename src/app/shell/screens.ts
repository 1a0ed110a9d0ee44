import { lazyScreen } from '../components/Lazy';

/** Every screen but the first, each loaded on first use (or ahead of it, with `preloadScreen`). */
export const screens = {
  Join: lazyScreen(() => import('../join/Join').then((m) => m.Join)),
  Connect: lazyScreen(() => import('../connect/Connect').then((m) => m.Connect)),
  StudentArea: lazyScreen(() => import('../student-home/StudentArea').then((m) => m.StudentArea)),
  CheckInForm: lazyScreen(() => import('../checkin/CheckInForm').then((m) => m.CheckInForm)),
  StudentView: lazyScreen(() => import('../student-view/StudentView').then((m) => m.StudentView)),
  ClassSetup: lazyScreen(() => import('../class-setup/ClassSetup').then((m) => m.ClassSetup)),
  FamilyReport: lazyScreen(() => import('../report/FamilyReport').then((m) => m.FamilyReport)),
  GroupCheckInForm: lazyScreen(() => import('../checkin/GroupCheckInForm').then((m) => m.GroupCheckInForm)),
  ExportScreen: lazyScreen(() => import('../export/ExportScreen').then((m) => m.ExportScreen)),
  Dashboard: lazyScreen(() => import('../dashboard/Dashboard').then((m) => m.Dashboard)),
};

const BY_ROUTE = { checkin: screens.CheckInForm, student: screens.StudentView, setup: screens.ClassSetup } as const;

/** Loads the screen a person will most likely open next when the browser is idle. */
export function preloadScreen(route: keyof typeof BY_ROUTE): () => void {
  const load = () => BY_ROUTE[route].preload();
  if (!('requestIdleCallback' in window)) {
    const timer = setTimeout(load, 500);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(load, { timeout: 2_000 });
  return () => cancelIdleCallback(id);
}
