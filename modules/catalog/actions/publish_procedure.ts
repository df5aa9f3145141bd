/*
 * Publishing and withdrawing a procedure (OS-1, PT-3.1): only published procedures reach the
 * portal through the catalogue read service. Both are CRUD on a noun: a publication is created
 * (POST …/cong-bo) or withdrawn (POST …/go-cong-bo).
 */
import { DateTime } from 'luxon'
import type Procedure from '#catalog/models/procedure'

export async function publishProcedure(procedure: Procedure) {
  if (procedure.status === 'published') return procedure
  procedure.status = 'published'
  procedure.publishedAt = DateTime.now()
  await procedure.save()
  return procedure
}

export async function unpublishProcedure(procedure: Procedure) {
  if (procedure.status === 'draft') return procedure
  procedure.status = 'draft'
  procedure.publishedAt = null
  await procedure.save()
  return procedure
}
