import type { MethodInput, MethodName, MethodResult, PlannerApi } from '../../shared/contract/index.js';
import type { ApiError, ApiResult, FieldIssue, RuleRefusal } from '../../shared/contract/result.js';
import i18n from 'i18next';

/** A failed call, carrying the contract's error code, message and field issues for the form. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: NonNullable<ApiError['issues']>;
  readonly rule: RuleRefusal | undefined;
  constructor(error: ApiError) {
    // A business rule's refusal is worded in the user's language, on the form and in toasts alike.
    const first = error.issues?.[0];
    const text = error.rule
      ? ruleText(error.rule, error.message)
      : error.code === 'validation' && first?.code && !i18n.language?.startsWith('en')
        ? fieldIssueText(first)
        : error.message;
    super(text);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.rule = error.rule;
    this.issues = (error.issues ?? []).map((issue) =>
      error.rule ? { ...issue, message: text } : issue.code ? { ...issue, message: fieldIssueText(issue) } : issue,
    );
  }
}

/**
 * A form field's problem in the user's language, from the core's code and limits. In English the
 * schema's own words ("Describe the complaint") are kept, unless they are zod's developer text.
 */
function fieldIssueText(issue: FieldIssue): string {
  if (i18n.language?.startsWith('en') && !/^(Invalid|Too (big|small)|Expected)\b/.test(issue.message)) return issue.message;
  const { values, ...params } = issue.params ?? {};
  const list = Array.isArray(values) ? values.map((v) => i18n.t(`importing:enumValue.${v}`, { defaultValue: v })).join(', ') : undefined;
  return i18n.t(`words:fieldIssue.${issue.code}`, { ...params, ...(list ? { values: list } : {}), defaultValue: issue.message });
}

function ruleText(rule: RuleRefusal, english: string): string {
  return i18n.t(`rules:refusal.${rule.code}`, { ...rule.params, defaultValue: english });
}

interface PreloadBridge {
  door: 'electron';
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    plannerBridge?: PreloadBridge;
  }
}

const TOKEN_KEY = 'planner.token';
const SESSION_KEY = 'planner.session';

/**
 * The tab's sign-in session (browser mode): sent with every call so the bridge knows who is acting.
 * Kept per tab, so two tabs can be two people. In the desktop app the main process keeps it instead.
 */
export function setSession(session: string | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, session);
  else sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Browser mode: the bridge printed a URL with the token in its fragment (never sent to a server);
 * keep it for this tab and take it out of the address bar.
 */
function bridgeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): (method: string, input: unknown) => Promise<ApiResult<unknown>> {
  const token = bridgeToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Planner-Token': token,
          'X-Planner-Session': sessionStorage.getItem(SESSION_KEY) ?? '',
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The planner is not reachable. Is `npm run serve` still running?' } };
    }
    if (response.status === 401) {
      return { ok: false, error: { code: 'forbidden', message: 'This tab has no access key. Open the link printed by `npm run serve`.' } };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}

function createApi(): PlannerApi & { door: 'electron' | 'browser' } {
  const transport = window.plannerBridge ? window.plannerBridge.invoke.bind(window.plannerBridge) : httpTransport();
  return {
    door: window.plannerBridge ? 'electron' : 'browser',
    async call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>> {
      const result = await transport(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as MethodResult<K>;
    },
  };
}

/** The one api object of the renderer: the same methods through IPC or the loopback bridge. */
export const api = createApi();
