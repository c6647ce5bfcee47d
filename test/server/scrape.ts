/**
 * `GET /metrics` of a started rolegate, over HTTP, parsed by parse-prometheus-text-format
 * (a port of the Prometheus Python client's parser). That parser skips what it does not
 * understand rather than failing, so the scrape also checks that every sample line of a
 * counter or gauge came out as a sample: a line it dropped fails the test.
 */
import parsePrometheusTextFormat, { type Family } from 'parse-prometheus-text-format';

export class Scrape {
  readonly families: ReadonlyMap<string, Family>;

  constructor(families: readonly Family[]) {
    this.families = new Map(families.map((f) => [f.name, f]));
  }

  /** The value of the one sample of `name` with exactly these labels, or undefined. */
  value(name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
    const wanted = Object.entries(labels);
    const sample = this.families.get(name)?.metrics.find((m) => {
      const have = Object.entries(m.labels ?? {});
      return have.length === wanted.length && wanted.every(([k, v]) => m.labels?.[k] === v);
    });
    return sample?.value === undefined ? undefined : Number(sample.value);
  }

  /** Every sample of `name`: its labels and value. */
  samples(name: string): { labels: Readonly<Record<string, string>>; value: number }[] {
    return (this.families.get(name)?.metrics ?? []).map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) }));
  }
}

export async function scrapeMetrics(url: string): Promise<Scrape> {
  const response = await fetch(`${url}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain; version=0.0.4')) throw new Error(`/metrics is ${type}, not the Prometheus text format`);
  const text = await response.text();
  const families = parsePrometheusTextFormat(text);
  const simple = new Set(families.filter((f) => f.type === 'COUNTER' || f.type === 'GAUGE').map((f) => f.name));
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#') && simple.has(/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)?.[0] ?? ''));
  const parsed = families.filter((f) => simple.has(f.name)).reduce((n, f) => n + f.metrics.length, 0);
  if (parsed !== lines.length) throw new Error(`the parser read ${parsed} counter and gauge samples of ${lines.length} lines`);
  for (const f of families) {
    for (const m of f.metrics) if (simple.has(f.name) && !isSampleValue(m.value)) throw new Error(`${f.name}: value ${m.value ?? ''} is not a number`);
  }
  return new Scrape(families);
}

/**
 * A sample's value as Prometheus reads it: a float, or NaN and ±Inf, which its parser (Go's
 * ParseFloat) takes in any case. prom-client writes NaN as `Nan`: the event loop lag gauges
 * are NaN until the loop's delay has been sampled once, as right after a start.
 */
function isSampleValue(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return false;
  return Number.isFinite(Number(value)) || /^(nan|[+-]?inf(inity)?)$/i.test(value);
}
