// Dexie must find an IndexedDB implementation before it is first imported.
import 'fake-indexeddb/auto';
