import { formatDate } from '../format.ts';

export interface ProvenanceFacts {
  recordedBy: string;
  recordedByRole: string;
  organisation: { name: string };
  recordedAt: string;
}

/** Who recorded an entry, where and when, and the agency whose record holds it. */
export function Provenance(props: { provenance: ProvenanceFacts; agency: string | undefined }) {
  const { provenance } = props;
  return (
    <p className="app-provenance">
      Recorded by {provenance.recordedBy} ({provenance.recordedByRole}), {provenance.organisation.name}, on{' '}
      <time dateTime={provenance.recordedAt}>{formatDate(provenance.recordedAt)}</time>
      {props.agency ? <>. Held by {props.agency}.</> : '.'}
    </p>
  );
}
