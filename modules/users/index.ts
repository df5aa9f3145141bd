/*
 * Public surface of the users module: officers, departments, roles and citizen accounts.
 * Other modules import from here only.
 */
export { default as User, OFFICER_ROLES } from '#users/models/user'
export type { OfficerRole, UserKind } from '#users/models/user'
export { default as Agency } from '#users/models/agency'
export { default as Department } from '#users/models/department'
export { takeCaptchaAnswer } from '#users/services/captcha'
export { matchesCaptcha, personalIdentificationNumber, vietnamesePhone, normalisePhone } from '#users/validators/rules'
export { dateOfBirthField, parseVietnameseDate, passwordRule, pastBirthDate, vietnameseDate } from '#users/validators/rules'
export { openSessionsOf, endSessionOf, endOtherSessionsOf, isSessionOf } from '#users/services/user_sessions'
export { default as UserSession } from '#users/models/user_session'
export { issueAccountToken } from '#users/services/account_tokens'
export { sendAccountMail } from '#users/services/account_mail'
export { registerDeskPanel } from '#users/services/desk_panels'
export type { DeskPanel } from '#users/services/desk_panels'
