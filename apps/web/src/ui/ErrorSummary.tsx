import { Alert, Anchor, List } from '@mantine/core';
import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorSummaryItems } from './utils/errorSummary.ts';

export type ErrorSummaryProps = {
  /** The server's field errors by field path, as `useFieldErrors` gives them. */
  errors: Record<string, string>;
  /** The prefix of the form's field ids (`fieldElementId(formId, field)` on each field). */
  formId: string;
  /** The field's label as the form shows it; the path when it has none. */
  label: (field: string) => string | undefined;
  /** The form's fields top to bottom, so the list reads in the form's order. */
  order?: readonly string[];
  /** Changes with each refused submit (the mutation's error): the summary then takes focus. */
  focusKey: unknown;
};

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** The field itself, or its first control when the id is on a group (radios, checkboxes). */
function focusField(id: string): boolean {
  const element = document.getElementById(id);
  const target = element?.matches(FOCUSABLE) ? element : element?.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * "Der er fejl i formularen": every refused field as a link that moves focus to it, focused
 * itself when a submit is refused, so a keyboard or screen reader user hears what to fix — the
 * Danish design system's error summary (designsystem.dk, "Fejlopsummering").
 */
export function ErrorSummary({ errors, formId, label, order, focusKey }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const items = errorSummaryItems(errors, formId, label, order);
  const shown = items.length > 0;
  useEffect(() => {
    if (focusKey && shown) ref.current?.focus();
  }, [focusKey, shown]);
  if (!shown) return null;
  const onClick = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (focusField(id)) e.preventDefault();
  };
  return (
    <Alert ref={ref} tabIndex={-1} role="alert" color="red" variant="light" title={t('errorSummary.title')} styles={{ title: { color: '#1a1a1a' } }} data-testid="error-summary">
      <List size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item.field}>
            <Anchor href={`#${item.id}`} onClick={(e) => onClick(e, item.id)} c="#1a1a1a" underline="always">
              {`${item.label}: ${item.message}`}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
