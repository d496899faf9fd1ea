import { createServer, type Server } from 'node:http'

/**
 * The limit for this machine: a minimal Node `http` server answering every request with the same
 * bytes (and the same content type) the app sent for the article, with no work per request.
 */
export function startStaticServer(body: Buffer, contentType: string, port: number) {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length })
    response.end(body)
  })
  return new Promise<{ baseUrl: string; stop: () => Promise<void> }>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      }),
    )
  })
}
