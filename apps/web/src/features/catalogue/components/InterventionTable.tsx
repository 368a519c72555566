import { Text } from '@mantine/core';
import type { InterventionListItem } from '@samkraft/contracts/catalogue';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDose } from '../utils/formatDose.ts';

export type InterventionTableProps = { items: readonly InterventionListItem[]; emptyText: string };

export function InterventionTable({ items, emptyText }: InterventionTableProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('catalogue');
  const { language } = useLanguage();
  const columns: Column<InterventionListItem>[] = [
    { key: 'name', header: t('catalogue.name'), rowHeader: true, render: (i) => (
        <>
          <RouterAnchor to="/katalog/$code" params={{ code: i.code }}>
            {language === 'da' ? i.nameDa : i.nameEn}
          </RouterAnchor>
          {i.active ? null : <> <Tag tone="gray">{tc('retired')}</Tag></>}
        </>
      ),
    },
    { key: 'form', header: t('catalogue.form'), render: (i) => t(`interventionForm.${i.form}`) },
    {
      key: 'dose',
      header: t('catalogue.dose'),
      render: (i) =>
        formatDose(i.dose, language).map((line) => (
          <Text key={line} component="span" display="block" size="sm">
            {line}
          </Text>
        )),
    },
    {
      key: 'target',
      header: t('catalogue.target'),
      // The target text exists in Danish only; mark it so screen readers pronounce it right.
      render: (i) => (i.targetTextDa ? <span lang="da">{i.targetTextDa}</span> : t('catalogue.noTarget')),
    },
    {
      key: 'hosts',
      header: t('catalogue.hosts'),
      render: (i) => (i.hosts.length > 0 ? i.hosts
              .map((h) => h.name)
              .sort((a, b) => a.localeCompare(b, 'da'))
              .join(', ') : t('catalogue.noHosts')),
    },
  ];
  return <DataTable columns={columns} rows={items} rowKey={(i) => i.code} emptyText={emptyText} label={t('catalogue.tableLabel')} />;
}
