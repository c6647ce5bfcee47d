/** The service's own Prometheus metrics, in a registry of this server (no globals). */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

interface Labelled {
  readonly count: { inc(): void };
  readonly latency: { observe(seconds: number): void };
}

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

  // The labelled series of each (service, action, outcome), looked up once: prom-client
  // would otherwise sort and hash the label object on every request. The keys are
  // bounded by the served operations and AWS's error codes.
  readonly #series = new Map<string, Labelled>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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
