import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { Offering, RoutingEntry } from '@samkraft/contracts/catalogue';
import type { Municipality } from '@samkraft/contracts/reference';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useAddRoute, useConfirmRoute, useEndRoute, useRoutingHistory } from '../hooks/useInterventionEditing.ts';
import { useOfferings } from '../hooks/useOfferings.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { routesFor, routeState } from '../utils/routeHistory.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';

export type RoutingEditorProps = { interventionCode: string; municipalities: readonly Municipality[]; canEdit: boolean };

/** The intervention's routes per home municipality, ended ones kept; administrators end, add and confirm. */
export function RoutingEditor({ interventionCode, municipalities, canEdit }: RoutingEditorProps) {
  const { t } = useTranslation('catalogue');
  const { language } = useLanguage();
  const history = useRoutingHistory(interventionCode);
  const offerings = useOfferings(interventionCode);
  const confirm = useConfirmRoute();
  const [home, setHome] = useState('');
  const [ending, setEnding] = useState<RoutingEntry | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = danishToday();
  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  const members = municipalities.filter((m) => m.isMember).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const columns: Column<RoutingEntry>[] = [
    { key: 'home', header: t('routes.home'), rowHeader: true, render: (r) => nameOf(r.homeMunicipalityCode) },
    { key: 'provider', header: t('routes.provider'), render: (r) => r.host.name },
    {
      key: 'validity',
      header: t('routes.validity'),
      nowrap: true,
      render: (r) => (
        <>
          {t('validity', { from: formatDate(r.validFrom, language), to: r.validTo ? formatDate(r.validTo, language) : t('open') })}{' '}
          {routeState(r, today) === 'ended' ? <Tag tone="gray">{t('routes.ended')}</Tag> : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('routes.status'),
      render: (r) =>
        r.inferred ? <Tag tone="yellow">{t('inferred')}</Tag> : r.reviewedAt ? t('routes.reviewed', { date: formatDate(danishDateOf(r.reviewedAt), language) }) : t('routes.fromSource'),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: t('routes.actions'),
            render: (r: RoutingEntry) => {
              const label = { home: nameOf(r.homeMunicipalityCode), host: r.host.name };
              return (
                <Group gap="xs" wrap="nowrap">
                  {routeState(r, today) !== 'ended' ? (
                    <Button size="xs" variant="light" aria-label={t('routes.endLabel', label)} onClick={() => { setDone(null); setEnding(r); }}>
                      {t('routes.end')}
                    </Button>
                  ) : null}
                  {r.inferred ? (
                    <Button size="xs" variant="default" aria-label={t('routes.confirmLabel', label)} loading={confirm.isPending && confirm.variables === r.id} onClick={() => confirm.mutate(r.id, { onSuccess: () => setDone(t('routes.confirmed')) })}>
                      {t('routes.confirm')}
                    </Button>
                  ) : null}
                </Group>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Section title={t('routes.title')} description={t('routes.intro')}>
      <Stack gap="md">
        <NativeSelect
          label={t('routes.filter')}
          value={home}
          onChange={(e) => setHome(e.currentTarget.value)}
          data={[{ value: '', label: t('routes.allHomes') }, ...members.map((m) => ({ value: m.code, label: m.name }))]}
          w={{ base: '100%', sm: 280 }}
        />
        <QueryState query={history}>
          {(routes) => <DataTable columns={columns} rows={routesFor(routes, home || null, nameOf)} rowKey={(r) => r.id} emptyText={t('routes.empty')} />}
        </QueryState>
        {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
        {done ? <Alert color="green" role="status">{done}</Alert> : null}
        {canEdit && ending ? (
          <EndRouteForm key={ending.id} route={ending} homeName={nameOf(ending.homeMunicipalityCode)} onDone={() => { setEnding(null); setDone(t('routes.endedDone')); }} onCancel={() => setEnding(null)} />
        ) : null}
        {canEdit ? (
          <QueryState query={offerings}>
            {(rows) => <AddRouteForm key={home} interventionCode={interventionCode} members={members} offerings={rows} defaultHome={home} onDone={() => setDone(t('routes.added'))} />}
          </QueryState>
        ) : null}
      </Stack>
    </Section>
  );
}

function EndRouteForm({ route, homeName, onDone, onCancel }: { route: RoutingEntry; homeName: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('catalogue');
  const end = useEndRoute();
  const errors = useFieldErrors(end.error);
  const headingId = useId();
  const [validTo, setValidTo] = useState(route.validTo ?? danishToday());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    end.mutate({ id: route.id, body: { validTo } }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
        <Title order={3} size="h4" id={headingId} mb="sm">
          {t('routes.endLabel', { home: homeName, host: route.host.name })}
        </Title>
        <TextInput type="date" label={t('routes.endDate')} value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={errors.validTo} required w={{ base: '100%', sm: 220 }} />
        {end.error && Object.keys(errors).length === 0 ? <ErrorAlert error={end.error} /> : null}
        <Group mt="md">
          <Button type="submit" loading={end.isPending}>
            {t('routes.endSave')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

type AddRouteFormProps = { interventionCode: string; members: readonly Municipality[]; offerings: readonly Offering[]; defaultHome: string; onDone: () => void };

function AddRouteForm({ interventionCode, members, offerings, defaultHome, onDone }: AddRouteFormProps) {
  const { t } = useTranslation('catalogue');
  const add = useAddRoute();
  const errors = useFieldErrors(add.error);
  const headingId = useId();
  const [v, setV] = useState({ homeMunicipalityCode: defaultHome, offeringId: '', validFrom: '', validTo: '', inferred: false, note: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        interventionCode,
        homeMunicipalityCode: v.homeMunicipalityCode,
        offeringId: v.offeringId,
        validFrom: v.validFrom,
        validTo: v.validTo === '' ? null : v.validTo,
        inferred: v.inferred,
        note: v.note.trim() === '' ? null : v.note.trim(),
      },
      { onSuccess: () => { setV({ ...v, offeringId: '', validFrom: '', validTo: '', note: '' }); onDone(); } },
    );
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
        <Title order={3} size="h4" id={headingId} mb="sm">
          {t('routes.addTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('routes.home')}
            value={v.homeMunicipalityCode}
            onChange={(e) => setV({ ...v, homeMunicipalityCode: e.currentTarget.value })}
            data={[{ value: '', label: t('routes.chooseHome') }, ...members.map((m) => ({ value: m.code, label: m.name }))]}
            error={errors.homeMunicipalityCode}
            required
          />
          <NativeSelect
            label={t('routes.offering')}
            value={v.offeringId}
            onChange={(e) => setV({ ...v, offeringId: e.currentTarget.value })}
            data={[{ value: '', label: t('routes.chooseOffering') }, ...offerings.map((o) => ({ value: o.id, label: `${o.host.name} – ${o.placeName}` }))]}
            error={errors.offeringId}
            required
          />
          <TextInput type="date" label={t('routes.validFrom')} value={v.validFrom} onChange={(e) => setV({ ...v, validFrom: e.currentTarget.value })} error={errors.validFrom} required />
          <TextInput type="date" label={t('routes.validTo')} value={v.validTo} onChange={(e) => setV({ ...v, validTo: e.currentTarget.value })} error={errors.validTo} />
          <TextInput label={t('routes.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
          <Checkbox mt={{ base: 0, sm: 30 }} label={t('routes.inferred')} checked={v.inferred} onChange={(e) => setV({ ...v, inferred: e.currentTarget.checked })} />
        </SimpleGrid>
        {add.error && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
        <Group mt="md">
          <Button type="submit" loading={add.isPending}>
            {t('routes.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
