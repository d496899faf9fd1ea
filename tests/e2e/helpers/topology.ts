import { rm } from 'node:fs/promises'

import { startTopology, type Topology } from '../../../deploy/topology/index'

import { appEnvironment, freePort } from './app'

/**
 * `npm run topology`'s topology (deploy/topology) for a test or a benchmark: nginx and two app
 * instances on free loopback ports, a fresh SQLite file and folder of its own, and the build the
 * e2e global setup (or the benchmark runner) already made.
 */

export type TestTopology = Topology & {
  /** The proxy's address, also the instances' SITE_URL. */
  baseUrl: string
  /** Stops everything and removes the topology's folder. */
  dispose: () => Promise<void>
}

/** `count` distinct free ports (the probe may hand the same port out twice in a row). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}

export async function startTestTopology(prefix = 'clinica-topology-'): Promise<TestTopology> {
  const { dir, port, baseUrl, env } = await appEnvironment(prefix, 'topology.db')
  const [portA, portB] = (await freePorts(3)).filter((candidate) => candidate !== port)
  try {
    const topology = await startTopology({
      proxyPort: port,
      instancePorts: [portA!, portB!],
      siteUrl: baseUrl,
      env,
      dir,
      build: 'never',
    })
    return {
      ...topology,
      baseUrl,
      dispose: async () => {
        await topology.stop()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
