// The three roles of issue 6, each allowed everything the one before it may do:
// observer reads; operator also acknowledges and comments on alerts; admin also
// manages scenarios, runs, notifications and tokens.

export const ROLES = ['observer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who a request acts as: the token's name and role. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
