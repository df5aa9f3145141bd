/*
 * Public surface of the users module: officers, departments, roles and citizen accounts.
 * Other modules import from here only.
 */
export { default as User, OFFICER_ROLES } from '#users/models/user'
export type { OfficerRole, UserKind } from '#users/models/user'
