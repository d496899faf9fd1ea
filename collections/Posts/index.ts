import type { CollectionConfig } from 'payload'

import { canCreatePosts, canUpdatePosts, isEditor } from '@/access/roles'
import { authenticatedOrPublished } from '@/access/authenticatedOrPublished'
import { bodyUploadsField } from '@/fields/bodyUploads'
import { editorialChecksField, reviewStatusField, signReviewField } from '@/fields/editorial'
import { lockForReviewers } from '@/fields/lockForReviewers'
import { adminDateTime, adminDay } from '@/lib/admin/dates'
import { referencesField } from '@/fields/references'
import { seoTab } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { postPreviewPath } from '@/lib/paths'
import {
  noteVersionOnlySave,
  rememberLiveDocument,
  revalidateOnChange,
  rememberDeletedDependents,
  revalidateOnDelete,
} from '@/lib/revalidate'

import {
  noteDraftSave,
  onlyEditorsPublish,
  recordMedicalReview,
  requireMedicalReview,
  setCreatedBy,
} from './hooks/editorialRules'
import { redirectOldSlug } from './hooks/redirectOldSlug'
import { keepReviewRequest, requestReviewEndpoint, reviewRequestFields } from './reviewRequest'
import { setPublishedAt } from './hooks/setPublishedAt'

export const MAX_RELATED_POSTS = 6

/** What a medical reviewer may change on a post. */
const REVIEW_FIELDS = ['markReviewed', 'reviewedBy', 'lastReviewedAt'] as const

