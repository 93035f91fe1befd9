/**
 * A change the cascade cannot make. `rule` names it for the screens (rules:refusal.<rule>, worded in
 * the user's language); the message keeps the English for the command line.
 */
export class CascadeError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** Which total a group is, in the English message and as the i18next context of the screens' words. */
export const GROUP_NAMES = { node: 'This target', rest: 'The rest of its total', line: 'The line total' } as const;
export type Group = keyof typeof GROUP_NAMES;
