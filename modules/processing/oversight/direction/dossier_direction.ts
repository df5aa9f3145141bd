/*
 * OS-20.1(d), the direction view: for one dossier, its status, the unit holding it and the
 * officer handling it, the steps it passed with their times, and which units were (or are) late;
 * and the dossiers nearing their deadline. Read only, from the step history the engine writes.
 */
import type { DateTime } from 'luxon'
import { loadWorkingCalendar, Procedure } from '#catalog/index'
import { Dossier } from '#intake/index'
import { Agency, Department, User } from '#users/index'
import { overdueLine, stepsOf, workingDaysLate, type DossierStep } from '#processing/index'
import DossierClock from '#processing/models/dossier_clock'
import { statusChoices } from '#processing/oversight/search/search_choices'
import { systemClock, type Clock } from '#processing/oversight/clock'

export interface PassedStep {
  stepName: string
  unit: string
  officer: string
  startedAt: DateTime
  dueAt: DateTime | null
  finishedAt: DateTime | null
  /** Working days past the step's due time when it ended (or now, while open); 0 when on time. */
  daysLate: number
  clockStopped: boolean
}

export interface LateUnit {
  unit: string
  /** How many of its steps ran late. */
  steps: number
  /** The longest delay, in working days. */
  maxDaysLate: number
}

export interface DossierDirection {
  dossier: Dossier
  procedureName: string
  statusLabel: string
  overdueText: string | null
  receivingAgency: string
  /** The department (and its agency) holding the dossier now; the counter's agency otherwise. */
  holdingUnit: string
  handler: string
  currentStep: string
  currentStepDueAt: DateTime | null
  steps: PassedStep[]
  lateUnits: LateUnit[]
}

function officerName(officer: User | undefined) {
  return officer ? [officer.position?.trim(), officer.fullName].filter(Boolean).join(' ') : ''
}

/** The dossier with this id in the current tenant (404 otherwise), as the direction view shows it. */
export async function dossierDirection(id: number, options: { clock?: Clock } = {}): Promise<DossierDirection> {
  const now = (options.clock ?? systemClock)()
  const dossier = await Dossier.findOrFail(id)
  const calendar = await loadWorkingCalendar()
  const passages = await stepsOf(dossier.id)

  const userIds = passages.flatMap((passage) => [passage.assigneeId, passage.finishedBy]).filter((value) => value !== null)
  const users = new Map((userIds.length ? await User.query().whereIn('id', userIds as number[]) : []).map((user) => [Number(user.id), user]))
  const departmentIds = [
    ...passages.map((passage) => passage.departmentId),
    ...[...users.values()].map((user) => user.departmentId),
  ].filter((value) => value !== null)
  const departments = new Map(
    (departmentIds.length ? await Department.query().whereIn('id', departmentIds as number[]) : []).map((department) => [Number(department.id), department])
  )
  const agencies = new Map((await Agency.all()).map((agency) => [Number(agency.id), agency]))
  const unitOf = (departmentId: number | null) => {
    const department = departmentId ? departments.get(Number(departmentId)) : undefined
    if (!department) return ''
    return [department.name, agencies.get(Number(department.agencyId))?.name].filter(Boolean).join(', ')
  }
  // Whose unit held the step: the holder's (a transfer puts an officer of another unit there), else
  // the step's department, else the unit of whoever finished it (a leader's signature has neither).
  const unitOfPassage = (passage: DossierStep) =>
    unitOf(
      users.get(Number(passage.assigneeId))?.departmentId ??
        passage.departmentId ??
        users.get(Number(passage.finishedBy))?.departmentId ??
        null
    )

  const steps: PassedStep[] = passages.map((passage) => ({
    stepName: passage.stepName,
    unit: unitOfPassage(passage),
    officer: officerName(users.get(Number(passage.assigneeId ?? passage.finishedBy))),
    startedAt: passage.startedAt,
    dueAt: passage.dueAt,
    finishedAt: passage.finishedAt,
    daysLate: passage.dueAt && !passage.clockStopped ? workingDaysLate(calendar, passage.dueAt, passage.finishedAt ?? now) : 0,
    clockStopped: passage.clockStopped,
  }))

  // The step the dossier stands at is late too once the dossier is past its appointment date (ST-16).
  const clock = await DossierClock.findBy('dossierId', dossier.id)
  const overdueText = overdueLine(dossier, now, calendar, clock)
  const openIndex = passages.findIndex((passage) => passage.finishedAt === null)
  if (overdueText && openIndex >= 0 && dossier.appointmentAt) {
    steps[openIndex].daysLate = Math.max(steps[openIndex].daysLate, workingDaysLate(calendar, dossier.appointmentAt, now))
  }

  const late = new Map<string, LateUnit>()
  for (const step of steps.filter((candidate) => candidate.daysLate > 0)) {
    const unit = step.unit || '—'
    const entry = late.get(unit) ?? { unit, steps: 0, maxDaysLate: 0 }
    entry.steps++
    entry.maxDaysLate = Math.max(entry.maxDaysLate, step.daysLate)
    late.set(unit, entry)
  }

  const open = openIndex >= 0 ? passages[openIndex] : null
  // A transferred or delegated dossier is held by the officer it went to: their unit holds it.
  const holder = open?.assigneeId ? users.get(Number(open.assigneeId)) : undefined
  const receivingAgency = agencies.get(Number(dossier.receivingAgencyId))?.name ?? ''
  const holdingUnit = unitOf(holder?.departmentId ?? open?.departmentId ?? null) || (open ? '' : receivingAgency)
  const labels = await statusChoices()

  return {
    dossier,
    procedureName: (await Procedure.find(dossier.procedureId))?.name ?? '',
    statusLabel: labels.find((label) => label.value === dossier.statusCode)?.label ?? dossier.statusCode,
    overdueText,
    receivingAgency,
    holdingUnit,
    handler: officerName(holder),
    currentStep: open?.stepName ?? '',
    currentStepDueAt: open?.dueAt ?? null,
    steps,
    lateUnits: [...late.values()].sort((a, b) => b.maxDaysLate - a.maxDaysLate || a.unit.localeCompare(b.unit, 'vi')),
  }
}
