import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { isOneOf, professions } from '@samkraft/contracts/common';
import { useTranslation } from 'react-i18next';
import type { DoseRowState } from '../utils/interventionForm.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';

export type DoseEditorProps = {
  rows: readonly DoseRowState[];
  onChange: (rows: DoseRowState[]) => void;
  onAdd: () => void;
  /** Server field errors by field name (`dose[1].sessions`). */
  errors: Record<string, string>;
};

const num = (v: string | number): number | '' => (v === '' ? '' : Number(v));

/** The dose as parts: each with its profession, number of sessions (or "up to"), rate per week and minutes. */
export function DoseEditor({ rows, onChange, onAdd, errors }: DoseEditorProps) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const update = (i: number, patch: Partial<DoseRowState>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Fieldset legend={t('editor.dose')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('editor.doseHint')}
        </Text>
        {rows.length === 0 ? <Text size="sm">{t('editor.noDose')}</Text> : null}
        {rows.map((r, i) => {
          const n = i + 1;
          const e = (field: string) => errors[`dose[${i}].${field}`];
          return (
            // A group per part, named "Del 2", so a screen reader knows which part's "Gange" it is in.
            <Fieldset key={i} legend={t('editor.doseRow', { n })} variant="unstyled">
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput w={140} label={t('editor.part')} value={r.part} onChange={(ev) => update(i, { part: ev.currentTarget.value })} error={e('part')} required />
                <NativeSelect
                  w={200}
                  label={t('editor.profession')}
                  value={r.profession}
                  onChange={(ev) => {
                    const value = ev.currentTarget.value;
                    update(i, { profession: isOneOf(professions, value) ? value : '' });
                  }}
                  data={[{ value: '', label: t('editor.noProfession') }, ...professions.map((p) => ({ value: p, label: tc(`professions.${p}`) }))]}
                  error={e('profession')}
                />
                <DecimalInput w={100} label={t('editor.sessions')} min={1} value={r.sessions} onChange={(x) => update(i, { sessions: num(x) })} error={e('sessions')} required />
                <DecimalInput w={100} label={t('editor.perWeek')} min={0.5} decimals={1} value={r.perWeek} onChange={(x) => update(i, { perWeek: num(x) })} error={e('perWeek')} />
                <DecimalInput w={110} label={t('editor.minutes')} min={1} value={r.minutes} onChange={(x) => update(i, { minutes: num(x) })} error={e('minutes')} required />
                <Checkbox mt={32} label={t('editor.upTo')} checked={r.upTo} onChange={(ev) => update(i, { upTo: ev.currentTarget.checked })} />
                <Button mt={24} variant="subtle" color="red" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  {t('editor.removePart', { n })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="light" onClick={onAdd}>
            {t('editor.addPart')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
