/*
 * Workflow diagrams (OS-24.1), drawn on the server: ELK's layered algorithm places the steps top
 * to bottom and routes the transitions; this module turns its layout into an accessible SVG
 * (role="img", <title>, <desc>, a viewBox and width 100% so it scales down to a 320 px screen)
 * and a text alternative listing the steps and transitions in order. Every text is escaped.
 * Only presentation attributes are used: the CSP forbids inline styles.
 *
 * A layout depends only on the definition and the words shown, so diagrams are cached by a hash
 * of those (a saved workflow version never changes, so each is laid out once).
 */
import { createHash } from 'node:crypto'
import ElkBundle from 'elkjs/lib/elk.bundled.js'
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js'
import {
  DEFAULT_MINUTES_PER_WORKING_DAY,
  ENTRY_CHANNELS,
  STATUS_LABELS,
  formatWorkingMinutes,
  type EntryChannel,
  type WorkflowDefinition,
} from '#catalog/services/workflow_rules'

export interface DiagramWords {
  /** Prefix of a step's time limit, e.g. "Thời hạn". */
  limit: string
  /** The end node, e.g. "Kết thúc". */
  end: string
  /** The entry nodes, per channel. */
  entries: Record<EntryChannel, string>
}

export const VIETNAMESE_WORDS: DiagramWords = {
  limit: 'Thời hạn',
  end: 'Kết thúc',
  entries: { counter: 'Nộp trực tiếp, qua bưu chính', online: 'Nộp trực tuyến' },
}

export interface DiagramOptions {
  /** The diagram's accessible name, e.g. "Quy trình … (phiên bản 2)". */
  title: string
  minutesPerWorkingDay?: number
  /** Who acts, per step key (role and department, already worded). */
  actors?: Record<string, string>
  /** Status labels by code; the Appendix I labels by default. */
  statusLabels?: Record<string, string>
  words?: DiagramWords
}

export interface TextAlternative {
  steps: { number: number; key: string; name: string; limit: string; actor: string; entries: string[] }[]
  transitions: { fromKey: string; from: string; action: string; to: string; status: string; requirements: string[] }[]
}

export interface WorkflowDiagram {
  svg: string
  text: TextAlternative
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
const NODE_WIDTH = 164
const NAME_SIZE = 15
const DETAIL_SIZE = 13
const LABEL_SIZE = 12
const LINE = 1.3
const PADDING = 10
const COLOURS = {
  ink: '#1b1b1b',
  muted: '#4a4a4a',
  line: '#5c5c5c',
  box: '#ffffff',
  intake: '#e8f1fb',
  end: '#eaf5ec',
  brand: '#a4161a',
}

export function escapeXml(text: string) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Splits `text` into lines of at most about `width` characters, breaking between words. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!current) current = word
    else if ((current + ' ' + word).length <= width) current += ' ' + word
    else {
      lines.push(current)
      current = word
    }
  }
  if (current) lines.push(current)
  return lines.length ? lines : ['']
}

/** An estimate of the width of `text` in a sans-serif font of `size` (no fonts on the server). */
function textWidth(text: string, size: number) {
  return Math.ceil(text.length * size * 0.56)
}

const cache = new Map<string, WorkflowDiagram>()
const CACHE_LIMIT = 500
/** The bundled build runs ELK in-process (no worker); it is CommonJS, so its types need a hand. */
const ElkConstructor = ElkBundle as unknown as new () => ELK
let elk: ELK | undefined

export function textAlternative(definition: WorkflowDefinition, options: DiagramOptions): TextAlternative {
  const words = options.words ?? VIETNAMESE_WORDS
  const statusLabels = options.statusLabels ?? STATUS_LABELS
  const minutesPerDay = options.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY
  const nameOf = new Map(definition.steps.map((step) => [step.key, step.name]))
  return {
    steps: definition.steps.map((step, index) => ({
      number: index + 1,
      key: step.key,
      name: step.name,
      limit: formatWorkingMinutes(step.timeLimitMinutes, minutesPerDay),
      actor: options.actors?.[step.key] ?? '',
      entries: ENTRY_CHANNELS.filter((channel) => step.entryChannels.includes(channel)).map((c) => words.entries[c]),
    })),
    transitions: definition.transitions.map((transition) => ({
      fromKey: transition.from,
      from: nameOf.get(transition.from) ?? transition.from,
      action: transition.action,
      to: transition.to === null ? words.end : (nameOf.get(transition.to) ?? transition.to),
      status: statusLabels[transition.statusCode] ?? transition.statusCode,
      requirements: [
        ...(transition.requiresReason ? ['reason'] : []),
        ...(transition.requiresAttachment ? ['attachment'] : []),
      ],
    })),
  }
}

