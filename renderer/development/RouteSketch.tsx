import { useTranslation } from 'react-i18next';
import type { DayStop } from '../../shared/contract/development.js';

const WIDTH = 360;
const HEIGHT = 220;
const PAD = 18;

/**
 * The day's stops drawn to scale (north up), joined in route order: where the driving goes, without
 * map tiles (the app works offline). Stops without coordinates are left out of the drawing.
 */
export function RouteSketch({ stops, start }: { stops: DayStop[]; start: { lat: number; lng: number } | null }) {
  const { t } = useTranslation('development');
  const placed = stops.filter((s): s is DayStop & { latitude: number; longitude: number } => s.latitude !== null && s.longitude !== null);
  if (placed.length < 2) return null;
  const points = [...(start ? [{ lat: start.lat, lng: start.lng }] : []), ...placed.map((s) => ({ lat: s.latitude, lng: s.longitude }))];
  const midLat = (Math.min(...points.map((p) => p.lat)) + Math.max(...points.map((p) => p.lat))) / 2;
  // Equirectangular: a degree of longitude is shorter away from the equator.
  const kx = Math.cos((midLat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * kx);
  const ys = points.map((p) => p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - 2 * PAD) / Math.max(maxX - minX, 1e-6), (HEIGHT - 2 * PAD) / Math.max(maxY - minY, 1e-6));
  const x = (lng: number) => PAD + (lng * kx - minX) * scale + (WIDTH - 2 * PAD - (maxX - minX) * scale) / 2;
  const y = (lat: number) => HEIGHT - PAD - (lat - minY) * scale - (HEIGHT - 2 * PAD - (maxY - minY) * scale) / 2;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.lng).toFixed(1)},${y(p.lat).toFixed(1)}`).join(' ');
  return (
    <figure className="route-sketch">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('route.sketch', { count: placed.length })}>
        <path d={path} fill="none" stroke="var(--accent)" strokeWidth={2} strokeLinejoin="round" />
        {start && <rect x={x(start.lng) - 5} y={y(start.lat) - 5} width={10} height={10} fill="var(--text-2)" />}
        {placed.map((s) => (
          <g key={`${s.outletType}:${s.outletId}`}>
            <circle
              cx={x(s.longitude)}
              cy={y(s.latitude)}
              r={9}
              fill={s.visit ? '#2aa160' : 'var(--surface)'}
              stroke="var(--accent)"
              strokeWidth={1.5}
            />
            <text x={x(s.longitude)} y={y(s.latitude) + 3.5} textAnchor="middle" fontSize={10} fill={s.visit ? '#fff' : 'var(--text)'}>
              {s.position}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">{t('route.sketchCaption')}</figcaption>
    </figure>
  );
}
