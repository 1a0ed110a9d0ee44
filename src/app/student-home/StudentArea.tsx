import type { Route } from '../router';
import { MePage } from '../profiles/MePage';
import { ProfilePicker } from '../profiles/ProfilePicker';
import { MyPlan } from '../my-plan/MyPlan';
import { ProjectPage } from '../projects/ProjectPage';
import { Projects } from '../projects/Projects';
import { Reflections } from '../reflections/Reflections';
import { StudentHome } from './StudentHome';

/**
 * The student's screens and the profile picker, loaded together on first use as one chunk: a
 * student needs them all, and one chunk keeps the first visit's JavaScript smallest.
 */
export function StudentArea({ route }: { route: Route | { name: 'picker' } }) {
  switch (route.name) {
    case 'picker':
      return <ProfilePicker />;
    case 'my-plan':
      return <MyPlan />;
    case 'projects':
      return <Projects />;
    case 'project':
      return <ProjectPage projectId={route.projectId} />;
    case 'reflections':
      return <Reflections />;
    case 'me':
      return <MePage />;
    default:
      return <StudentHome />;
  }
}
