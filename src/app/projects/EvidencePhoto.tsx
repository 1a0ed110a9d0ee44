import { useEffect, useState } from 'preact/hooks';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { useSession } from '../session/context';
import { loadPhoto } from '../../sync/photo-sync';

/**
 * A photo of evidence by its content hash, for the student's and the teacher's screens alike.
 * Teachers' devices download it from the relay the first time and keep it.
 */
export function EvidencePhoto(props: { studentId: string; hash: string; alt: string }) {
  const { t } = useI18n();
  const { profile, classId } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (!profile || !classId) return;
    let objectUrl: string | null = null;
    let live = true;
    void loadPhoto(profile, classId, props.studentId, props.hash).then((blob) => {
      if (!live) return;
      if (!blob) return setMissing(true);
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [profile?.id, classId, props.studentId, props.hash]);
  if (url) return <img class="evidence-photo" src={url} alt={props.alt} />;
  return <p class="evidence-photo evidence-photo--missing muted">{missing ? t('evidence.photoNotHere') : t('app.loading')}</p>;
}
