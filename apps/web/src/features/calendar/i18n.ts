/** Texts of the closing-day page ("lukkedage"); `en` has the same shape. */
export const da = {
  title: 'Lukkedage',
  intro: 'Dage ud over helligdagene, hvor kommunen holder lukket. Frister i hverdage tæller ikke lukkedage med — i den kommune, der skal handle.',
  listTitle: 'Lukkedage for {{name}}',
  empty: 'Ingen lukkedage.',
  columns: { when: 'Dato', label: 'Betegnelse', set: 'Gælder for', actions: 'Handlinger' },
  everyYear: '{{date}} hvert år',
  sets: { default: 'Fælles standard (alle kommuner)', own: 'Kun {{name}}' },
  delete: 'Slet {{label}}',
  formTitle: 'Tilføj lukkedag',
  target: 'Gælder for',
  type: 'Slags',
  types: { once: 'Én dato', yearly: 'Hvert år' },
  date: 'Dato',
  month: 'Måned',
  day: 'Dag',
  label: 'Betegnelse',
  submit: 'Tilføj lukkedag',
  readOnly: 'Kun kommunens ledere og administratorer kan ændre lukkedage.',
};

export type CalendarTexts = typeof da;

export const en: CalendarTexts = {
  title: 'Closing days',
  intro: 'Days besides the public holidays when the municipality is closed. Working-day deadlines skip them — in the municipality that must act.',
  listTitle: 'Closing days for {{name}}',
  empty: 'No closing days.',
  columns: { when: 'Date', label: 'Name', set: 'Applies to', actions: 'Actions' },
  everyYear: '{{date}} every year',
  sets: { default: 'Shared default (all municipalities)', own: '{{name}} only' },
  delete: 'Delete {{label}}',
  formTitle: 'Add a closing day',
  target: 'Applies to',
  type: 'Kind',
  types: { once: 'One date', yearly: 'Every year' },
  date: 'Date',
  month: 'Month',
  day: 'Day',
  label: 'Name',
  submit: 'Add closing day',
  readOnly: "Only the municipality's leads and administrators can change closing days.",
};
