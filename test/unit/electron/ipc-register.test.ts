import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, IPC_CHANNELS, SaveExportArgs } from '../../../shared/ipc/contract';
import type { AppOrigin, SenderFrameLike } from '../../../electron/main/app-url';
import { getAppInfo } from '../../../electron/main/ipc/app-info';
import { InvalidPayloadError, UntrustedSenderError, registerIpcHandlers } from '../../../electron/main/ipc/register';
import type { IpcHandlers, InvokeEventLike } from '../../../electron/main/ipc/register';

const rendererDir = join('/opt/Isnad/resources/app.asar/out/renderer');
const origin: AppOrigin = { rendererDir };
const appPage = pathToFileURL(join(rendererDir, 'index.html')).href;

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain that records handlers, and the calls that reached the handlers. */
function setUp(options: { origin?: AppOrigin } = {}) {
  const registered = new Map<string, Listener>();
  const reached: Array<[string, unknown[]]> = [];
  const warnings: string[] = [];
  const handlers: IpcHandlers<InvokeEventLike> = {
    openArticleFiles: async () => {
      reached.push(['openArticleFiles', []]);
      return { files: [{ name: 'a.txt', bytes: new Uint8Array([1, 2]) }] };
    },
    openArticleFolder: async () => {
      reached.push(['openArticleFolder', []]);
      return {
        files: [{ name: 'news/2019/a.txt', bytes: new Uint8Array([3]) }],
        skipped: [{ name: 'news/photo.jpg', reason: 'not an article file' }],
      };
    },
    openDatasetFiles: async () => {
      reached.push(['openDatasetFiles', []]);
      return { files: [{ name: 'news.conll', bytes: new Uint8Array([4]) }] };
    },
    openDatasetFolder: async () => {
      reached.push(['openDatasetFolder', []]);
      return { folder: 'brat', files: [{ name: 'brat/a.ann', bytes: new Uint8Array([5]) }], skipped: [] };
    },
    saveExport: async (_event, request) => {
      reached.push(['saveExport', [request]]);
      return { saved: true, path: `/home/u/${request.suggestedName}` };
    },
    getAppInfo: () => {
      reached.push(['getAppInfo', []]);
      return getAppInfo({ getVersion: () => '0.1.0', platform: 'linux' });
    },
    writeSnapshot: async (_event, request) => {
      reached.push(['writeSnapshot', [request]]);
      return { id: '2026-11-29T10-15-00.000Z.manual.1d.2s.isnad.json' };
    },
    listSnapshots: async (_event, request) => {
      reached.push(['listSnapshots', [request]]);
      return { snapshots: [] };
    },
    readSnapshot: async (_event, request) => {
      reached.push(['readSnapshot', [request]]);
      return { missing: true };
    },
    deleteSnapshots: async (_event, request) => {
      reached.push(['deleteSnapshots', [request]]);
      return { deleted: 2 };
    },
    setMenuLanguage: (_event, request) => {
      reached.push(['setMenuLanguage', [request]]);
    },
  };
  registerIpcHandlers(
    {
      handle: (channel, listener) => {
        expect(registered.has(channel)).toBe(false);
        registered.set(channel, listener as Listener);
      },
    },
    handlers,
    { origin: options.origin ?? origin, warn: (message) => warnings.push(message) },
  );
  /** Like ipcRenderer.invoke: an unknown channel rejects, as Electron does. */
  const call = async (channel: string, frame: SenderFrameLike | null, ...args: unknown[]) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame }, ...args);
  };
  return { registered, reached, warnings, call };
}

