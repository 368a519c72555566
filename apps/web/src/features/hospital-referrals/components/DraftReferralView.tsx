import { Alert, Anchor, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { formatCpr } from '@samkraft/contracts/cpr';
import type { DraftReferralDetail } from '@samkraft/contracts/hospital-referrals';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { NewReferralForm } from '../../referrals/components/NewReferralForm.tsx';
import { acceptDraftReferral } from '../api/hospitalReferralsApi.ts';
import { useDraftReferral, useInvalidateDrafts, useRejectDraft } from '../hooks/useDraftReferrals.ts';
import { prefillForm } from '../utils/prefillForm.ts';

type Row = { label: string; value: ReactNode };

/** A two-column table of what the letter says; rows without a value are left out. */
function Facts({ label, rows }: { label: string; rows: Row[] }) {
  const shown = rows.filter((r) => r.value !== null && r.value !== undefined && r.value !== '');
  return (
    <Table withTableBorder aria-label={label} maw={720}>
      <Table.Tbody>
        {shown.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Th scope="row" w="35%">
              {r.label}
            </Table.Th>
            <Table.Td>{r.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function LetterTexts({ draft }: { draft: DraftReferralDetail }) {
  const { t } = useTranslation('hospitalReferrals');
  const keys = ['clinicalReason', 'supplementary', 'cave', 'anamnesis', 'examination', 'actualMedicine'] as const;
  return (
    <>
      {keys.map((key) => {
        const text = draft.texts[key];
        return text ? (
          <Section key={key} title={t(`texts.${key}`)}>
            <Text style={{ whiteSpace: 'pre-line' }} maw={760}>
              {text}
            </Text>
          </Section>
        ) : null;
      })}
    </>
  );
}

function RejectForm({ draftId }: { draftId: string }) {
  const { t } = useTranslation('hospitalReferrals');
  const [reason, setReason] = useState('');
  const reject = useRejectDraft(draftId);
  const errors = useFieldErrors(isApiRequestError(reject.error) && reject.error.code === 'validation' ? reject.error : null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate(reason);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={640}>
        <Textarea id="reject-reason" label={t('rejectReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        {reject.isError && !(isApiRequestError(reject.error) && reject.error.code === 'validation') ? <ErrorAlert error={reject.error} /> : null}
        <Group>
          <Button type="submit" color="red.8" variant="outline" loading={reject.isPending}>
            {t('rejectSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Decision({ draft }: { draft: DraftReferralDetail }) {
  const { t } = useTranslation('hospitalReferrals');
  const { language } = useLanguage();
  const d = draft.decision;
  if (!d) return null;
  const date = formatDate(danishDateOf(d.at), language);
  const by = d.byName ?? t('someone');
  return (
    <Alert color={draft.state === 'accepted' ? 'green' : 'gray'} role="status" title={t(`states.${draft.state}`)} styles={{ title: { color: '#1a1a1a' } }}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{draft.state === 'accepted' ? t('decidedAccepted', { date, by }) : t('decidedRejected', { date, by, reason: d.reason ?? '' })}</Text>
        {d.courseId ? <Anchor href={`/forloeb/${d.courseId}`}>{t('openCourse')}</Anchor> : null}
      </Stack>
    </Alert>
  );
}

function DraftBody({ draft }: { draft: DraftReferralDetail }) {
  const { t } = useTranslation('hospitalReferrals');
  const { language } = useLanguage();
  const invalidate = useInvalidateDrafts();
  const [initial] = useState(() => prefillForm(draft.prefill, danishToday()));
  const p = draft.patient;
  const s = draft.sender;
  const dx = (d: { code: string | null; text: string }) => [d.code, d.text].filter(Boolean).join(' ');
  const senderName = [s.organisationName, s.departmentName].filter(Boolean).join(', ') || s.ean;
  return (
    <Stack gap="xl">
      <PageTitle title={t('draftTitle', { sender: senderName })} description={t('receivedAt', { date: formatDate(danishDateOf(draft.receivedAt), language) })} />
      <Decision draft={draft} />
      <Section title={t('patient')}>
        <Facts
          label={t('patient')}
          rows={[
            { label: t('fields.name'), value: [p.givenName, p.familyName].filter(Boolean).join(' ') },
            { label: t('fields.cpr'), value: p.cpr ? formatCpr(p.cpr) : null },
            { label: t('fields.otherIdentifier'), value: p.otherIdentifier },
            { label: t('fields.address'), value: [p.addressLine, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') },
            { label: t('fields.phones'), value: p.phones.map((x) => (x.kind ? `${x.number} (${x.kind})` : x.number)).join(', ') },
            { label: t('fields.email'), value: p.email },
          ]}
        />
      </Section>
      <Section title={t('letter')}>
        <Facts
          label={t('letter')}
          rows={[
            { label: t('fields.diagnosis'), value: draft.diagnosis ? dx(draft.diagnosis) : null },
            { label: t('fields.additionalDiagnoses'), value: draft.additionalDiagnoses.map(dx).join('; ') },
            { label: t('fields.priority'), value: draft.priority },
            { label: t('fields.sentAt'), value: draft.message.sentAt },
            { label: t('fields.letterId'), value: draft.message.letterId },
            { label: t('fields.envelopeId'), value: draft.message.envelopeId },
            { label: t('fields.status'), value: draft.message.statusCode },
          ]}
        />
        {draft.diagnosis ? (
          <Text size="sm" c="dimmed">
            {t('diagnosisNote')}
          </Text>
        ) : null}
      </Section>
      <Section title={t('sender')}>
        <Facts
          label={t('sender')}
          rows={[
            { label: t('fields.organisation'), value: [s.organisationName, s.departmentName, s.unitName].filter(Boolean).join(', ') },
            { label: t('fields.number'), value: s.identifier ? `${s.identifierCode ?? ''} ${s.identifier}`.trim() : null },
            { label: t('fields.ean'), value: s.ean },
            { label: t('fields.referrer'), value: [s.referrerName, s.referrerTitle].filter(Boolean).join(', ') },
            { label: t('fields.address'), value: s.address },
            { label: t('fields.phone'), value: s.phone },
          ]}
        />
      </Section>
      <LetterTexts draft={draft} />
      {draft.state === 'pending' ? (
        <>
          <Section title={t('acceptTitle')}>
            <NewReferralForm
              today={danishToday()}
              initial={initial}
              intro={t('acceptIntro')}
              submitLabel={t('acceptSubmit')}
              submitReferral={(body) => acceptDraftReferral(draft.id, body)}
              onRegistered={() => void invalidate()}
            />
          </Section>
          <Section title={t('rejectTitle')}>
            <RejectForm draftId={draft.id} />
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

/** One hospital referral: what it says, and taking it in (the intake form, prefilled) or rejecting it. */
export function DraftReferralView({ draftId }: { draftId: string }) {
  const { t } = useTranslation('hospitalReferrals');
  const query = useDraftReferral(draftId);
  return (
    <>
      <Anchor href="/sygehushenvisninger" size="sm">
        ← {t('back')}
      </Anchor>
      <QueryState query={query}>{(draft) => <DraftBody key={draft.id} draft={draft} />}</QueryState>
    </>
  );
}
