import { useTranslation } from 'react-i18next';
import type { DayRoute, VisitInput } from '../../shared/contract/development.js';
import type { DueOutlets } from '../../shared/contract/daywork.js';
import type { OutletType } from '../../shared/domain/development.js';
import { formatDay } from './dates.js';
import type { Loaded } from './hooks.js';
import type { OutboxItem } from './outbox.js';

export interface TodayData {
  route: DayRoute;
  /** The outlets due, asked for only when no route is planned for the day. */
  due: DueOutlets | null;
}

/** One place to visit, from the planned route or, failing that, from the outlets due. */
export interface Stop {
  outletType: OutletType;
  outletId: number;
  name: string;
  address: string | null;
  areaName: string;
  contacts: TodayData['route']['stops'][number]['contacts'];
  visitOutcome: string | null;
  reason: 'next_step' | 'prospect' | 'not_visited' | null;
  stage: string | null;
}

export function stopsOf(data: TodayData): Stop[] {
  if (data.route.stops.length > 0)
    return data.route.stops.map((s) => ({
      outletType: s.outletType,
      outletId: s.outletId,
      name: s.name,
      address: s.address,
      areaName: s.areaName,
      contacts: s.contacts,
      visitOutcome: s.visit?.outcome ?? null,
      reason: null,
      stage: s.stage,
    }));
  return (data.due?.outlets ?? []).map((o) => ({
    outletType: o.outletType,
    outletId: o.outletId,
    name: o.name,
    address: o.address,
    areaName: o.areaName,
    contacts: [],
    visitOutcome: null,
    reason: o.reason,
    stage: o.stage,
  }));
}

interface Props {
  day: string;
  data: Loaded<TodayData>;
  pending: OutboxItem[];
  onReload: () => void;
  onLogVisit: (stop: Stop) => void;
}

export function RouteScreen({ day, data, pending, onReload, onLogVisit }: Props) {
  const { t, i18n } = useTranslation();
  const waitingFor = (s: Stop) =>
    pending.some((p) => {
      if (p.method !== 'visit.log') return false;
      const input = p.input as VisitInput;
      return input.day === day && input.outletType === s.outletType && input.outletId === s.outletId;
    });

  return (
    <section aria-labelledby="route-title">
      <div className="section-head">
        <h2 id="route-title">{t('route.title', { day: formatDay(day, i18n.language) })}</h2>
        <button type="button" className="ghost" onClick={onReload}>
          {t('route.refresh')}
        </button>
      </div>
      {data.state === 'loading' && <p className="muted">{t('route.loading')}</p>}
      {data.state === 'no_copy' && <p className="notice">{t('route.noCopy')}</p>}
      {data.state === 'error' && (
        <p role="alert" className="error">
          {t('route.failed', { message: data.message })}
        </p>
      )}
      {data.state === 'ready' && (
        <>
          {data.stale && <p className="notice small">{t('route.offlineCopy')}</p>}
          {data.value.route.stops.length === 0 && (
            <p className="muted">{data.value.due && data.value.due.outlets.length > 0 ? t('route.dueIntro') : t('route.empty')}</p>
          )}
          <ol className="stops" aria-label={data.value.route.stops.length > 0 ? t('route.stops') : t('route.dueTitle')}>
            {stopsOf(data.value).map((stop, i) => {
              const waiting = waitingFor(stop);
              return (
                <li key={`${stop.outletType}:${stop.outletId}`} className="card stop" aria-label={stop.name}>
                  <div className="stop-head">
                    <span className="position" aria-hidden="true">
                      {i + 1}
                    </span>
                    <div>
                      <h3>{stop.name}</h3>
                      <p className="muted small">
                        {stop.areaName}
                        {stop.reason ? ` · ${t(`route.reason.${stop.reason}`)}` : ''}
                      </p>
                    </div>
                  </div>
                  <p className="address">{stop.address ?? <span className="muted">{t('route.noAddress')}</span>}</p>
                  {stop.contacts.length > 0 && (
                    <ul className="contacts" aria-label={t('route.contacts')}>
                      {stop.contacts.map((c, k) => (
                        <li key={k}>
                          <span>
                            {c.name}
                            {c.role ? <span className="muted"> · {c.role}</span> : null}
                          </span>
                          {c.phone && (
                            <a className="call" href={`tel:${c.phone}`} aria-label={t('route.call', { name: c.name, phone: c.phone })}>
                              {c.phone}
                            </a>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {waiting ? (
                    <p className="badge waiting">{t('route.waiting')}</p>
                  ) : stop.visitOutcome ? (
                    <p className="badge sent">{t('route.logged', { outcome: t(`outcome.${stop.visitOutcome}`) })}</p>
                  ) : null}
                  <button
                    type="button"
                    className="primary"
                    aria-label={t('route.logVisitAt', { name: stop.name })}
                    onClick={() => onLogVisit(stop)}
                  >
                    {t('route.logVisit')}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
