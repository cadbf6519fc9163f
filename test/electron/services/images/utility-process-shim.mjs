// The child side of fake-utility-process.ts: gives a plain Node child process the API an
// Electron utility process has (process.parentPort: 'message' events carrying `data`,
// postMessage), then runs the module the parent asked for (argv[2]). As in Electron, messages
// wait until the module listens; the child ends with its parent.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const port = new EventEmitter()
const waiting = []
const deliver = (data) => port.emit('message', { data, ports: [] })
port.postMessage = (message) => process.send(message)
port.on('newListener', (name) => {
  if (name === 'message') queueMicrotask(() => waiting.splice(0).forEach(deliver))
})
process.on('message', (data) => (port.listenerCount('message') > 0 ? deliver(data) : waiting.push(data)))
process.on('disconnect', () => process.exit(0))
Object.defineProperty(process, 'parentPort', { value: port, enumerable: true })

const [modulePath] = process.argv.splice(2, 1)
await import(pathToFileURL(modulePath).href)
