/** Who a caller is to CityMatch. */
export const ROLES = ['admin', 'secretariat', 'city_official'] as const;
export type Role = (typeof ROLES)[number];
