import { TRAINING_TOPICS } from '../../shared/contract/events.js';
import type { Language } from '../../shared/contract/system.js';

/**
 * The words of a calendar invitation in the user's language: the file leaves the app, so the
 * renderer's translations cannot reach it. Topic keys are written as their names, never as codes.
 */
const TEXT: Record<
  Language,
  {
    locale: string;
    topic: string;
    trainer: string;
    ledBy: string;
    agenda: string;
    discussion: string;
    notes: string;
    noEmail: string;
    kinds: Record<'training' | 'trip', string>;
    topics: Record<(typeof TRAINING_TOPICS)[number], string>;
  }
> = {
  en: {
    locale: 'en-GB',
    topic: 'Topic',
    trainer: 'Trainer',
    ledBy: 'Led by',
    agenda: 'Agenda',
    discussion: 'discussion',
    notes: 'Notes',
    noEmail: 'Also invited (no e-mail on record)',
    kinds: { training: 'Training', trip: 'Trip' },
    topics: {
      future: "The distributor's future",
      cooperation: 'How manufacturer and distributor work together',
      sales_policy: 'Sales policy',
      strategic_plan: 'The coming strategic plan',
    },
  },
  zh: {
    locale: 'zh-CN',
    topic: '主题',
    trainer: '培训师',
    ledBy: '带队',
    agenda: '议程',
    discussion: '讨论',
    notes: '备注',
    noEmail: '同时受邀（无电子邮件记录）',
    kinds: { training: '培训', trip: '出行' },
    topics: { future: '经销商的未来', cooperation: '厂商与经销商如何合作', sales_policy: '销售政策', strategic_plan: '下一阶段战略规划' },
  },
  es: {
    locale: 'es-ES',
    topic: 'Tema',
    trainer: 'Formador',
    ledBy: 'Dirige',
    agenda: 'Agenda',
    discussion: 'debate',
    notes: 'Notas',
    noEmail: 'También invitados (sin correo registrado)',
    kinds: { training: 'Formación', trip: 'Viaje' },
    topics: {
      future: 'El futuro del distribuidor',
      cooperation: 'Cómo trabajan juntos fabricante y distribuidor',
      sales_policy: 'Política comercial',
      strategic_plan: 'El próximo plan estratégico',
    },
  },
  ru: {
    locale: 'ru-RU',
    topic: 'Тема',
    trainer: 'Тренер',
    ledBy: 'Руководитель',
    agenda: 'Программа',
    discussion: 'обсуждение',
    notes: 'Примечания',
    noEmail: 'Также приглашены (нет e-mail)',
    kinds: { training: 'Обучение', trip: 'Поездка' },
    topics: {
      future: 'Будущее дистрибьютора',
      cooperation: 'Как работают вместе производитель и дистрибьютор',
      sales_policy: 'Сбытовая политика',
      strategic_plan: 'Предстоящий стратегический план',
    },
  },
};

/** The calendar entry's title: the kind of event in the user's language before the organiser's own title. */
export function invitationSummary(language: Language, kind: 'training' | 'trip', title: string): string {
  const w = TEXT[language];
  return `${w.kinds[kind]}${language === 'zh' ? '：' : ': '}${title}`;
}

export interface InvitationFacts {
  topic: string | null;
  trainer: string | null;
  representativeName: string | null;
  /** Agenda and discussion items; `at` is a wall-clock 'YYYY-MM-DDTHH:MM' or null. */
  agenda: Array<{ at: string | null; label: string; discussion: boolean }>;
  notes: string | null;
  withoutEmail: string[];
}

/** The invitation's description: topic, trainer, leader, the agenda with dates and times, notes, people without an address. */
export function invitationText(language: Language, f: InvitationFacts): string {
  const w = TEXT[language];
  // wall-clock times are formatted as they are written: read as UTC and shown in UTC
  const when = new Intl.DateTimeFormat(w.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(w.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const stamp = (at: string) => (at.length > 10 ? when : day).format(new Date(`${at.length > 10 ? at : `${at}T00:00`}:00Z`));
  const topic = f.topic ? ((w.topics as Record<string, string>)[f.topic] ?? f.topic) : null;
  const lines = [
    topic ? `${w.topic}: ${topic}` : null,
    f.trainer ? `${w.trainer}: ${f.trainer}` : null,
    f.representativeName ? `${w.ledBy}: ${f.representativeName}` : null,
    f.agenda.length ? `${w.agenda}:` : null,
    ...f.agenda.map((a) => `${a.at ? `${stamp(a.at)} ` : ''}${a.label}${a.discussion ? ` (${w.discussion})` : ''}`),
    f.notes ? `${w.notes}: ${f.notes}` : null,
    f.withoutEmail.length ? `${w.noEmail}: ${f.withoutEmail.join(', ')}` : null,
  ];
  return lines.filter((l): l is string => l !== null).join('\n');
}
