/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
/** A request that cannot be done (unknown plant, email taken): printed as is, exit code 1. */
export class Failure extends Error {}
