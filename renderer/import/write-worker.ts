/** The writing worker of an import (one per import): see import-writer.ts. */
import { createImportWriter } from './import-writer';
import type { FromWriter, ToWriter } from './protocol';

const scope = self as unknown as { postMessage(message: FromWriter): void };
const writer = createImportWriter((message) => scope.postMessage(message));
self.addEventListener('message', (event: MessageEvent<ToWriter>) => writer.handle(event.data));
