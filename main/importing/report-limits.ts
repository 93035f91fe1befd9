/** Errors listed in a report; the rest are counted. A person fixes a sheet from the first hundreds. */
export const MAX_LISTED_ERRORS = 500;
/** Row plans listed per action; the counts are always complete. */
export const MAX_LISTED_PLANS = { update: 1000, new: 200, unchanged: 200 } as const;
