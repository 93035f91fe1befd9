import type { ReadinessStatus } from '../../shared/contract/readiness.js';

/** The traffic light; its accessible name says the status and why. */
export function StatusDot({ status, title }: { status: ReadinessStatus; title: string }) {
  return <span className={`dot dot-${status}`} title={title} aria-label={title} role="img" />;
}
