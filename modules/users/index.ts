/*
 * Public surface of the users module: officers, departments, roles and citizen accounts.
 * Other modules import from here only.
 */
export { default as User, OFFICER_ROLES } from '#users/models/user'
export type { OfficerRole, UserKind } from '#users/models/user'
export { default as Agency } from '#users/models/agency'
export { takeCaptchaAnswer } from '#users/services/captcha'
export { matchesCaptcha } from '#users/validators/rules'
