import { Alert, Box, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import type { CitizenSearchResult } from '@samkraft/contracts/citizens';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCitizenSearch } from '../hooks/useCitizenSearch.ts';

function ResultLinks({ item }: { item: CitizenSearchResult }) {
  const { t } = useTranslation('citizenSearch');
  const { language } = useLanguage();
  if (item.scope === 'provider') {
    return (
      <List size="sm">
        {item.incomingReferrals.map((x) => (
          <List.Item key={x.id}>
            <RouterAnchor to="/indbakke/$crossReferralId" params={{ crossReferralId: x.id }}>
              {t('incomingReferral', { municipality: x.homeMunicipality.name, date: formatDate(x.receivedOn, language) })}
            </RouterAnchor>
          </List.Item>
        ))}
      </List>
    );
  }
  if (item.courses.length === 0) return <Text size="sm">{t('noCourses')}</Text>;
  return (
    <List size="sm">
      {item.courses.map((k) => (
        <List.Item key={k.courseId}>
          <RouterAnchor to="/forloeb/$courseId" params={{ courseId: k.courseId }}>
            {t('courseReceived', { date: formatDate(k.receivedOn, language) })}
          </RouterAnchor>{' '}
          <Text span size="sm" c="dimmed">
            ({k.closedOn ? t('closed', { date: formatDate(k.closedOn, language) }) : t('open')})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Search for a citizen by CPR number or name; the query is kept in the page, never in the URL. */
export function CitizenSearch() {
  const { t } = useTranslation('citizenSearch');
  const [query, setQuery] = useState('');
  const search = useCitizenSearch();
  const errors = useFieldErrors(search.error);
  const data = search.data;
  return (
    <Box mb="xl">
      <Section title={t('title')}>
        <Stack gap="sm">
          <form
            role="search"
            aria-label={t('title')}
            onSubmit={(e) => {
              e.preventDefault();
              search.mutate(query);
            }}
          >
            <Group align="start" gap="sm">
              <TextInput
                label={t('label')}
                description={t('description')}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                error={errors.query}
                autoComplete="off"
                style={{ flex: '1 1 18rem', maxWidth: '32rem' }}
              />
              <Button type="submit" loading={search.isPending} mt={46}>
                {t('submit')}
              </Button>
            </Group>
          </form>
          {data && (
            <Stack gap="xs" aria-live="polite">
              <Text size="sm" c="dimmed">
                {data.items.length === 0 ? t('none') : t('found', { count: data.items.length })}
              </Text>
              {data.truncated && <Alert color="yellow">{t('truncated', { shown: data.items.length })}</Alert>}
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.items.map((item) => (
                  <li key={item.citizen.id} data-testid="citizen-search-result">
                    <Text fw={600}>
                      {item.citizen.name}{' '}
                      <Text span c="dimmed" fw={400}>
                        {item.citizen.identifier}
                      </Text>
                    </Text>
                    <ResultLinks item={item} />
                  </li>
                ))}
              </Stack>
            </Stack>
          )}
        </Stack>
      </Section>
    </Box>
  );
}
