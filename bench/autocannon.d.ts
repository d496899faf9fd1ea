// Minimal typings for autocannon 9 (it ships none, and no @types package is installed).
declare module 'autocannon' {
  type Histogram = {
    average: number
    mean: number
    p50: number
    p90: number
    p99: number
    max: number
    min: number
  }
  export type Result = {
    requests: Histogram & { total: number }
    latency: Histogram & { p97_5: number }
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    duration: number
  }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    pipelining?: number
    timeout?: number
    headers?: Record<string, string>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
