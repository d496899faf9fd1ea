import type { UIField } from 'payload'

/**
 * The medical review badge at the top of the post sidebar and the "Revisione" column of the
 * posts list. A `ui` field: it stores nothing and reads `lastReviewedAt`.
 */
export const reviewStatusField: UIField = {
  name: 'reviewStatus',
  type: 'ui',
  label: 'Revisione',
  admin: {
    position: 'sidebar',
    components: {
      Field: '@/components/admin/ReviewStatusField.client#ReviewStatusField',
      Cell: '@/components/admin/ReviewStatusCell#ReviewStatusCell',
    },
  },
}

/** Live readability, SEO and claims checks in the post sidebar, updated as the editor types. */
export const editorialChecksField: UIField = {
  name: 'editorialChecks',
  type: 'ui',
  label: 'Controlli editoriali',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/components/admin/EditorialPanel.client#EditorialPanel' },
  },
}

/** The button with which a doctor signs the medical review (reviewers, editors, admins). */
export const signReviewField: UIField = {
  name: 'signReview',
  type: 'ui',
  label: 'Revisione medica',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/components/admin/SignReview.client#SignReview' },
  },
}