const top = (url: string): SenderFrameLike => ({ url, parent: null });

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, and not the main → renderer one', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(registered.has(IPC_CHANNELS.menuCommand)).toBe(false);
  });

  it('serves valid calls from the app page', async () => {
    const { call, reached } = setUp();
    await expect(call(IPC_CHANNELS.getAppInfo, top(appPage))).resolves.toEqual({ version: '0.1.0', platform: 'linux' });
    await expect(call(IPC_CHANNELS.openArticleFiles, top(`${appPage}#/corpus`))).resolves.toEqual({
      files: [{ name: 'a.txt', bytes: new Uint8Array([1, 2]) }],
    });
    await expect(call(IPC_CHANNELS.openArticleFolder, top(appPage))).resolves.toEqual({
      files: [{ name: 'news/2019/a.txt', bytes: new Uint8Array([3]) }],
      skipped: [{ name: 'news/photo.jpg', reason: 'not an article file' }],
    });
    await expect(call(IPC_CHANNELS.openDatasetFiles, top(appPage))).resolves.toEqual({ files: [{ name: 'news.conll', bytes: new Uint8Array([4]) }] });
    await expect(call(IPC_CHANNELS.openDatasetFolder, top(appPage))).resolves.toEqual({ folder: 'brat', files: [{ name: 'brat/a.ann', bytes: new Uint8Array([5]) }], skipped: [] });
    await expect(
      call(IPC_CHANNELS.saveExport, top(appPage), { suggestedName: 'c.json', contents: '{}' }),
    ).resolves.toEqual({ saved: true, path: '/home/u/c.json' });
    expect(reached.map(([name]) => name)).toEqual(['getAppInfo', 'openArticleFiles', 'openArticleFolder', 'openDatasetFiles', 'openDatasetFolder', 'saveExport']);
  });

  it('rejects calls on channels outside the contract (nothing is registered for them)', async () => {
    const { call } = setUp();
    await expect(call('isnad:read-any-file', top(appPage), '/etc/passwd')).rejects.toThrow(/No handler registered/);
    await expect(call(IPC_CHANNELS.menuCommand, top(appPage), 'open')).rejects.toThrow(/No handler registered/);
  });

  describe('payload validation', () => {
    const bad: Array<[string, unknown[]]> = [
      ['no payload', []],
      ['a string', ['corpus.json']],
      ['null', [null]],
      ['contents not a string', [{ suggestedName: 'c.json', contents: 42 }]],
      ['missing contents', [{ suggestedName: 'c.json' }]],
      ['name not a string', [{ suggestedName: ['c.json'], contents: '' }]],
      ['empty name', [{ suggestedName: '', contents: '' }]],
      ['a path instead of a name', [{ suggestedName: '../../.bashrc', contents: '' }]],
      ['a Windows path', [{ suggestedName: 'C:\\Users\\x\\evil.json', contents: '' }]],
      ['a control character', [{ suggestedName: 'a\u0000.json', contents: '' }]],
      ['an extra property', [{ suggestedName: 'c.json', contents: '', path: '/etc/passwd' }]],
      ['an extra argument', [{ suggestedName: 'c.json', contents: '' }, '/etc/passwd']],
      ['an over-long name', [{ suggestedName: `${'n'.repeat(300)}.json`, contents: '' }]],
    ];
    it.each(bad)('rejects saveExport with %s', async (_label, args) => {
      const { call, reached, warnings } = setUp();
      const promise = call(IPC_CHANNELS.saveExport, top(appPage), ...args);
      await expect(promise).rejects.toBeInstanceOf(InvalidPayloadError);
      await expect(promise).rejects.toThrow(/^Refused isnad:save-export: invalid arguments/);
      expect(reached).toEqual([]);
      expect(warnings).toHaveLength(1);
    });

    it('passes setMenuLanguage only an interface language, and nothing else', async () => {
      const { call, reached } = setUp();
      await expect(call(IPC_CHANNELS.setMenuLanguage, top(appPage), { language: 'ar' })).resolves.toBeUndefined();
      expect(reached).toEqual([['setMenuLanguage', [{ language: 'ar' }]]]);
      for (const args of [[], ['ar'], [{ language: 'fr' }], [{ language: 'ar', menu: [] }], [{ language: 'ar' }, 'x'], [{ language: '<script>' }]]) {
        await expect(call(IPC_CHANNELS.setMenuLanguage, top(appPage), ...args)).rejects.toBeInstanceOf(InvalidPayloadError);
      }
      expect(reached).toHaveLength(1);
    });

    it('rejects arguments to the argument-less messages', async () => {
      const { call, reached } = setUp();
      await expect(call(IPC_CHANNELS.openArticleFiles, top(appPage), { path: '/etc/passwd' })).rejects.toBeInstanceOf(
        InvalidPayloadError,
      );
      await expect(call(IPC_CHANNELS.getAppInfo, top(appPage), 1)).rejects.toBeInstanceOf(InvalidPayloadError);
      await expect(call(IPC_CHANNELS.openDatasetFiles, top(appPage), ['/etc/passwd'])).rejects.toBeInstanceOf(InvalidPayloadError);
      await expect(call(IPC_CHANNELS.openDatasetFolder, top(appPage), '/home/u/.ssh')).rejects.toBeInstanceOf(InvalidPayloadError);
      expect(reached).toEqual([]);
    });

    const badFolderArgs: Array<[string, unknown[]]> = [
      ['a path to walk', ['/etc']],
      ['an options object', [{ path: '/home/u/.ssh', recursive: true }]],
      ['null', [null]],
      ['undefined', [undefined]],
      ['two arguments', ['/', '/']],
    ];
    it.each(badFolderArgs)('rejects openArticleFolder with %s, before the dialog', async (_label, args) => {
      const { call, reached, warnings } = setUp();
      const promise = call(IPC_CHANNELS.openArticleFolder, top(appPage), ...args);
      await expect(promise).rejects.toBeInstanceOf(InvalidPayloadError);
      await expect(promise).rejects.toThrow(/^Refused isnad:open-article-folder: invalid arguments/);
      expect(reached).toEqual([]);
      expect(warnings).toHaveLength(1);
    });

    const snapshotInfo = { corpusId: 'corpus-1', takenAt: '2026-11-29T10:15:00.000Z', reason: 'manual', documents: 1, spans: 2 };
    const badSnapshotCalls: Array<[string, string, unknown[]]> = [
      ['writeSnapshot with a corpus id that is a path', IPC_CHANNELS.writeSnapshot, [{ info: { ...snapshotInfo, corpusId: '../../.config' }, json: '{}', keep: 5 }]],
      ['writeSnapshot with an unknown reason', IPC_CHANNELS.writeSnapshot, [{ info: { ...snapshotInfo, reason: 'other' }, json: '{}', keep: 5 }]],
      ['writeSnapshot with a time that is not ISO', IPC_CHANNELS.writeSnapshot, [{ info: { ...snapshotInfo, takenAt: 'yesterday' }, json: '{}', keep: 5 }]],
      ['writeSnapshot with a file name of its own', IPC_CHANNELS.writeSnapshot, [{ info: { ...snapshotInfo, id: 'evil.json' }, json: '{}', keep: 5 }]],
      ['writeSnapshot keeping none', IPC_CHANNELS.writeSnapshot, [{ info: snapshotInfo, json: '{}', keep: 0 }]],
      ['writeSnapshot with bytes', IPC_CHANNELS.writeSnapshot, [{ info: snapshotInfo, json: new Uint8Array([1]), keep: 5 }]],
      ['listSnapshots of a folder path', IPC_CHANNELS.listSnapshots, [{ corpusId: '/etc' }]],
      ['readSnapshot of another file', IPC_CHANNELS.readSnapshot, [{ corpusId: 'corpus-1', id: '../../Cookies' }]],
      ['readSnapshot of a file that is not a snapshot', IPC_CHANNELS.readSnapshot, [{ corpusId: 'corpus-1', id: 'notes.json' }]],
      ['readSnapshot with an extra property', IPC_CHANNELS.readSnapshot, [{ corpusId: 'corpus-1', id: '2026-11-29T10-15-00.000Z.manual.1d.2s.isnad.json', path: '/etc/passwd' }]],
      ['deleteSnapshots of a folder path', IPC_CHANNELS.deleteSnapshots, [{ corpusId: '../../' }]],
      ['deleteSnapshots of the whole snapshots folder', IPC_CHANNELS.deleteSnapshots, [{ corpusId: '' }]],
      ['deleteSnapshots with an extra property', IPC_CHANNELS.deleteSnapshots, [{ corpusId: 'corpus-1', recursive: true }]],
    ];
    it.each(badSnapshotCalls)('rejects %s', async (_label, channel, args) => {
      const { call, reached } = setUp();
      await expect(call(channel, top(appPage), ...args)).rejects.toBeInstanceOf(InvalidPayloadError);
      expect(reached).toEqual([]);
    });

    it('serves valid snapshot calls', async () => {
      const { call, reached } = setUp();
      await expect(call(IPC_CHANNELS.writeSnapshot, top(appPage), { info: snapshotInfo, json: '{}', keep: 5 })).resolves.toEqual({ id: '2026-11-29T10-15-00.000Z.manual.1d.2s.isnad.json' });
      await expect(call(IPC_CHANNELS.listSnapshots, top(appPage), { corpusId: 'corpus-1' })).resolves.toEqual({ snapshots: [] });
      await expect(call(IPC_CHANNELS.readSnapshot, top(appPage), { corpusId: 'corpus-1', id: '2026-11-29T10-15-00.000Z.manual.1d.2s.isnad.json' })).resolves.toEqual({ missing: true });
      await expect(call(IPC_CHANNELS.deleteSnapshots, top(appPage), { corpusId: 'corpus-1' })).resolves.toEqual({ deleted: 2 });
      expect(reached.map(([name]) => name)).toEqual(['writeSnapshot', 'listSnapshots', 'readSnapshot', 'deleteSnapshots']);
    });

    it('accepts Arabic and spaces in a suggested name', () => {
      expect(SaveExportArgs.safeParse([{ suggestedName: 'مدونة الأخبار 2024.json', contents: '' }]).success).toBe(true);
    });
  });

  describe('sender frame check', () => {
    const foreign: Array<[string, SenderFrameLike | null]> = [
      ['a remote https page', top('https://evil.example/index.html')],
      ['a local file outside the renderer folder', top(pathToFileURL('/home/u/Downloads/evil.html').href)],
      ['a sibling folder with the same prefix', top(pathToFileURL(`${rendererDir}-evil/index.html`).href)],
      ['a path escaping with ..', top(`${pathToFileURL(rendererDir).href}/../main/index.html`)],
      ['an encoded traversal', top(`${pathToFileURL(rendererDir).href}/..%2F..%2Fevil.html`)],
      ['a file URL with a host', top(`file://evil.example${rendererDir}/index.html`)],
      ['about:blank', top('about:blank')],
      ['a data: URL', top('data:text/html,<script>1</script>')],
      ['a dev server URL when not in dev', top('http://localhost:5173/')],
      ['a subframe of the app page', { url: appPage, parent: { url: appPage } }],
      ['a destroyed frame', null],
      ['an unparsable URL', top('not a url')],
    ];
    it.each(foreign)('rejects %s', async (_label, frame) => {
      const { call, reached, warnings } = setUp();
      for (const channel of INVOKE_CHANNELS) {
        const args =
          channel === IPC_CHANNELS.saveExport
            ? [{ suggestedName: 'c.json', contents: '{}' }]
            : channel === IPC_CHANNELS.writeSnapshot
              ? [{ info: { corpusId: 'c', takenAt: '2026-11-29T10:15:00.000Z', reason: 'manual', documents: 0, spans: 0 }, json: '{}', keep: 1 }]
              : channel === IPC_CHANNELS.listSnapshots || channel === IPC_CHANNELS.readSnapshot || channel === IPC_CHANNELS.deleteSnapshots
                ? [{ corpusId: 'c', id: '2026-11-29T10-15-00.000Z.manual.0d.0s.isnad.json' }]
                : [];
        await expect(call(channel, frame, ...args)).rejects.toBeInstanceOf(UntrustedSenderError);
      }
      expect(reached).toEqual([]);
      expect(warnings).toHaveLength(INVOKE_CHANNELS.length);
    });

    it('accepts the dev server origin only in dev, and only that origin', async () => {
      const dev = setUp({ origin: { rendererDir, devServerUrl: 'http://localhost:5173' } });
      await expect(dev.call(IPC_CHANNELS.getAppInfo, top('http://localhost:5173/'))).resolves.toBeTruthy();
      await expect(dev.call(IPC_CHANNELS.getAppInfo, top('http://localhost:5173/src/x.html?y#z'))).resolves.toBeTruthy();
      await expect(dev.call(IPC_CHANNELS.getAppInfo, top('http://localhost:5174/'))).rejects.toBeInstanceOf(UntrustedSenderError);
      await expect(dev.call(IPC_CHANNELS.getAppInfo, top('https://localhost:5173/'))).rejects.toBeInstanceOf(UntrustedSenderError);
      await expect(dev.call(IPC_CHANNELS.getAppInfo, top('http://127.0.0.1:5173/'))).rejects.toBeInstanceOf(UntrustedSenderError);
    });

    it('refuses openArticleFolder from a foreign page before showing any dialog', async () => {
      const { call, reached, warnings } = setUp();
      const promise = call(IPC_CHANNELS.openArticleFolder, top('https://evil.example/'));
      await expect(promise).rejects.toBeInstanceOf(UntrustedSenderError);
      await expect(promise).rejects.toThrow(/^Refused isnad:open-article-folder: the sender \(https:\/\/evil\.example\/\) is not an Isnad window/);
      await expect(call(IPC_CHANNELS.openArticleFolder, { url: appPage, parent: { url: appPage } })).rejects.toBeInstanceOf(
        UntrustedSenderError,
      );
      expect(reached).toEqual([]);
      expect(warnings).toHaveLength(2);
    });

    it('checks the sender before the payload', async () => {
      const { call } = setUp();
      await expect(call(IPC_CHANNELS.saveExport, top('https://evil.example/'), 'garbage')).rejects.toBeInstanceOf(
        UntrustedSenderError,
      );
    });
  });

  it('refuses to answer outside the contract when a handler misbehaves', async () => {
    const registered = new Map<string, Listener>();
    registerIpcHandlers(
      { handle: (channel, listener) => registered.set(channel, listener as Listener) },
      {
        openArticleFiles: async () => ({ files: [{ name: 'x', bytes: new Uint8Array(), error: 'both' }] }) as never,
        openArticleFolder: async () => ({ cancelled: true, files: [] }) as never,
        openDatasetFiles: async () => ({ files: [{ name: 'x', error: '' }] }),
        openDatasetFolder: async () => ({ files: [], skipped: [] }) as never,
        saveExport: async () => ({ saved: true, path: '' }),
        getAppInfo: () => ({ version: '1', platform: 'linux', secret: 'leak' }) as never,
        writeSnapshot: async () => ({ id: '../escape.json' }),
        listSnapshots: async () => ({ snapshots: [{ id: 'x' }] }) as never,
        readSnapshot: async () => ({ json: '{}', missing: true }) as never,
        deleteSnapshots: async () => ({ deleted: -1 }),
        setMenuLanguage: () => 'ar' as never,
      },
      { origin, warn: () => undefined },
    );
    const event = { senderFrame: top(appPage) };
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.openArticleFiles)?.(event))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.openArticleFolder)?.(event))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.openDatasetFiles)?.(event))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.openDatasetFolder)?.(event))).rejects.toThrow(/Internal error/);
    await expect(
      Promise.resolve(registered.get(IPC_CHANNELS.saveExport)?.(event, { suggestedName: 'a.json', contents: '' })),
    ).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.getAppInfo)?.(event))).rejects.toThrow(/Internal error/);
    const info = { corpusId: 'c', takenAt: '2026-11-29T10:15:00.000Z', reason: 'manual', documents: 0, spans: 0 };
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.writeSnapshot)?.(event, { info, json: '{}', keep: 1 }))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.listSnapshots)?.(event, { corpusId: 'c' }))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.readSnapshot)?.(event, { corpusId: 'c', id: '2026-11-29T10-15-00.000Z.manual.0d.0s.isnad.json' }))).rejects.toThrow(/Internal error/);
    await expect(Promise.resolve(registered.get(IPC_CHANNELS.deleteSnapshots)?.(event, { corpusId: 'c' }))).rejects.toThrow(/Internal error/);
  });
});
