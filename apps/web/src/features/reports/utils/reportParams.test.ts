import { describe, expect, it } from 'vitest';
import { reportRequest } from '@samkraft/contracts/reports';
import { comparePeriodOf, fieldError, formatCell, periodOf, reportRequestOf, type ReportChoices } from './reportParams.ts';

const base: ReportChoices = { kind: 'year', year: 2017, half: 1, from: '', to: '', compare: false, compareFrom: '', compareTo: '', municipalities: [], suppress: false };

describe('report choices', () => {
  it('turns a year, a half-year and a custom period into dates', () => {
    expect(periodOf(base)).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(periodOf({ ...base, kind: 'half', half: 2 })).toEqual({ from: '2017-07-01', to: '2017-12-31' });
    expect(periodOf({ ...base, kind: 'custom', from: '2017-02-01', to: '2017-03-15' })).toEqual({ from: '2017-02-01', to: '2017-03-15' });
  });

  it('compares with the period before', () => {
    expect(comparePeriodOf({ ...base, compare: true })).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(comparePeriodOf({ ...base, kind: 'half', half: 1, compare: true })).toEqual({ from: '2016-07-01', to: '2016-12-31' });
    expect(comparePeriodOf({ ...base, kind: 'half', half: 2, compare: true })).toEqual({ from: '2017-01-01', to: '2017-06-30' });
    expect(comparePeriodOf(base)).toBeNull();
  });

  it('builds the request, municipalities sorted, suppression only when on', () => {
    expect(reportRequestOf({ ...base, compare: true, municipalities: ['0159', '0151'], suppress: true })).toEqual({
      from: '2017-01-01',
      to: '2017-12-31',
      compareFrom: '2016-01-01',
      compareTo: '2016-12-31',
      municipalities: ['0151', '0159'],
      suppress: true,
    });
    expect(reportRequestOf(base)).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(reportRequest.safeParse(reportRequestOf({ ...base, compare: true, municipalities: ['0159'] })).success).toBe(true);
  });

  it('formats cells in Danish, with .. for a hidden cell', () => {
    expect(formatCell(1234, 'count', false, 'da')).toBe('1.234');
    expect(formatCell(0.8696, 'share', false, 'da')).toBe('87,0 %');
    expect(formatCell(7.67, 'decimal', false, 'da')).toBe('7,67');
    expect(formatCell(3, 'count', true, 'da')).toBe('..');
    expect(formatCell(null, 'count', false, 'da')).toBe('–');
  });

  it('finds a field error by its plain or query name', () => {
    expect(fieldError({ 'query.from': 'Ugyldig dato' }, 'from')).toBe('Ugyldig dato');
    expect(fieldError({ to: 'Må ikke ligge før startdatoen' }, 'to')).toBe('Må ikke ligge før startdatoen');
  });
});
