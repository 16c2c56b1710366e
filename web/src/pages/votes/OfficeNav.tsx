import { useProfile } from '../../profile.ts';
import { voteTexts } from './texts.de.ts';
import './votes.css';

const t = voteTexts.nav;

const areas = [
  { id: 'sketches', href: '/verwaltung', label: t.sketches },
  { id: 'seats', href: '/verwaltung/sitze', label: t.seats },
  { id: 'local', href: '/verwaltung/lokale-allianzen', label: t.local },
  { id: 'votes', href: '/verwaltung/abstimmungen', label: t.votes },
  { id: 'meetings', href: '/verwaltung/sitzungen', label: t.meetings },
  { id: 'budget', href: '/verwaltung/budget', label: t.budget },
  { id: 'deadlines', href: '/verwaltung/fristen', label: t.deadlines },
  { id: 'access', href: '/verwaltung/zugaenge', label: t.access },
  { id: 'notices', href: '/verwaltung/benachrichtigungen', label: t.notices },
  { id: 'privacy', href: '/verwaltung/datenschutz', label: t.privacy },
] as const;

export type OfficeArea = (typeof areas)[number]['id'];

/** The office's areas, the current one marked for screen readers (aria-current) and by its look. */
export function OfficeNav({ current }: { current: OfficeArea }) {
  // The local alliances' accounts only where the profile has the local step.
  const profile = useProfile();
  const local = profile.state === 'loaded' && profile.profile.localStatements.required;
  return (
    <nav aria-label={t.label} class="page-nav office-nav">
      <ul>
        {areas
          .filter((area) => area.id !== 'local' || local)
          .map((area) => (
            <li key={area.id}>
              <a href={area.href} aria-current={area.id === current ? 'page' : undefined}>
                {area.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
