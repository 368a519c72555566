import { Alert, Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CareCommunicationCategory } from '@samkraft/contracts/carecommunication-categories';
import type { CorrespondenceActivity, CourseMessage, MessageRecipients } from '@samkraft/contracts/messaging';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useWriteMessage } from '../hooks/useMessaging.ts';
import { categoryLabel, categoryOptions, organisationLabel } from '../utils/messageText.ts';

export type WriteMessageFormProps = {
  courseId: string;
  activity: CorrespondenceActivity;
  /** The message replied to or forwarded. */
  previous: CourseMessage | null;
  recipients: MessageRecipients;
  onDone: (sent: boolean) => void;
};

/** The receivers a new message or a forward can go to: the citizen's GP, then the hospital departments; those without SOR and EAN shown but not chosen. */
function receiverOptions(recipients: MessageRecipients, t: ReturnType<typeof useTranslation<'messaging'>>['t']) {
  const option = (r: MessageRecipients['departments'][number]) => ({
    value: r.organisationId,
    label: r.addressable ? organisationLabel(r) : t('form.notAddressable', { name: organisationLabel(r) }),
    disabled: !r.addressable,
  });
  return [
    { value: '', label: t('form.chooseReceiver') },
    ...(recipients.gp ? [{ group: t('form.gpGroup'), items: [option(recipients.gp)] }] : []),
    ...(recipients.departments.length > 0 ? [{ group: t('form.departmentGroup'), items: recipients.departments.map(option) }] : []),
  ];
}

/** A new message, a reply or a forward, written from the course and sent as a MedCom CareCommunication. */
export function WriteMessageForm({ courseId, activity, previous, recipients, onDone }: WriteMessageFormProps) {
  const { t } = useTranslation('messaging');
  const { language } = useLanguage();
  const mutation = useWriteMessage(courseId);
  const errors = useFieldErrors(mutation.error);
  const gpReady = recipients.gp?.addressable ? recipients.gp.organisationId : '';
  const [receiver, setReceiver] = useState(activity === 'new' ? gpReady : '');
  const [category, setCategory] = useState<CareCommunicationCategory | ''>('');
  const [topic, setTopic] = useState('');
  const [text, setText] = useState('');
  const title =
    activity === 'reply' ? t('form.replyTitle', { name: previous?.counterpartName ?? t('unknownCounterpart') }) : activity === 'forward' ? t('form.forwardTitle') : t('form.newTitle');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { activity, previousMessageId: previous?.id ?? null, receiverOrganisationId: activity === 'reply' ? null : receiver || null, category: category || null, topic: topic.trim() || null, text },
      { onSuccess: () => onDone(true) },
    );
  };
  const keep = previous ? `${t('form.keepCategory')} (${categoryLabel(previous.category, language) ?? ''})` : t('form.chooseCategory');
  return (
    <Fieldset legend={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          {activity === 'reply' ? <Text size="sm">{t('form.replyIncludes')}</Text> : null}
          {activity === 'forward' ? <Text size="sm">{t('form.forwardIncludes')}</Text> : null}
          {activity !== 'reply' ? (
            <>
              {activity === 'new' && !recipients.gp ? <Text size="sm">{t('form.noGp')}</Text> : null}
              {activity === 'new' && recipients.gp && !recipients.gp.addressable ? <Text size="sm">{t('form.gpNotAddressable', { name: recipients.gp.name })}</Text> : null}
              <NativeSelect label={t('form.receiver')} value={receiver} onChange={(e) => setReceiver(e.currentTarget.value)} data={receiverOptions(recipients, t)} error={errors.receiverOrganisationId} withAsterisk />
            </>
          ) : errors.receiverOrganisationId || errors.previousMessageId ? (
            <Text size="sm" c="red.8">
              {errors.receiverOrganisationId ?? errors.previousMessageId}
            </Text>
          ) : null}
          <NativeSelect
            label={t('form.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as CareCommunicationCategory | '')}
            data={[{ value: '', label: keep }, ...categoryOptions(language)]}
            error={errors.category}
            withAsterisk={!previous}
          />
          <TextInput label={t('form.topic')} description={t('form.topicHint')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} maxLength={200} />
          <Textarea label={t('form.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} autosize minRows={5} maxRows={20} withAsterisk />
          {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
          {errors.body ? (
            <Alert color="red" variant="light" role="alert" p="xs" styles={{ message: { color: '#1a1a1a' } }}>
              {errors.body}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('form.send')}
            </Button>
            <Button variant="default" onClick={() => onDone(false)}>
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Fieldset>
  );
}
