import { NativeSelect, Text } from '@mantine/core';
import type { KlFsiiiPair, KlFsiiiPairBody } from '@samkraft/contracts/kl-gateway';
import { klLegalBases, type KlCode, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';

export type KlCodeRow = { code: string; name: string; fsiii: KlFsiiiPair };
type Save = UseMutationResult<unknown, Error, KlFsiiiPairBody>;

/** The two bases' selects of one row; a change saves at once (both bases, as the server takes them). */
function RowCodes({ row, basis, options, useSave }: { row: KlCodeRow; basis: KlLegalBasis; options: (basis: KlLegalBasis) => readonly KlCode[]; useSave: (code: string) => Save }) {
  const { t } = useTranslation('klGateway');
  const save = useSave(row.code);
  const errors = useFieldErrors(save.error);
  return (
    <NativeSelect
      size="xs"
      aria-label={t('codes.choose', { basis: t(`bases.${basis}`), name: row.name })}
      value={row.fsiii[basis] ?? ''}
      data={[{ value: '', label: t('codes.none') }, ...options(basis).map((c) => ({ value: c.code, label: c.display }))]}
      onChange={(e) => save.mutate({ ...row.fsiii, [basis]: e.currentTarget.value || null })}
      error={errors[basis]}
      disabled={save.isPending}
    />
  );
}

export type KlCodeTableProps = {
  rows: readonly KlCodeRow[];
  nameHeader: string;
  options: (basis: KlLegalBasis) => readonly KlCode[];
  useSave: (code: string) => Save;
  canEdit: boolean;
};

/** Samkraft's codes with their FSIII code per legal basis: selects for administrators, the names for others. */
export function KlCodeTable({ rows, nameHeader, options, useSave, canEdit }: KlCodeTableProps) {
  const { t } = useTranslation('klGateway');
  const display = (basis: KlLegalBasis, code: string | null) => (code === null ? t('codes.none') : (options(basis).find((c) => c.code === code)?.display ?? code));
  const columns: Column<KlCodeRow>[] = [
    { key: 'name', header: nameHeader, rowHeader: true, render: (r) => r.name },
    ...klLegalBases.map(
      (basis): Column<KlCodeRow> => ({
        key: basis,
        header: t(`bases.${basis}`),
        render: (r) => (canEdit ? <RowCodes row={r} basis={basis} options={options} useSave={useSave} /> : <Text size="sm">{display(basis, r.fsiii[basis])}</Text>),
      }),
    ),
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => r.code} emptyText="—" stackOnNarrow />;
}
