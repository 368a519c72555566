import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { oneOf } from '@samkraft/contracts/common';
import { organisationKinds, organisationStatuses, type OrganisationDetail, type OrganisationKind, type OrganisationRegisterQuery } from '@samkraft/contracts/organisations';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { useAllMunicipalities, useOrganisationRegister } from '../hooks/useOrganisations.ts';

const PAGE = 50;
type Status = OrganisationRegisterQuery['status'];

export type OrganisationRegisterProps = {
  /** Given (administrators), each row can be edited, deactivated and activated. */
  actions?: { onEdit: (o: OrganisationDetail) => void; onSetActive: (o: OrganisationDetail, active: boolean) => void; busy: boolean };
};

/** Whether MedCom messages can reach it; a municipal unit without both numbers cannot send either. */
function MessagingTag({ o }: { o: OrganisationDetail }) {
  const { t } = useTranslation('organisations');
  if (o.addressable) return <Tag tone="green">{t('messaging.yes')}</Tag>;
  return <Tag tone="yellow">{o.kind === 'municipal_unit' ? t('messaging.unitNo') : t('messaging.no')}</Tag>;
}

/** The register: filter by kind, municipality and status, search by name or number, page through. */
export function OrganisationRegister({ actions }: OrganisationRegisterProps) {
  const { t } = useTranslation('organisations');
  const municipalities = useAllMunicipalities();
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useOrganisationRegister({
    ...(kind ? { kind } : {}),
    ...(municipalityCode ? { municipalityCode } : {}),
    ...(q ? { q } : {}),
    status,
    offset,
    limit: PAGE,
  });
  const filter = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setOffset(0);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
    setOffset(0);
  };

  const columns: Column<OrganisationDetail>[] = [
    {
      key: 'name',
      header: t('list.columns.name'),
      rowHeader: true,
      render: (o) => (
        <Stack gap={2}>
          <span>{o.parent ? `${o.parent.name} – ${o.name}` : o.name}</span>
          {o.active ? null : <Tag tone="gray">{t('list.inactive')}</Tag>}
        </Stack>
      ),
    },
    { key: 'kind', header: t('list.columns.kind'), render: (o) => t(`kinds.${o.kind}`) },
    { key: 'municipality', header: t('list.columns.municipality'), render: (o) => o.municipality?.name ?? '–' },
    { key: 'sorCode', header: t('list.columns.sorCode'), nowrap: true, render: (o) => o.sorCode ?? '–' },
    { key: 'gln', header: t('list.columns.gln'), nowrap: true, render: (o) => o.gln ?? '–' },
    { key: 'messaging', header: t('list.columns.messaging'), render: (o) => <MessagingTag o={o} /> },
    ...(actions
      ? [
          {
            key: 'actions',
            header: t('list.columns.actions'),
            render: (o: OrganisationDetail) => (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => actions.onEdit(o)} aria-label={t('list.edit', { name: o.name })}>
                  {t('list.editShort')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={actions.busy}
                  onClick={() => actions.onSetActive(o, !o.active)}
                  aria-label={o.active ? t('list.deactivate', { name: o.name }) : t('list.activate', { name: o.name })}
                >
                  {o.active ? t('form.deactivate') : t('form.activate')}
                </Button>
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Section title={t('filter.title')}>
        <form onSubmit={onSearch} role="search" aria-label={t('filter.title')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <NativeSelect
              label={t('filter.kind')}
              value={kind}
              onChange={(e) => filter(setKind)(e.currentTarget.value === '' ? '' : oneOf(organisationKinds, e.currentTarget.value))}
              data={[{ value: '', label: t('filter.allKinds') }, ...organisationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
            />
            <NativeSelect
              label={t('filter.municipality')}
              value={municipalityCode}
              onChange={(e) => filter(setMunicipalityCode)(e.currentTarget.value)}
              data={[{ value: '', label: t('filter.allMunicipalities') }, ...(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))]}
            />
            <NativeSelect
              label={t('filter.status')}
              value={status}
              onChange={(e) => filter(setStatus)(oneOf(organisationStatuses, e.currentTarget.value))}
              data={organisationStatuses.map((s) => ({ value: s, label: t(`filter.statuses.${s}`) }))}
            />
            <TextInput label={t('filter.q')} description={t('filter.qHint')} maxLength={100} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">{t('filter.search')}</Button>
            {q ? (
              <Button
                variant="default"
                onClick={() => {
                  setTyped('');
                  setQ('');
                  setOffset(0);
                }}
              >
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </form>
      </Section>
      <Section title={t('list.title')}>
        <QueryState query={query}>
          {(page) => (
            <Stack gap="sm">
              <DataTable columns={columns} rows={page.items} rowKey={(o) => o.id} emptyText={t('list.empty')} stackOnNarrow />
              {page.total > 0 ? (
                <Group justify="space-between">
                  <Text size="sm" role="status">
                    {t('list.count', { from: page.offset + 1, to: page.offset + page.items.length, total: page.total })}
                  </Text>
                  <Group gap="xs">
                    <Button size="xs" variant="default" disabled={page.offset === 0} onClick={() => setOffset(Math.max(0, page.offset - PAGE))}>
                      {t('list.previous')}
                    </Button>
                    <Button size="xs" variant="default" disabled={page.offset + page.items.length >= page.total} onClick={() => setOffset(page.offset + PAGE)}>
                      {t('list.next')}
                    </Button>
                  </Group>
                </Group>
              ) : null}
            </Stack>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}
