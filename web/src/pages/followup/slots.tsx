import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { texts } from '../../texts.de.ts';

/*
 * The follow-up's places on the sketch pages. Each loads its component as a chunk of its own when
 * it is first shown, so applicants with drafts (and the office's other pages) never download it.
 */

export { followUpStates } from './states.ts';

function useChunk<P>(load: () => Promise<ComponentType<P>>) {
  const [state, setState] = useState<{ component?: ComponentType<P>; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    load().then(
      (component) => live && setState({ component }),
      () => live && setState({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function Slot<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const { component: Component, failed } = useChunk(load);
  if (failed)
    return (
      <div class="notice notice--error" role="alert">
        <p>{texts.error.chunk}</p>
      </div>
    );
  if (!Component) return <p role="status">{texts.error.loading}</p>;
  return <Component {...props} />;
}

export interface ApplicantFollowUpProps {
  sketchId: string;
  /** The page was opened at /foerderung: the section takes focus once loaded. */
  focus: boolean;
}

const loadApplicant = () => import('./ApplicantFollowUp.tsx').then((m) => m.ApplicantFollowUp);

export function ApplicantFollowUpSlot(props: ApplicantFollowUpProps) {
  return <Slot load={loadApplicant} props={props} />;
}

export interface OfficeFollowUpProps extends ApplicantFollowUpProps {
  /** After an action: the sketch page reloads (its state changed) and announces the sentence. */
  onDone: (announcement: string) => void;
}

const loadOffice = () => import('./OfficeFollowUp.tsx').then((m) => m.OfficeFollowUp);

export function OfficeFollowUpSlot(props: OfficeFollowUpProps) {
  return <Slot load={loadOffice} props={props} />;
}
