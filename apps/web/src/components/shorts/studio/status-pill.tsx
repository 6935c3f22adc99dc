import { Pill, type PillProps } from '@wt/ui';
import type { StatusLabel } from '@/studio/status-labels';

/** A status in its colour: "Draft", "Processing…", "Published", "Failed: <reason>". */
export function StatusPill({
  status,
  ...props
}: Omit<PillProps, 'tone' | 'children'> & { status: StatusLabel }) {
  return (
    <Pill tone={status.tone} {...props}>
      {status.label}
    </Pill>
  );
}
