/** Integer minutes → hours for the API, to 4 decimals (durations are exact minutes inside Takt). */
export const apiHours = (minutes: number): number => Math.round((minutes / 60) * 10_000) / 10_000;
