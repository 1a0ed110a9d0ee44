import { useEffect } from 'preact/hooks';
import { watchClassProjection } from '../../local/projection';
import { useSession } from './context';

/** While a teacher works, keeps the dashboard's query index in step with the class's documents. */
export function TeacherProjection() {
  const { profile, store, classId } = useSession();
  useEffect(() => {
    if (!profile || profile.role !== 'teacher' || !store || !classId) return;
    return watchClassProjection(store, profile.id, classId);
  }, [profile?.id, store, classId]);
  return null;
}
