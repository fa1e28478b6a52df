import request from 'supertest';

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One scrape of /metrics, in Prometheus text format. */
export class Scrape {
  constructor(readonly samples: readonly Sample[]) {}

  static parse(text: string): Scrape {
    const samples = text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
        if (!match) throw new Error(`not a sample line: ${line}`);
        const labels = Object.fromEntries(
          [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [
            label[1],
            label[2],
          ]),
        );
        return { name: match[1], labels, value: Number(match[3]) };
      });
    return new Scrape(samples);
  }

  /** The sum of the samples of `name` that carry these labels (whatever their other labels). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter((sample) => sample.name === name)
      .filter((sample) =>
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
  }

  has(name: string): boolean {
    return this.samples.some((sample) => sample.name === name);
  }
}

/** GET /metrics of a running orchestrator (its HTTP server), parsed. */
export async function scrapeMetrics(http: Parameters<typeof request>[0]): Promise<Scrape> {
  const response = await request(http).get('/metrics').expect(200);
  return Scrape.parse(response.text);
}
