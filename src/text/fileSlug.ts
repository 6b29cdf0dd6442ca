/**
 * A label as a file-name part every system accepts: ASCII lower-case words joined by hyphens
 * ("Atelier Santé n°2" → "atelier-sante-n-2"), at most 40 characters; empty if nothing is left.
 */
export function fileSlug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}
