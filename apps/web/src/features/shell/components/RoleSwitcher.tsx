import { NativeSelect, Text } from '@mantine/core';
import { role as roleSchema } from '@samkraft/contracts/common';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../../auth/hooks/useActiveRole.ts';

/** A select when the user has several roles; otherwise just the role's name. */
export function RoleSwitcher() {
  const { t } = useTranslation();
  const { role, roles, setRole } = useActiveRole();
  if (roles.length < 2) return role ? <Text size="sm">{t(`roles.${role}`)}</Text> : null;
  return (
    <NativeSelect
      size="xs"
      label={t('shell.role')}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 6 }, label: { marginBottom: 0 } }}
      value={role ?? ''}
      onChange={(e) => {
        const parsed = roleSchema.safeParse(e.currentTarget.value);
        if (parsed.success) setRole(parsed.data);
      }}
      data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
    />
  );
}
