/*
 * Who acts on a step (issue 5 item 7, OS-7): the step's role, its department where it has one,
 * and, once someone holds the step, that officer alone. Department heads assign and reassign
 * the holder (OS-7.1, OS-7.2).
 */
import { User } from '#users/index'
import type { RuntimeStep } from '#processing/services/workflow_runtime'

/** What the rules need of the step's current passage: who holds it, if anyone. */
export interface StepHolding {
  assigneeId: number | null
}

function isWorkingOfficer(officer: User) {
  return officer.isOfficer && officer.isActive
}

/** Whether `officer` fits the step by role and department, whoever holds it. */
export function fitsStep(officer: User, step: RuntimeStep) {
  if (!isWorkingOfficer(officer)) return false
  if (step.role !== null && !officer.roles.includes(step.role)) return false
  if (step.departmentId !== null && Number(officer.departmentId) !== step.departmentId) return false
  return true
}

/** Whether `officer` may take the step's actions now: the holder alone once there is one. */
export function mayActOnStep(officer: User, step: RuntimeStep, holding: StepHolding | null) {
  if (holding?.assigneeId) return isWorkingOfficer(officer) && Number(officer.id) === Number(holding.assigneeId)
  return fitsStep(officer, step)
}

/** Whether `officer` is a department head who may assign the step's holder (OS-7.1, OS-7.2). */
export function mayAssignOnStep(officer: User, step: RuntimeStep) {
  if (!isWorkingOfficer(officer) || !officer.roles.includes('dept_head')) return false
  if (step.kind === 'assignment') return false
  return step.departmentId === null || Number(officer.departmentId) === step.departmentId
}

/** The active officers who may hold the step, by name. */
export function candidatesFor(step: RuntimeStep) {
  const query = User.query().where('kind', 'officer').where('is_active', true).orderBy('full_name').orderBy('id')
  if (step.role !== null) query.whereRaw('? = any(roles)', [step.role])
  if (step.departmentId !== null) query.where('department_id', step.departmentId)
  return query
}

/** The officers to tell about new or late work on a step nobody holds yet: those who fit it, in its department. */
export async function officersOfStep(step: RuntimeStep): Promise<User[]> {
  if (step.departmentId === null) return []
  return candidatesFor(step)
}

/** Department heads of the step's department (told when work in their department runs late). */
export async function departmentHeadsOf(step: RuntimeStep): Promise<User[]> {
  if (step.departmentId === null) return []
  return User.query()
    .where('kind', 'officer')
    .where('is_active', true)
    .where('department_id', step.departmentId)
    .whereRaw(`'dept_head' = any(roles)`)
}

/** "Chuyên viên Lê Văn Thụ": position and name, as the ST table's detail names a handler. */
export function officerTitle(officer: Pick<User, 'fullName' | 'position'>) {
  return [officer.position?.trim(), officer.fullName].filter(Boolean).join(' ')
}
