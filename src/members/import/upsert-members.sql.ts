/**
 * Creates or updates every member of a batch in one statement: the batch travels as one jsonb
 * parameter and is expanded server-side, so 50,000 members cost one round trip, not 50,000.
 * A row whose content is unchanged is left alone (same version), so re-importing an export changes nothing.
 * Returns one row per created or changed member, with `created` telling which.
 */
export const UPSERT_MEMBERS_SQL = `
INSERT INTO members AS m (id, name, country, subregion, lat, lon, population, languages, level, status,
                          needs, offers, partners, dismissed, contact_name, contact_email, synthetic,
                          open_to_partnerships, capacity)
SELECT r.id, r.name, r.country, r.subregion, r.lat, r.lon, r.population,
       ARRAY(SELECT jsonb_array_elements_text(r.languages)), r.level, r.status, r.needs, r.offers,
       ARRAY(SELECT jsonb_array_elements_text(r.partners)), ARRAY(SELECT jsonb_array_elements_text(r.dismissed)),
       r.contact_name, r.contact_email, r.synthetic, r.open_to_partnerships, r.capacity
FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, country text, subregion text, lat double precision,
     lon double precision, population integer, languages jsonb, level text, status text, needs jsonb, offers jsonb,
     partners jsonb, dismissed jsonb, contact_name text, contact_email text, synthetic boolean,
     open_to_partnerships boolean, capacity integer)
ON CONFLICT (id) DO UPDATE SET
  name = EXCLUDED.name, country = EXCLUDED.country, subregion = EXCLUDED.subregion, lat = EXCLUDED.lat,
  lon = EXCLUDED.lon, population = EXCLUDED.population, languages = EXCLUDED.languages, level = EXCLUDED.level,
  status = EXCLUDED.status, needs = EXCLUDED.needs, offers = EXCLUDED.offers, partners = EXCLUDED.partners,
  dismissed = EXCLUDED.dismissed, contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
  synthetic = EXCLUDED.synthetic, open_to_partnerships = EXCLUDED.open_to_partnerships, capacity = EXCLUDED.capacity,
  updated_at = now(), version = m.version + 1
WHERE (m.name, m.country, m.lat, m.lon, m.population, m.languages, m.level, m.status, m.needs, m.offers,
       m.partners, m.dismissed, m.contact_name, m.contact_email, m.synthetic, m.open_to_partnerships, m.capacity)
  IS DISTINCT FROM
      (EXCLUDED.name, EXCLUDED.country, EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.population, EXCLUDED.languages,
       EXCLUDED.level, EXCLUDED.status, EXCLUDED.needs, EXCLUDED.offers, EXCLUDED.partners, EXCLUDED.dismissed,
       EXCLUDED.contact_name, EXCLUDED.contact_email, EXCLUDED.synthetic,
       EXCLUDED.open_to_partnerships, EXCLUDED.capacity)
RETURNING m.id, (m.xmax = 0) AS created`;
