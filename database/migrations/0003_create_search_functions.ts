import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Search with and without Vietnamese diacritics ("ho tich" finds "Hộ tịch"). unaccent() is not
 * immutable, so indexes use this wrapper that names its dictionary explicitly. Đ/đ are mapped
 * by the unaccent rules already.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create or replace function immutable_unaccent(value text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, value) $$
    `)
  }

  async down() {
    this.schema.raw('drop function if exists immutable_unaccent(text)')
  }
}
