/*
 * The citizen's own account pages (profile, document vault, notification channels) are for
 * applicants; officers' details are kept by the administrators (OS-17.1).
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const keepApplicantAccount = Bouncer.ability((user: User) => user.isApplicant && user.isActive)