export const Posts: CollectionConfig<'posts'> = {
  slug: 'posts',
  labels: { singular: 'Articolo', plural: 'Articoli' },
  access: {
    read: authenticatedOrPublished,
    create: canCreatePosts,
    update: canUpdatePosts,
    delete: isEditor,
  },
  defaultPopulate: { title: true, slug: true, excerpt: true, heroImage: true, publishedAt: true },
  admin: {
    preview: (doc) => (doc?.id ? postPreviewPath(String(doc.id)) : null),
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'reviewStatus', 'lastReviewedAt', 'updatedAt'],
    components: {
      beforeListTable: ['@/components/admin/ExpiredReviewFilter.client#ExpiredReviewFilter'],
      // "Nuovo articolo" in the breadcrumb until there is a title.
      edit: {
        beforeDocumentControls: ['@/components/admin/UntitledPost.client#UntitledPostTitle'],
      },
    },
  },
  versions: {
    drafts: {
      autosave: { interval: 2000 },
      // The scheduling drawer's time list: 24-hour, like every other admin date.
      schedulePublish: { timeFormat: adminDateTime.timeFormat },
    },
    maxPerDoc: 50,
  },
  // Listings, the feed and the sitemap filter on the status and sort newest first, with
  // `createdAt` as the tie-breaker (MongoDB's adapter appends it to every non-unique sort):
  // these compound indexes serve that sort on both engines instead of an in-memory sort.
  indexes: [
    { fields: ['_status', 'publishedAt', 'createdAt'] },
    { fields: ['publishedAt', 'createdAt'] },
  ],
  hooks: {
    beforeOperation: [noteDraftSave, noteVersionOnlySave],
    beforeChange: [
      setCreatedBy,
      recordMedicalReview,
      keepReviewRequest,
      onlyEditorsPublish,
      requireMedicalReview,
      setPublishedAt,
      rememberLiveDocument,
    ],
    afterChange: [redirectOldSlug, revalidateOnChange],
    beforeDelete: [rememberDeletedDependents],
    afterDelete: [revalidateOnDelete],
  },
  endpoints: [requestReviewEndpoint],
  fields: lockForReviewers(
    [
      {
        name: 'title',
        type: 'text',
        label: 'Titolo',
        required: true,
        maxLength: 160,
        // "Nuovo articolo" in the list until there is a title (the id otherwise).
        admin: { components: { Cell: '@/components/admin/UntitledPost.client#UntitledPostCell' } },
      },
      {
        type: 'tabs',
        tabs: [
          {
            label: 'Contenuto',
            fields: [
              {
                name: 'excerpt',
                type: 'textarea',
                label: 'Sommario',
                maxLength: 400,
                admin: { description: 'Una o due frasi mostrate sotto il titolo e negli elenchi.' },
              },
              {
                name: 'heroImage',
                type: 'upload',
                label: 'Immagine principale',
                relationTo: 'media',
              },
              { name: 'content', type: 'richText', label: 'Testo', required: true },
            ],
          },
          {
            label: 'Informazioni mediche',
            fields: [
              {
                type: 'row',
                fields: [
                  {
                    name: 'author',
                    type: 'relationship',
                    label: 'Autore',
                    relationTo: 'authors',
                    index: true,
                  },
                  {
                    name: 'reviewedBy',
                    type: 'relationship',
                    label: 'Revisore medico',
                    relationTo: 'authors',
                    index: true,
                  },
                  {
                    name: 'lastReviewedAt',
                    type: 'date',
                    label: 'Ultima revisione medica',
                    admin: { date: adminDay },
                  },
                ],
              },
              {
                name: 'procedure',
                type: 'group',
                label: 'Scheda della procedura',
                admin: { description: 'Compilare solo con ciò che l’articolo afferma.' },
                fields: [
                  { name: 'name', type: 'text', label: 'Nome della procedura', maxLength: 160 },
                  { name: 'bodyLocation', type: 'text', label: 'Parte del corpo', maxLength: 120 },
                  {
                    name: 'howPerformed',
                    type: 'textarea',
                    label: 'Come si esegue',
                    maxLength: 1500,
                  },
                  { name: 'preparation', type: 'textarea', label: 'Preparazione', maxLength: 1500 },
                  {
                    name: 'followUp',
                    type: 'textarea',
                    label: 'Recupero e controlli',
                    maxLength: 1500,
                  },
                ],
              },
              {
                name: 'faq',
                type: 'array',
                label: 'Domande frequenti',
                labels: { singular: 'Domanda', plural: 'Domande' },
                maxRows: 20,
                fields: [
                  {
                    name: 'question',
                    type: 'text',
                    label: 'Domanda',
                    required: true,
                    maxLength: 200,
                  },
                  {
                    name: 'answer',
                    type: 'textarea',
                    label: 'Risposta',
                    required: true,
                    maxLength: 2000,
                  },
                ],
              },
              referencesField,
            ],
          },
          {
            label: 'Correlati',
            fields: [
              {
                name: 'relatedPosts',
                type: 'relationship',
                label: 'Articoli correlati',
                relationTo: 'posts',
                hasMany: true,
                maxRows: MAX_RELATED_POSTS,
                filterOptions: ({ id }) => (id ? { id: { not_in: [id] } } : true),
                admin: { description: `Scelti a mano, al massimo ${MAX_RELATED_POSTS}.` },
              },
            ],
          },
          seoTab({ focusKeyphrase: true }),
        ],
      },
      reviewStatusField,
      slugField(),
      {
        name: 'categories',
        type: 'relationship',
        label: 'Categorie',
        relationTo: 'categories',
        hasMany: true,
        index: true,
        admin: { position: 'sidebar' },
      },
      {
        name: 'publishedAt',
        type: 'date',
        label: 'Data di pubblicazione',
        index: true,
        admin: {
          position: 'sidebar',
          date: adminDateTime,
          description: 'Impostata alla prima pubblicazione.',
        },
      },
      {
        // The API's way to sign the review (see recordMedicalReview). The admin cannot edit a
        // virtual field, so it shows the "Firma la revisione medica" button instead.
        name: 'markReviewed',
        type: 'checkbox',
        label: 'Confermo la revisione medica',
        virtual: true,
        admin: { hidden: true },
      },
      signReviewField,
      ...reviewRequestFields,
      {
        name: 'createdBy',
        type: 'relationship',
        label: 'Creato da',
        relationTo: 'users',
        index: true,
        access: { update: () => false },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'pinned',
        type: 'checkbox',
        label: 'In evidenza',
        defaultValue: false,
        index: true,
        admin: {
          position: 'sidebar',
          description:
            'Mostrato come articolo principale nella pagina iniziale (altrimenti il più recente).',
        },
      },
      {
        name: 'sampleContent',
        type: 'checkbox',
        label: 'Contenuto di esempio',
        defaultValue: false,
        admin: {
          position: 'sidebar',
          description: 'Articolo dimostrativo creato dal seed: da rivedere o eliminare.',
        },
      },
      editorialChecksField,
      bodyUploadsField,
    ],
    REVIEW_FIELDS,
  ),
}
