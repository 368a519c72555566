import { Text } from '@mantine/core';
import type { PlanResultDto, PlanScenarioDto } from '@samkraft/contracts/planning';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aggregateFlows, boundsOf, pathOf, project, type Rings } from '../utils/mapGeometry.ts';

export type PlanMapProps = { result: PlanResultDto; scenario: PlanScenarioDto };

/** The municipalities of the set (DAGI outlines, simplified), the hosts and the flows; loaded lazily with its outlines. */
export function PlanMap({ result, scenario }: PlanMapProps) {
  const { t } = useTranslation('planning');
  const [rings, setRings] = useState<Rings | null>(null);
  useEffect(() => {
    let live = true;
    void import('../map/municipalities.simplified.json').then((m) => {
      if (live) setRings((m.default as unknown as { rings: Rings }).rings);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!rings) return <Text c="dimmed">{t('mapLoading')}</Text>;
  const codes = result.municipalities.map((m) => m.code);
  const box = boundsOf(rings, codes);
  const unit = Math.max(box.w, box.h) / 100;
  const point = new Map(result.municipalities.map((m) => [m.code, project(m.lat, m.lon)]));
  const flows = aggregateFlows(scenario, new Set(result.interventions.filter((i) => i.kind === 'rotating').map((i) => i.code)));
  const maxFlow = Math.max(1, ...flows.map((f) => f.citizens));
  const served = new Map(scenario.municipalities.map((m) => [m.code, m]));
  const maxServed = Math.max(1, ...scenario.municipalities.map((m) => m.citizensServed));
  const label = t('mapTitle', { scenario: t(`scenarios.${scenario.key}`) });
  return (
    <svg viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} role="img" aria-label={label} style={{ width: '100%', maxHeight: 520, background: '#f4f7f9' }}>
      <title>{label}</title>
      {codes.map((code) => (
        <path key={code} d={pathOf(rings[code] ?? [])} fill={(served.get(code)?.hosted.length ?? 0) > 0 ? '#dbe8ef' : '#eef2f4'} stroke="#7b8a94" strokeWidth={unit * 0.15} />
      ))}
      {flows.map((f) => {
        const a = point.get(f.home);
        const b = point.get(f.host);
        if (!a || !b) return null;
        return <line key={`${f.home}-${f.host}`} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke="#b3261e" strokeOpacity={0.55} strokeWidth={unit * (0.2 + 1.2 * Math.sqrt(f.citizens / maxFlow))} strokeLinecap="round" />;
      })}
      {scenario.municipalities.map((m) => {
        const p = point.get(m.code);
        if (!p || m.citizensServed <= 0) return null;
        return (
          <circle key={m.code} cx={p[0]} cy={p[1]} r={unit * (0.6 + 2.2 * Math.sqrt(m.citizensServed / maxServed))} fill="#2f6f8f" fillOpacity={0.85} stroke="#fff" strokeWidth={unit * 0.15}>
            <title>{`${m.name}: ${m.hosted.join(', ')}`}</title>
          </circle>
        );
      })}
      {codes.length <= 20
        ? result.municipalities.map((m) => {
            const p = point.get(m.code);
            return p ? (
              <text key={m.code} x={p[0]} y={p[1] - unit * 2.4} fontSize={unit * 2.2} textAnchor="middle" fill="#1d2b33">
                {m.name}
              </text>
            ) : null;
          })
        : null}
    </svg>
  );
}
