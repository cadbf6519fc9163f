/**
 * Runtime shapes of the model. Main validates every IPC payload and every stored document
 * against these; the static types in model.ts are checked to agree at compile time below.
 * Shape only: the portal's rules live in core/validation.
 */
import { z } from 'zod'
import { id, text } from './schema-parts'
import { filingEventSchema } from './filing/event-schema'
import { WATERMARK_MAX_CHARS } from './limits'
import { PERSPECTIVE_TARGETS } from './ocr/perspective'
import {
  ORG_CERT_TYPES,
  ORG_KINDS,
  PERSON_ID_TYPES,
  SLOT_KEYS,
  WATERMARK_PLACEMENTS,
  PDF_MAX_PAGES,
  type Address,
  type Material,
  type MaterialEdit,
  type Person,
  type RetentionRemoval,
  type Site,
  type Subject,
} from './model'

const isoTime = z.string().max(40)

export const addressSchema = z.object({
  divisionCodes: z.array(text(12)).max(5),
  divisionNames: z.array(text(40)).max(5),
  detail: text(200),
})

export const personSchema = z.object({
  id,
  name: text(60),
  idType: z.enum(PERSON_ID_TYPES),
  idNumber: text(40),
  idExpiry: text(20),
  address: addressSchema,
  officePhone: text(30),
  mobile: text(30),
  email: text(120),
})

export const subjectSchema = z.object({
  id,
  nature: z.enum(['individual', 'organization']),
  orgKind: z.enum(ORG_KINDS).optional(),
  name: text(120),
  certType: z.enum(ORG_CERT_TYPES).optional(),
  certNumber: text(40),
  investor: text(120),
  officeAddress: addressSchema,
  officePhone: text(30),
  principal: personSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
})

const providerSchema = z.object({
  location: z.enum(['domestic', 'abroad']),
  region: text(60),
  name: text(120),
})

const sitePersonRefSchema = z.union([
  z.object({ sameAsPrincipal: z.literal(true) }),
  z.object({ sameAsPrincipal: z.literal(false), person: personSchema }),
])

export const siteSchema = z.object({
  id,
  subjectId: id,
  name: text(120),
  icpNumber: text(40),
  openingDate: text(10),
  mainDomain: text(260),
  extraDomains: z.array(text(260)).max(50),
  hasOwnDomain: z.boolean(),
  homeUrl: text(500),
  serverIps: z.array(text(45)).max(20),
  accessProvider: providerSchema,
  registrar: providerSchema,
  accessMethod: text(40),
  interactive: z.boolean(),
  serviceTypes: z.array(text(40)).max(40),
  languages: z.array(text(20)).max(20),
  preApprovals: z.array(text(20)).max(10),
  // Optional: workspaces stored before the portal asked about 管制物品 must still load.
  offersControlledGoods: z.boolean().optional(),
  controlledGoods: z.array(text(20)).max(10).optional(),
  securityOfficer: sitePersonRefSchema,
  emergencyContact: sitePersonRefSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
})

const pixels = z.number().int().nonnegative().max(100_000)
export const cropSchema = z.object({ left: pixels, top: pixels, width: pixels.min(1), height: pixels.min(1) })
const corner = z.object({
  x: z.number().min(0).max(100_000),
  y: z.number().min(0).max(100_000),
})
export const perspectiveSchema = z.object({
  quad: z.tuple([corner, corner, corner, corner]),
  target: z.enum(PERSPECTIVE_TARGETS),
})
export const materialEditSchema = z.object({
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  crop: cropSchema.nullable(),
  watermark: text(WATERMARK_MAX_CHARS).nullable(),
  // Optional: workspaces stored before placement existed must still load (they were tiled).
  watermarkPlacement: z.enum(WATERMARK_PLACEMENTS).optional(),
  pdfPage: z.number().int().min(1).max(PDF_MAX_PAGES).optional(),
  perspective: perspectiveSchema.optional(),
})

export const materialSchema = z.object({
  id,
  ownerKind: z.enum(['subject', 'site']),
  ownerId: id,
  slot: z.enum(SLOT_KEYS),
  sourceName: text(260),
  sourceFormat: text(20),
  sourceWidth: pixels,
  sourceHeight: pixels,
  originalBytes: z.number().int().nonnegative(),
  sourcePages: z.number().int().min(1).max(PDF_MAX_PAGES).optional(),
  edit: materialEditSchema,
  originalFile: text(300),
  compressedFile: text(300),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  quality: z.number().int().min(0).max(100),
  maxBytes: z.number().int().positive(),
  sha256: text(64),
  warnings: z.array(z.enum(['too-small', 'blurry', 'grayscale', 'too-dark', 'overexposed', 'odd-aspect'])),
  // Optional: materials stored before the notes existed must still load.
  notes: z
    .array(z.enum(['first-frame-only', 'first-page-only']))
    .max(2)
    .optional(),
  importedAt: isoTime,
})

export const retentionRemovalSchema = z.object({
  id,
  ownerKind: z.enum(['subject', 'site']),
  ownerId: id,
  slot: z.enum(SLOT_KEYS),
  removedOn: text(10),
  badgedOn: text(10),
})

export const workspaceSchema = z.object({
  subjects: z.array(subjectSchema),
  sites: z.array(siteSchema),
  materials: z.array(materialSchema),
  // Optional: workspaces stored before the filing desk existed have no events.
  filingEvents: z.array(filingEventSchema).optional(),
  // Optional: workspaces stored before retention existed have no notes.
  retentionRemovals: z.array(retentionRemovalSchema).optional(),
})

/** Compile-time proof that the schemas and model.ts describe the same shapes. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const agree = <T extends true>(proof?: T): T | undefined => proof
agree<Same<z.infer<typeof addressSchema>, Address>>()
agree<Same<z.infer<typeof personSchema>, Person>>()
agree<Same<z.infer<typeof subjectSchema>, Subject>>()
agree<Same<z.infer<typeof siteSchema>, Site>>()
agree<Same<z.infer<typeof materialEditSchema>, MaterialEdit>>()
agree<Same<z.infer<typeof materialSchema>, Material>>()
agree<Same<z.infer<typeof retentionRemovalSchema>, RetentionRemoval>>()
