import { Table, Text } from '@mantine/core';
import type { InterventionListItem } from '@samkraft/contracts/catalogue';
import type { Municipality } from '@samkraft/contracts/reference';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { useRouting } from '../hooks/useOfferings.ts';
import { routingMatrix } from '../utils/routingMatrix.ts';

export type RoutingMatrixProps = { interventions: readonly InterventionListItem[]; municipalities: readonly Municipality[] };

/** Home municipality × intervention → provider, inferred routes marked "udledt" for everyone. */
export function RoutingMatrix({ interventions, municipalities }: RoutingMatrixProps) {
  const { t } = useTranslation('catalogue');
  const { language } = useLanguage();
  const routing = useRouting();
  return (
    <Section title={t('routingTitle')} description={t('routingIntro')}>
      <QueryState query={routing}>
        {(entries) => {
          const matrix = routingMatrix(entries);
          const routed = interventions.filter((i) => entries.some((e) => e.interventionCode === i.code));
          const homes = municipalities.filter((m) => m.isMember && matrix.has(m.code)).sort((a, b) => a.name.localeCompare(b.name, 'da'));
          return (
            // A keyboard-focusable scroll box (axe: scrollable-region-focusable), as the matrix is wider than a tablet.
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={t('routingTitle')}>
              <Table miw={900} withTableBorder withColumnBorders striped fz="sm" aria-label={t('routingTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('homeMunicipality')}</Table.Th>
                    {routed.map((i) => (
                      <Table.Th scope="col" key={i.code}>
                        {language === 'en' ? i.nameEn : i.nameDa}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {homes.map((m) => (
                    <Table.Tr key={m.code}>
                      <Table.Th scope="row">{m.name}</Table.Th>
                      {routed.map((i) => {
                        const hosts = matrix.get(m.code)?.get(i.code)?.hosts ?? [];
                        return (
                          <Table.Td key={i.code}>
                            {hosts.length === 0 ? t('none') : null}
                            {hosts.map((h) => (
                              <Text key={h.name} component="span" display="block" size="sm" title={h.note ?? undefined}>
                                {h.name} {h.inferred ? <Tag tone="yellow">{t('inferred')}</Tag> : null}
                              </Text>
                            ))}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}
