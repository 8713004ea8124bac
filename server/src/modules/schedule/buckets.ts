/**
 * The one definition of a bucket's capacity in SQL: the dated exception, else the weekday's
 * minutes. Expects the aliases `wc` (work_center) and `ex` (its exception row for the date).
 */
export const capacitySql = (date: string) => `coalesce(ex.minutes, wc.weekly_minutes[extract(dow from ${date})::int + 1])`;

/** Overtime minutes available in a bucket: the work center's daily overtime, on working days only. */
export const overtimeSql = (date: string) => `case when ${capacitySql(date)} > 0 then wc.overtime_minutes_per_day else 0 end`;
