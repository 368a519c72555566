import type { GpClinicInput } from '@samkraft/contracts/organisations';

/** The GP part of a form as typed: a known clinic chosen, a new one written, or not known. */
export type GpForm = {
  mode: 'none' | 'known' | 'new';
  organisationId: string;
  name: string;
  ydernummer: string;
  sorCode: string;
  address: string;
  phone: string;
};

export const emptyGpForm = (): GpForm => ({ mode: 'none', organisationId: '', name: '', ydernummer: '', sorCode: '', address: '', phone: '' });

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The body's `gp`: undefined when not known; the server names whatever is missing or malformed. */
export function toGpInput(f: GpForm): GpClinicInput | undefined {
  switch (f.mode) {
    case 'none':
      return undefined;
    case 'known':
      return { organisationId: opt(f.organisationId) };
    case 'new':
      return { name: opt(f.name), ydernummer: opt(f.ydernummer), sorCode: opt(f.sorCode), address: opt(f.address), phone: opt(f.phone) };
  }
}

/** How a clinic reads in the picker and on the page: the name with its numbers, so typing either finds it. */
export function gpClinicLabel(c: { name: string; ydernummer: string | null; sorCode: string | null }): string {
  return [c.name, c.ydernummer ? `ydernr. ${c.ydernummer}` : null, c.sorCode ? `SOR ${c.sorCode}` : null].filter(Boolean).join(' · ');
}
