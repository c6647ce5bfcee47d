/**
 * The service's own Prometheus metrics, in a registry of this server (no globals). What
 * other layers count (decisions, cache lookups) they count in plain integers; the
 * counters here read those totals when `/metrics` is scraped, so the request path never
 * calls prom-client for them. docs/observability.md lists every series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheCounts } from '../auth/cache-counts.js';
import type { AuditCounts } from '../services/audit/trail.js';
import type { DecisionEffect } from '../policy/index.js';
import type { KeyRing } from '../tokens/index.js';

interface Labelled {
  readonly count: { inc(): void };
  readonly latency: { observe(seconds: number): void };
}

/** The `cache` label's values, one per cache of the request path. */
export type CacheName = 'entities' | 'callers' | 'policies' | 'trust_policies' | 'session_tokens' | 'signing_keys';

/** What a scrape reads from the rest of the server. */
export interface MetricSources {
  /** This node's sealing key ring as last loaded, without a store read; undefined before the first load. */
  readonly keyRing: () => KeyRing | undefined;
  readonly caches: { readonly [name in CacheName]: () => CacheCounts };
  readonly audit: () => AuditCounts;
}

const RESULTS: readonly (readonly [DecisionEffect, string])[] = [
  ['Allow', 'allow'],
  ['ExplicitDeny', 'explicit_deny'],
  ['ImplicitDeny', 'implicit_deny'],
];

export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'rolegate_requests_total',
    help: 'API requests by service, action and outcome (ok or the AWS error code)',
    labelNames: ['service', 'action', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'rolegate_request_duration_seconds',
    help: 'API request latency by service and action',
    labelNames: ['service', 'action'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'rolegate_store_errors_total',
    help: 'API requests answered ServiceUnavailable because the store was out of reach',
    registers: [this.registry],
  });

  // The labelled series of each (service, action, outcome), looked up once: prom-client
  // would otherwise sort and hash the label object on every request. The keys are
  // bounded by the served operations and AWS's error codes.
  readonly #series = new Map<string, Labelled>();
  readonly #decisions: Record<DecisionEffect, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  readonly decisions: Counter<'result'>;
  readonly cacheRequests: Counter<'cache' | 'result'>;
  readonly keyRingKeys: Gauge<'state'>;

  /** The Authorizer's DecisionObserver: one increment, read at scrape time. */
  readonly countDecision = (effect: DecisionEffect): void => {
    this.#decisions[effect]++;
  };

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    const decisions = this.#decisions;
    this.decisions = new Counter({
      name: 'rolegate_decisions_total',
      help: 'Policy engine decisions on API calls by result: allow, explicit_deny or implicit_deny',
      labelNames: ['result'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [effect, result] of RESULTS) this.inc({ result }, decisions[effect]);
      },
    });
    this.cacheRequests = new Counter({
      name: 'rolegate_cache_requests_total',
      help: 'Lookups in the request path\'s caches by cache and result: hit (answered from memory) or miss (loaded or computed)',
      labelNames: ['cache', 'result'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [cache, read] of Object.entries(sources.caches)) {
          const counts = read();
          this.inc({ cache, result: 'hit' }, counts.hits);
          this.inc({ cache, result: 'miss' }, counts.misses);
        }
      },
    });
    this.keyRingKeys = new Gauge({
      name: 'rolegate_key_ring_keys',
      help: 'Sealing keys in this node\'s key ring by state: active (seals new session tokens) or retired (still opens the tokens it sealed)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const ring = sources.keyRing();
        if (ring === undefined) return;
        this.set({ state: 'active' }, 1);
        this.set({ state: 'retired' }, ring.keys.length - 1);
      },
    });
    this.#auditCounters(sources.audit);
  }

  /** The audit trail's totals, read at scrape time like the caches'. */
  #auditCounters(audit: () => AuditCounts): void {
    const series: readonly (readonly [string, string, keyof AuditCounts])[] = [
      ['rolegate_audit_events_total', 'Audit events committed to the store', 'events'],
      ['rolegate_audit_commits_total', 'Transactions that committed audit events (events / commits: the group commit batch size)', 'commits'],
      ['rolegate_audit_failures_total', 'API calls failed because their audit events could not be committed', 'failures'],
      ['rolegate_audit_file_errors_total', 'Failed appends to the --audit-file copy', 'fileErrors'],
    ];
    for (const [name, help, field] of series) {
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(audit()[field]);
        },
      });
    }
  }

  /** Counts one API request and observes its latency. */
  record(service: string, action: string, outcome: string, seconds: number): void {
    const key = `${service} ${action} ${outcome}`;
    let series = this.#series.get(key);
    if (series === undefined) {
      series = { count: this.requests.labels(service, action, outcome), latency: this.latency.labels(service, action) };
      this.#series.set(key, series);
    }
    series.count.inc();
    series.latency.observe(seconds);
  }
}
