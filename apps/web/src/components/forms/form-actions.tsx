import { Button, type ButtonVariant } from '@wt/ui';

/**
 * The buttons at the foot of a dialog's form, right-aligned: a quiet way out, then the submit button,
 * off and saying `busyLabel` while the form is busy.
 */
export function FormActions({
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
  busyLabel,
  busy,
  variant,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** The submit button's look (`danger` for what cannot be undone). */
  variant?: ButtonVariant;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button variant="ghost" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" variant={variant} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </Button>
    </div>
  );
}
