/** A comment's length limit, as the server enforces it (change orders, counter-proposals, escalations). */
export const COMMENT_MAX = 4000;
/** The counter appears once a text reaches this share of its limit. */
export const COUNTER_FROM = 0.8;
/** A policy version's reason, as the server enforces it. */
export const POLICY_REASON_MAX = 1000;
