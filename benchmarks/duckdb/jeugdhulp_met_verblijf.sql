-- Jeugdhulp met verblijf by year x municipality x age group, the same
-- definitions as `zvdj compute`:
--   * a trajectory is active during year Y when start_date <= 31 Dec Y and
--     (end_date is empty or end_date >= 1 Jan Y);
--   * a person counts once per year, in the municipality of the most recent
--     trajectory active during Y (latest start, then latest end with an open
--     end latest of all, then highest municipality code);
--   * met verblijf = any active trajectory with a met-verblijf form;
--   * age on 31 December by the integer yyyymmdd rule; groups 0-4, 4-12,
--     12-18, 18-23 and the totals 0-18, 0-23 counted, not summed.
-- The CBS merge of overlapping trajectories does not change these counts (it
-- keeps the set of active days per form), so it is not needed here.
-- Placeholders: {{CSV}}, {{OUT}}, {{FROM}}, {{TO}}.
COPY (
  WITH j AS (
    SELECT person_id, birth_date, municipality, form, start_date, end_date
    FROM read_csv('{{CSV}}', header = true, auto_detect = false,
                  columns = {'person_id': 'VARCHAR', 'birth_date': 'DATE',
                             'municipality': 'VARCHAR', 'provider': 'VARCHAR',
                             'form': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE',
                             'end_reason': 'VARCHAR'})
  ),
  years AS (SELECT range::INTEGER AS y FROM range({{FROM}}, {{TO}} + 1)),
  act AS (
    SELECT y, person_id, birth_date, municipality, form, start_date, end_date
    FROM j JOIN years
      ON j.start_date <= make_date(y, 12, 31)
     AND (j.end_date IS NULL OR j.end_date >= make_date(y, 1, 1))
  ),
  per AS (
    SELECT y, person_id,
           -- most recent: start, then end (open = latest), then code
           arg_max(municipality,
                   (date_diff('day', DATE '1970-01-01', start_date)::BIGINT << 36)
                 + (date_diff('day', DATE '1970-01-01',
                              coalesce(end_date, DATE '9999-12-31'))::BIGINT << 14)
                 + CAST(substr(municipality, 3) AS BIGINT)) AS muni,
           bool_or(form IN ('pleegzorg', 'gezinsgericht', 'gesloten', 'overig_verblijf')) AS jmv,
           any_value(birth_date) AS birth
    FROM act
    GROUP BY y, person_id
  ),
  ages AS (
    SELECT y, muni,
           CASE WHEN birth IS NULL THEN -1
                ELSE (y * 10000 + 1231 - (year(birth) * 10000 + month(birth) * 100 + day(birth)))
                     // 10000 END AS age
    FROM per WHERE jmv
  )
  SELECT y AS year, muni AS municipality, age_group, n FROM (
    SELECT y, muni, 'total' AS age_group, count(*) AS n FROM ages GROUP BY y, muni
    UNION ALL
    SELECT y, muni,
           CASE WHEN age < 4 THEN '0-4' WHEN age < 12 THEN '4-12'
                WHEN age < 18 THEN '12-18' ELSE '18-23' END, count(*)
    FROM ages WHERE age >= 0 AND age < 23 GROUP BY ALL
    UNION ALL
    SELECT y, muni, '0-18', count(*) FROM ages WHERE age >= 0 AND age < 18 GROUP BY y, muni
    UNION ALL
    SELECT y, muni, '0-23', count(*) FROM ages WHERE age >= 0 AND age < 23 GROUP BY y, muni
  )
  ORDER BY year, municipality, age_group
) TO '{{OUT}}' (HEADER, DELIMITER ',');
