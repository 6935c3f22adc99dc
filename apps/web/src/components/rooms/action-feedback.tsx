import { cx } from '@wt/ui';
import type { ActionFeedback } from './use-action-feedback';

/** The outcome of a room action, in a line: refusals announced at once, the rest politely. */
export function ActionFeedbackLine({
  feedback,
  className,
}: {
  feedback: ActionFeedback | null;
  className?: string;
}) {
  return (
    <p
      role={feedback && !feedback.ok ? 'alert' : 'status'}
      className={cx(
        'text-sm leading-6 empty:hidden',
        feedback?.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300',
        className,
      )}
    >
      {feedback?.message}
    </p>
  );
}
