import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage.ts';
import { fieldErrorText } from './utils/fieldErrorText.ts';
import { formatDecimal, parseDecimal } from './utils/parseDecimal.ts';

/**
 * A number field's value: a number, `''` when empty, or `NaN` when what is typed is refused (the
 * field says why). A form sends no `NaN`; if one slipped through, JSON makes it `null` and the
 * server refuses it naming the field.
 */
export type DecimalValue = number | '';

export type DecimalInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'defaultValue'> & {
  value: number | string;
  onChange: (value: DecimalValue) => void;
  min?: number;
  max?: number;
  /** Decimals allowed; 0 (the default) is a whole number. */
  decimals?: number;
};

/**
 * The one number field of the web app: "78,5" and "78.5" are both 78.5; a value out of range,
 * with too many decimals or not a number is refused beside the field (in the server's words),
 * never clamped to the range or stripped of its comma. Not `<input type="number">`, whose
 * reading of a comma depends on the browser's locale.
 */
export function DecimalInput({ value, onChange, min, max, decimals = 0, error, onBlur, ...rest }: DecimalInputProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rule = { decimals, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  const shown = (v: number | string) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : formatDecimal(v, language)) : v);
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  const [prevValue, setPrevValue] = useState(value);
  const parsed = parseDecimal(text, rule);
  // A value set from outside (a reset after saving, a prefill) replaces the text; the value this
  // field itself just reported does not.
  if (!Object.is(value, prevValue)) {
    setPrevValue(value);
    const own = parsed.ok ? (parsed.value ?? '') : Number.NaN;
    if (!Object.is(value, own) && !(typeof value === 'number' && Number.isNaN(value))) {
      setText(shown(value));
      setLeft(false);
    }
  }
  const issue = parsed.ok ? undefined : fieldErrorText(parsed.issue, t);
  // Shown once the field is left (not while "78," is on its way to "78,5"), or when its form is
  // submitted: the refusal is the input's own validity, so the browser does not submit the form.
  // In a form that leaves validation to the server, the server's word on a refused text (sent as
  // null: "required") gives way to the reason here.
  const localError = left || error ? issue : undefined;
  return (
    <TextInput
      {...rest}
      ref={(el) => el?.setCustomValidity(issue ?? '')}
      onInvalid={(e) => {
        // Our own refusal is shown beside the field; the browser's bubble is left for "required".
        if (!issue) return;
        e.preventDefault();
        setLeft(true);
      }}
      inputMode={decimals > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={text}
      error={localError ?? error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const p = parseDecimal(next, rule);
        onChange(p.ok ? (p.value ?? '') : Number.NaN);
      }}
      onBlur={(e) => {
        setLeft(true);
        onBlur?.(e);
      }}
    />
  );
}
