/*
 * Who may use which face of the product (OS-17.2): the one-stop system is for active officers,
 * account administration for officers holding the admin role. Later modules add their own
 * abilities next to their actions.
 */
import { Bouncer } from '@adonisjs/bouncer'
import type User from '#users/models/user'

export const useOneStop = Bouncer.ability((user: User) => user.isOfficer && user.isActive)

export const administerAccounts = Bouncer.ability((user: User) => user.hasRole('admin'))

/** Procedures, forms, workflows, statuses, catalogues and the calendar: admins and editors. */
export const editCatalog = Bouncer.ability((user: User) => user.hasRole('admin') || user.hasRole('editor'))
