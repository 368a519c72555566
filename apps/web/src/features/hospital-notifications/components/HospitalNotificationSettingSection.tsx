import { Alert, Stack, Switch, Text } from '@mantine/core';
import type { HospitalNotificationSetting } from '@samkraft/contracts/hospital-notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useHospitalNotificationSettings, useSaveHospitalNotificationSetting } from '../hooks/useHospitalNotifications.ts';

/** Whether each member municipality acts on hospital notifications: administrators switch it (on the municipality's decision), leads see their own. */
export function HospitalNotificationSettingSection() {
  const { t } = useTranslation('hospitalNotifications');
  const { language } = useLanguage();
  const query = useHospitalNotificationSettings();
  const save = useSaveHospitalNotificationSetting();
  const [message, setMessage] = useState<string | null>(null);
  const changed = (s: HospitalNotificationSetting) => (s.changedAt ? t('setting.changed', { date: formatDate(danishDateOf(s.changedAt), language), name: s.changedByName ?? '—' }) : t('setting.never'));
  return (
    <Section title={t('setting.title')} description={t('setting.intro')}>
      <QueryState query={query}>
        {({ settings, canChange }) => (
          <Stack gap="sm">
            <Text size="sm">{t('setting.legal')}</Text>
            {settings.map((s) => (
              <Switch
                key={s.municipalityCode}
                label={t('setting.label', { municipality: s.municipalityName })}
                description={`${s.act ? t('setting.on') : t('setting.off')} · ${changed(s)}`}
                checked={s.act}
                disabled={!canChange || save.isPending}
                onChange={(e) => {
                  const act = e.currentTarget.checked;
                  setMessage(null);
                  save.mutate({ municipalityCode: s.municipalityCode, act }, { onSuccess: (saved) => setMessage(t(act ? 'setting.savedOn' : 'setting.savedOff', { municipality: saved.municipalityName })) });
                }}
              />
            ))}
            {canChange ? null : <Text size="sm">{t('setting.adminOnly')}</Text>}
            {message ? (
              <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
                {message}
              </Alert>
            ) : null}
            {save.isError ? <ErrorAlert error={save.error} /> : null}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
