import type { i18n as I18n } from 'i18next';
import type { ChartTexts } from '@samkraft/contracts/dashboard-charts';
import type { DashboardPanelId } from '@samkraft/contracts/dashboard';

/**
 * Texts of the dashboard ("overblik"); `en` has the same shape. The panels' tables and their
 * labels come from the server, in Danish, as the report's. Registered by the dashboard page when
 * it loads (`addDashboardTexts`), so the shell and its first pages do not carry them.
 */
export const da = {
  title: 'Overblik',
  intro: 'Rapportens tal som grafer. Tryk på en søjle, en linje eller et flow – eller vælg under »Vis tal for« – for at se tallene bag i tabellen. Kun samlede tal, ingen personoplysninger.',
  filters: { period: 'Periode', lastTwoYears: 'Seneste to år', year: 'Året {{year}}', suppress: 'Skjul små tal (under 5) til offentliggørelse', ownMunicipality: 'Du ser din egen kommunes tal.' },
  about: 'Periode {{period}} · {{municipalities}} · opgjort {{asOf}}',
  loadingChart: 'Indlæser graf …',
  showTable: 'Vis tabel',
  hideTable: 'Skjul tabel',
  showAllRows: 'Vis alle rækker',
  filteredTo: 'Tabellen viser kun: {{label}}.',
  drill: {
    label: {
      referrals: 'Vis tal for et halvår',
      flows: 'Vis tal for en kommune',
      indicators: 'Vis tal for et halvår',
      waiting: 'Vis tal for en indsats',
      teams: 'Vis tal for en kommune',
      balance: 'Vis tal for en kommune',
    } satisfies Record<DashboardPanelId, string>,
    all: 'Alle rækker',
    homes: 'Hjemkommuner (venstre)',
    providers: 'Udførende kommuner (højre)',
    showing: 'Tabellen viser nu: {{label}}.',
    showingAll: 'Tabellen viser nu alle rækker.',
    allCaption: 'Tabellen viser alle rækker.',
  },
  suppressedLegend: '.. = skjult af diskretionshensyn (under 5, eller skjult så en total ikke afslører et skjult tal)',
  balanceUnits: 'Enheder, ikke kroner: fremmøder leveret til andre kommuners borgere minus fremmøder modtaget. Afregningen i kroner kommer med mellemkommunal afregning.',
  unit: { sessions: 'enheder (fremmøder)', dkk: 'kr.' },
  captions: {
    referrals: 'Søjlediagram: antal henvisninger pr. halvår, stablet pr. hjemkommune.',
    flows: 'Sankey-diagram: henvisninger fra hjemkommuner (venstre) til udførende kommuner (højre); bredden er antallet.',
    indicators: 'Kombineret diagram: indikator 1 og 3 som søjler (antal), 2, 4 og 5 som linjer (andel) med målet som stiplet linje.',
    waiting: 'Søjlediagram: median og gennemsnitlig ventetid i dage fra henvisning til start pr. indsats.',
    teams: 'Søjlediagram: optagne og ledige pladser på de kørende hold samt borgere på venteliste pr. kommune.',
    balance: 'Søjlediagram: leveret, modtaget og netto pr. kommune.',
  } satisfies Record<DashboardPanelId, string>,
  chart: {
    referrals: 'Henvisninger',
    days: 'Dage',
    share: 'Andel',
    count: 'Antal',
    target: 'Mål',
    median: 'Median',
    mean: 'Gennemsnit',
    enrolled: 'Optaget',
    free: 'Ledige pladser',
    waiting: 'På venteliste',
    delivered: 'Leveret til andre kommuner',
    received: 'Modtaget fra andre kommuner',
    net: 'Netto',
    home: 'hjem',
    provider: 'udfører',
  } satisfies ChartTexts,
  empty: 'Ingen tal i perioden.',
  note: 'Bemærkning',
};

export type DashboardTexts = typeof da;

export const en: DashboardTexts = {
  title: 'Dashboard',
  intro: "The report's figures as charts. Select a bar, a line or a flow – or choose under “Show figures for” – to see the figures behind it in the table. Aggregates only, no personal data.",
  filters: { period: 'Period', lastTwoYears: 'Last two years', year: 'The year {{year}}', suppress: 'Hide small numbers (under 5) for publication', ownMunicipality: "You see your own municipality's figures." },
  about: 'Period {{period}} · {{municipalities}} · as of {{asOf}}',
  loadingChart: 'Loading chart …',
  showTable: 'Show table',
  hideTable: 'Hide table',
  showAllRows: 'Show all rows',
  filteredTo: 'The table shows only: {{label}}.',
  drill: {
    label: {
      referrals: 'Show figures for a half-year',
      flows: 'Show figures for a municipality',
      indicators: 'Show figures for a half-year',
      waiting: 'Show figures for an intervention',
      teams: 'Show figures for a municipality',
      balance: 'Show figures for a municipality',
    },
    all: 'All rows',
    homes: 'Home municipalities (left)',
    providers: 'Providing municipalities (right)',
    showing: 'The table now shows: {{label}}.',
    showingAll: 'The table now shows all rows.',
    allCaption: 'The table shows all rows.',
  },
  suppressedLegend: '.. = hidden for confidentiality (under 5, or hidden so that no total reveals a hidden number)',
  balanceUnits: 'Units, not kroner: sessions delivered to other municipalities’ citizens minus sessions received. The settlement in kroner comes with inter-municipal settlement.',
  unit: { sessions: 'units (sessions attended)', dkk: 'DKK' },
  captions: {
    referrals: 'Bar chart: referrals per half-year, stacked by home municipality.',
    flows: 'Sankey diagram: referrals from home municipalities (left) to providing municipalities (right); the width is the number.',
    indicators: 'Combined chart: indicators 1 and 3 as bars (counts), 2, 4 and 5 as lines (shares) with the target dashed.',
    waiting: 'Bar chart: median and mean days from referral to start per intervention.',
    teams: 'Bar chart: enrolled and free seats on the running teams and citizens on waiting lists per municipality.',
    balance: 'Bar chart: delivered, received and net per municipality.',
  },
  chart: {
    referrals: 'Referrals',
    days: 'Days',
    share: 'Share',
    count: 'Count',
    target: 'Target',
    median: 'Median',
    mean: 'Mean',
    enrolled: 'Enrolled',
    free: 'Free seats',
    waiting: 'Waiting list',
    delivered: 'Delivered to other municipalities',
    received: 'Received from other municipalities',
    net: 'Net',
    home: 'home',
    provider: 'provider',
  },
  empty: 'No figures in the period.',
  note: 'Note',
};

/** Adds the dashboard namespace to i18next (idempotent). */
export function addDashboardTexts(i18n: I18n): void {
  if (!i18n.hasResourceBundle('da', 'dashboard')) i18n.addResourceBundle('da', 'dashboard', da);
  if (!i18n.hasResourceBundle('en', 'dashboard')) i18n.addResourceBundle('en', 'dashboard', en);
}