/** The diagram of `definition` and its text alternative. */
export async function renderWorkflowDiagram(definition: WorkflowDefinition, options: DiagramOptions): Promise<WorkflowDiagram> {
  const key = createHash('sha256').update(JSON.stringify([definition, options])).digest('hex')
  const cached = cache.get(key)
  if (cached) return cached

  const diagram = { svg: await drawSvg(definition, options), text: textAlternative(definition, options) }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(key, diagram)
  return diagram
}

interface Box {
  id: string
  kind: 'step' | 'entry' | 'end'
  lines: { text: string; size: number; bold?: boolean; colour?: string }[]
  fill: string
}

async function drawSvg(definition: WorkflowDefinition, options: DiagramOptions): Promise<string> {
  const words = options.words ?? VIETNAMESE_WORDS
  const statusLabels = options.statusLabels ?? STATUS_LABELS
  const minutesPerDay = options.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY
  const boxes = new Map<string, Box>()
  const edges: ElkExtendedEdge[] = []
  const edgeLines = new Map<string, string[]>()

  // The entry point on top (OS-3.4: the online entry is part of the workflow); steps taking the
  // same channels share one entry node, which keeps the diagram narrow.
  const entryGroups = new Map<string, { channels: EntryChannel[]; steps: string[] }>()
  for (const step of definition.steps) {
    const channels = ENTRY_CHANNELS.filter((channel) => step.entryChannels.includes(channel))
    if (!channels.length) continue
    const group = entryGroups.get(channels.join('+')) ?? { channels, steps: [] }
    group.steps.push(step.key)
    entryGroups.set(channels.join('+'), group)
  }
  for (const [groupKey, group] of entryGroups) {
    const id = `entry-${groupKey}`
    boxes.set(id, {
      id,
      kind: 'entry',
      fill: COLOURS.intake,
      lines: group.channels.flatMap((channel) =>
        wrap(words.entries[channel], 22).map((text) => ({ text, size: DETAIL_SIZE, bold: true }))
      ),
    })
    for (const step of group.steps) edges.push({ id: `${id}-${step}`, sources: [id], targets: [`step-${step}`] })
  }

  for (const step of definition.steps) {
    const actor = options.actors?.[step.key]
    boxes.set(`step-${step.key}`, {
      id: `step-${step.key}`,
      kind: 'step',
      fill: step.kind === 'intake' ? COLOURS.intake : COLOURS.box,
      lines: [
        ...wrap(step.name, 18).map((text) => ({ text, size: NAME_SIZE, bold: true })),
        ...wrap(`${words.limit}: ${formatWorkingMinutes(step.timeLimitMinutes, minutesPerDay)}`, 22).map((text) => ({
          text,
          size: DETAIL_SIZE,
          colour: COLOURS.muted,
        })),
        ...(actor ? wrap(actor, 22).map((text) => ({ text, size: DETAIL_SIZE, colour: COLOURS.muted })) : []),
      ],
    })
  }

  // One end node per status a dossier can end with ("Đã trả kết quả", "Dừng xử lý", …).
  const endStatuses = [...new Set(definition.transitions.filter((t) => t.to === null).map((t) => t.statusCode))]
  for (const status of endStatuses) {
    boxes.set(`end-${status}`, {
      id: `end-${status}`,
      kind: 'end',
      fill: COLOURS.end,
      lines: [
        { text: words.end, size: DETAIL_SIZE, colour: COLOURS.muted },
        ...wrap(statusLabels[status] ?? status, 14).map((text) => ({ text, size: DETAIL_SIZE, bold: true })),
      ],
    })
  }

  definition.transitions.forEach((transition, index) => {
    const id = `t${index}`
    const target = transition.to === null ? `end-${transition.statusCode}` : `step-${transition.to}`
    const lines = wrap(transition.action, 12)
    edgeLines.set(id, lines)
    edges.push({
      id,
      sources: [`step-${transition.from}`],
      targets: [target],
      labels: [
        {
          id: `${id}-label`,
          text: transition.action,
          width: Math.max(...lines.map((line) => textWidth(line, LABEL_SIZE))) + 6,
          height: Math.ceil(lines.length * LABEL_SIZE * LINE) + 4,
        },
      ],
    })
  })

  const children: ElkNode[] = [...boxes.values()].map((box) => ({
    id: box.id,
    width: box.kind === 'step' ? NODE_WIDTH : Math.max(...box.lines.map((l) => textWidth(l.text, l.size))) + 2 * PADDING + 8,
    height: Math.ceil(box.lines.reduce((sum, line) => sum + line.size * LINE, 0)) + 2 * PADDING,
  }))

  elk ??= new ElkConstructor()
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      'elk.spacing.nodeNode': '16',
      'elk.spacing.edgeNode': '10',
      'elk.spacing.edgeEdge': '8',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
    },
    children,
    edges,
  }
  const layout = await elk.layout(graph)

  const width = Math.ceil(layout.width ?? 0)
  const height = Math.ceil(layout.height ?? 0)
  const parts: string[] = []
  const titleId = `wf-title-${createHash('sha1').update(options.title).digest('hex').slice(0, 8)}`
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId}" viewBox="0 0 ${width} ${height}" ` +
      `width="100%" preserveAspectRatio="xMidYMin meet" font-family="${escapeXml(FONT)}" class="workflow-diagram">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<defs><marker id="${titleId}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.line}"/></marker></defs>`
  )

  for (const edge of layout.edges ?? []) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      const d = points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)},${round(p.y)}`).join(' ')
      parts.push(
        `<path d="${d}" fill="none" stroke="${COLOURS.line}" stroke-width="1.5" marker-end="url(#${titleId}-arrow)"/>`
      )
    }
  }

  for (const node of layout.children ?? []) {
    const box = boxes.get(node.id)!
    const x = node.x ?? 0
    const y = node.y ?? 0
    const w = node.width ?? 0
    const h = node.height ?? 0
    const radius = box.kind === 'step' ? 6 : h / 2
    parts.push(`<g>`)
    parts.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" rx="${round(radius)}" ` +
        `fill="${box.fill}" stroke="${box.kind === 'end' ? COLOURS.ink : COLOURS.line}" stroke-width="${box.kind === 'end' ? 2 : 1.5}"/>`
    )
    let baseline = y + PADDING
    for (const line of box.lines) {
      baseline += line.size * LINE
      parts.push(
        `<text x="${round(x + w / 2)}" y="${round(baseline - line.size * 0.3)}" text-anchor="middle" font-size="${line.size}"` +
          `${line.bold ? ' font-weight="700"' : ''} fill="${line.colour ?? COLOURS.ink}">${escapeXml(line.text)}</text>`
      )
    }
    parts.push(`</g>`)
  }

  for (const edge of layout.edges ?? []) {
    const lines = edgeLines.get(edge.id)
    const label = edge.labels?.[0]
    if (!lines || !label) continue
    const lx = label.x ?? 0
    const ly = label.y ?? 0
    parts.push(
      `<rect x="${round(lx)}" y="${round(ly)}" width="${round(label.width ?? 0)}" height="${round(label.height ?? 0)}" ` +
        `fill="#ffffff" fill-opacity="0.9"/>`
    )
    lines.forEach((line, index) => {
      parts.push(
        `<text x="${round(lx + 3)}" y="${round(ly + 2 + (index + 1) * LABEL_SIZE * LINE - LABEL_SIZE * 0.3)}" ` +
          `font-size="${LABEL_SIZE}" fill="${COLOURS.brand}">${escapeXml(line)}</text>`
      )
    })
  }

  parts.push('</svg>')
  return parts.join('')
}

function round(value: number) {
  return Math.round(value * 10) / 10
}
