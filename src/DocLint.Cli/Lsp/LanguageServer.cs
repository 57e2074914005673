using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Text;
using Diagnostic = DocLint.Core.Diagnostics.Diagnostic;

namespace DocLint.Cli.Lsp;

/// <summary>What the server is started with.</summary>
internal sealed record LanguageServerOptions
{
    /// <summary>The folder used when the client names no workspace folder and a document is not a file.</summary>
    public string FallbackRoot { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where the server logs problems of its own (standard error for the command).</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>
/// DocLint's language server (LSP 3.17) over a pair of streams. Messages are read on one task and handled in
/// order on another; documents are linted on a third, newest version first: edits that arrive while a lint
/// runs are coalesced into one lint of the latest text (plus an optional quiet period, <c>debounceMs</c>).
/// Bad input is answered with an error and never stops the server; the end of the input or the death of
/// the client's process does.
/// </summary>
internal sealed partial class LanguageServer : IDisposable
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly LanguageServerOptions _options;
    private readonly Channel<JsonObject> _queue = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    /// <summary>Requests read but not yet answered, by id: true once cancelled. Cancels of other ids are dropped, so nothing accumulates.</summary>
    private readonly ConcurrentDictionary<string, bool> _queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DocumentState> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lintSignal = new(0);
    private readonly SemaphoreSlim _problemsLock = new(1, 1);
    private readonly Dictionary<string, string> _publishedProblems = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly LintWorkspace _workspace;
    private PositionEncoding _encoding = PositionEncoding.Utf16;
    private bool _initialized;
    private bool _shutdown;
    private bool _exited;
    private bool _pull;
    private bool _refreshSupport;
    private bool _dynamicWatchers;
    private int _debounceMs;
    private int _changes;
    private int _nextRequestId;

    public LanguageServer(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        _reader = new MessageReader(input);
        _writer = new MessageWriter(output);
        _options = options ?? new LanguageServerOptions();
        _workspace = new LintWorkspace(_options.FallbackRoot);
    }

    public void Dispose()
    {
        _lintSignal.Dispose();
        _problemsLock.Dispose();
        _stop.Dispose();
        _writer.Dispose();
    }

    /// <summary>One open document, its latest lint, and the lock that guards both.</summary>
    private sealed class DocumentState(LspDocument document)
    {
        public LspDocument Document { get; } = document;

        public Lint? Last { get; set; }
    }

    /// <summary>The findings of one version of a document, with the text they were found in.</summary>
    private sealed record Lint(SourceText Source, int Version, int Generation, ImmutableArray<Diagnostic> Diagnostics, string Reader);

    /// <summary>Serves until <c>exit</c>, the end of the input, or the client's death; the process exit code (0 after a shutdown, else 1).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        _ = ReadLoopAsync(linked.Token);
        var linting = Task.Run(() => LintLoopAsync(linked.Token), CancellationToken.None);
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                await HandleAsync(message).ConfigureAwait(false);
                if (_exited)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client died or the caller stopped the server.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await linting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return _shutdown ? 0 : 1;
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
            {
                if (frame.Message is JsonObject message)
                {
                    // Cancellation is seen as soon as it is read, so that a request still queued is answered at once.
                    var method = message["method"] is JsonValue m && m.TryGetValue(out string? name) ? name : null;
                    if (method == "$/cancelRequest")
                    {
                        if (message["params"]?["id"] is { } id)
                        {
                            _queued.TryUpdate(id.ToJsonString(), true, false);
                        }

                        continue;
                    }

                    if (method is not null && message["id"] is JsonValue requestId)
                    {
                        _queued[requestId.ToJsonString()] = false;
                    }

                    _queue.Writer.TryWrite(message);
                }
                else
                {
                    await SendErrorAsync(null, LspErrors.ParseError, frame.Malformed ?? "a message must be a JSON object").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The client closed the pipe.
        }

        _queue.Writer.TryComplete();
    }

    private async Task HandleAsync(JsonObject message)
    {
        var method = message["method"] is JsonValue m && m.TryGetValue(out string? name) ? name : null;
        var id = message["id"];
        if (method is null)
        {
            if (id is not null && (message.ContainsKey("result") || message.ContainsKey("error")))
            {
                return; // A response to one of the server's requests: nothing waits for it.
            }

            await SendErrorAsync(id?.DeepClone(), LspErrors.InvalidRequest, "a message needs a method").ConfigureAwait(false);
            return;
        }

        var parameters = message["params"];
        if (!message.ContainsKey("id"))
        {
            try
            {
                await NotifyAsync(method, parameters).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await LogAsync($"{method}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            }

            return;
        }

        if (id is not JsonValue idValue || (idValue.GetValueKind() is not (System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String)))
        {
            await SendErrorAsync(null, LspErrors.InvalidRequest, "a request id must be a number or a string").ConfigureAwait(false);
            return;
        }

        if (_queued.TryRemove(id.ToJsonString(), out var cancelled) && cancelled)
        {
            await SendErrorAsync(id.DeepClone(), LspErrors.RequestCancelled, "request cancelled").ConfigureAwait(false);
            return;
        }

        JsonNode? result;
        try
        {
            result = await RequestAsync(method, parameters).ConfigureAwait(false);
        }
        catch (LspException ex)
        {
            await SendErrorAsync(id.DeepClone(), ex.Code, ex.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await LogAsync($"{method}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            await SendErrorAsync(id.DeepClone(), LspErrors.InternalError, $"{ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return;
        }

        await _writer.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result }).ConfigureAwait(false);
    }

    private async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters)
    {
        if (method == "initialize")
        {
            if (_initialized)
            {
                throw new LspException(LspErrors.InvalidRequest, "the server is already initialized");
            }

            return Initialize(parameters);
        }

        if (!_initialized)
        {
            throw new LspException(LspErrors.ServerNotInitialized, "the server is not initialized");
        }

        if (_shutdown)
        {
            throw new LspException(LspErrors.InvalidRequest, "the server is shut down");
        }

        switch (method)
        {
            case "shutdown":
                _shutdown = true;
                return null;
            case "textDocument/codeAction":
                return CodeActions(parameters);
            case "textDocument/hover":
                return Hover(parameters);
            case "textDocument/diagnostic" when _pull:
                return PullDiagnostics(parameters);
            default:
                await Task.CompletedTask.ConfigureAwait(false);
                throw new LspException(LspErrors.MethodNotFound, $"unknown method '{method}'");
        }
    }

    private async Task NotifyAsync(string method, JsonNode? parameters)
    {
        if (method == "exit")
        {
            _exited = true;
            return;
        }

        if (!_initialized || _shutdown)
        {
            return;
        }

        switch (method)
        {
            case "initialized":
                await InitializedAsync().ConfigureAwait(false);
                break;
            case "textDocument/didOpen":
                Open(parameters);
                break;
            case "textDocument/didChange":
                Change(parameters);
                break;
            case "textDocument/didClose":
                await CloseAsync(parameters).ConfigureAwait(false);
                break;
            case "workspace/didChangeWatchedFiles":
                if (parameters?["changes"] is JsonArray changes && changes.Any(c => IsConfigurationFile(UriString(c?["uri"]))))
                {
                    await ReloadAsync().ConfigureAwait(false);
                }

                break;
            case "workspace/didChangeConfiguration":
                ReadSettings(parameters?["settings"]?["doclint"]);
                await ReloadAsync().ConfigureAwait(false);
                break;
            case "workspace/didChangeWorkspaceFolders":
                foreach (var removed in (parameters?["event"]?["removed"] as JsonArray ?? []).Select(f => PathOf(UriString(f?["uri"]))).OfType<string>())
                {
                    _workspace.RemoveRoot(removed);
                }

                foreach (var added in (parameters?["event"]?["added"] as JsonArray ?? []).Select(f => PathOf(UriString(f?["uri"]))).OfType<string>())
                {
                    _workspace.AddRoot(added);
                }

                await ReloadAsync().ConfigureAwait(false);
                break;
            default:
                break; // Unknown notifications, $/setTrace and $/progress among them, are ignored.
        }
    }

    private JsonObject Initialize(JsonNode? parameters)
    {
        var capabilities = parameters?["capabilities"];
        var offered = capabilities?["general"]?["positionEncodings"] as JsonArray;
        _encoding = offered?.Any(e => e is JsonValue v && v.TryGetValue(out string? s) && s == "utf-8") == true ? PositionEncoding.Utf8 : PositionEncoding.Utf16;
        _pull = capabilities?["textDocument"]?["diagnostic"] is JsonObject;
        _refreshSupport = Flag(capabilities?["workspace"]?["diagnostics"]?["refreshSupport"]);
        _dynamicWatchers = Flag(capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]);
        ReadSettings(parameters?["initializationOptions"]);

        var folders = (parameters?["workspaceFolders"] as JsonArray)?.Select(f => PathOf(UriString(f?["uri"]))).OfType<string>().ToList() ?? [];
        if (folders.Count == 0 && PathOf(UriString(parameters?["rootUri"])) is { } rootUri)
        {
            folders.Add(rootUri);
        }
        else if (folders.Count == 0 && parameters?["rootPath"] is JsonValue rootPath && rootPath.TryGetValue(out string? root) && Path.IsPathRooted(root))
        {
            folders.Add(root);
        }

        foreach (var folder in folders)
        {
            _workspace.AddRoot(folder);
        }

        if (parameters?["processId"] is JsonValue pid && pid.TryGetValue(out int processId) && processId != Environment.ProcessId)
        {
            _ = WatchClientAsync(processId, _stop.Token);
        }

        _initialized = true;
        var serverCapabilities = new JsonObject
        {
            ["positionEncoding"] = _encoding == PositionEncoding.Utf8 ? "utf-8" : "utf-16",
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JsonObject { ["includeText"] = false } },
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix", FixAllKind) },
            ["hoverProvider"] = true,
            ["workspace"] = new JsonObject { ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true } },
        };
        if (_pull)
        {
            serverCapabilities["diagnosticProvider"] = new JsonObject { ["identifier"] = "doclint", ["interFileDependencies"] = false, ["workspaceDiagnostics"] = false };
        }

        return new JsonObject
        {
            ["capabilities"] = serverCapabilities,
            ["serverInfo"] = new JsonObject { ["name"] = "doclint", ["version"] = ToolInfo.Version },
        };
    }

    private async Task InitializedAsync()
    {
        if (_dynamicWatchers)
        {
            var watchers = new JsonArray(
                new JsonObject { ["globPattern"] = "**/" + Core.Configuration.DocLintConfigFile.FileName },
                new JsonObject { ["globPattern"] = "**/.editorconfig" },
                new JsonObject { ["globPattern"] = "**/*.{yaml,yml}" });
            await SendRequestAsync("client/registerCapability", new JsonObject
            {
                ["registrations"] = new JsonArray(new JsonObject
                {
                    ["id"] = "doclint-configuration-files",
                    ["method"] = "workspace/didChangeWatchedFiles",
                    ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
                }),
            }).ConfigureAwait(false);
        }
    }

    private void ReadSettings(JsonNode? settings)
    {
        if (settings?["debounceMs"] is JsonValue debounce && debounce.TryGetValue(out int ms) && ms >= 0)
        {
            _debounceMs = Math.Min(ms, 10_000);
        }
    }

    private void Open(JsonNode? parameters)
    {
        var item = parameters?["textDocument"] ?? throw new LspException(LspErrors.InvalidParams, "no textDocument");
        var uri = UriString(item["uri"]) ?? throw new LspException(LspErrors.InvalidParams, "no uri");
        var languageId = item["languageId"] is JsonValue l && l.TryGetValue(out string? lang) ? lang : "";
        var version = item["version"] is JsonValue v && v.TryGetValue(out int n) ? n : 0;
        var text = item["text"] is JsonValue t && t.TryGetValue(out string? s) ? s : "";
        var document = new LspDocument(uri, PathOf(uri) ?? NameOf(uri, languageId), languageId, version, text);
        _documents[uri] = new DocumentState(document);
        MarkDirty(uri);
    }

    private void Change(JsonNode? parameters)
    {
        var uri = UriString(parameters?["textDocument"]?["uri"]) ?? throw new LspException(LspErrors.InvalidParams, "no uri");
        if (!_documents.TryGetValue(uri, out var state))
        {
            return;
        }

        var version = parameters?["textDocument"]?["version"] is JsonValue v && v.TryGetValue(out int n) ? n : state.Document.Version + 1;
        var changes = parameters?["contentChanges"] as JsonArray ?? throw new LspException(LspErrors.InvalidParams, "no contentChanges");
        lock (state)
        {
            state.Document.Apply(version, changes, _encoding);
        }

        MarkDirty(uri);
    }

    private async Task CloseAsync(JsonNode? parameters)
    {
        var uri = UriString(parameters?["textDocument"]?["uri"]);
        if (uri is not null && _documents.TryRemove(uri, out _) && !_pull)
        {
            await PublishAsync(uri, null, new JsonArray()).ConfigureAwait(false);
        }
    }

    private void MarkDirty(string uri)
    {
        Interlocked.Increment(ref _changes);
        if (_pull)
        {
            return; // The client asks when it wants them.
        }

        lock (_dirty)
        {
            _dirty.Add(uri);
        }

        _lintSignal.Release();
    }

    private async Task ReloadAsync()
    {
        _workspace.Reload();
        if (_pull)
        {
            if (_refreshSupport)
            {
                await SendRequestAsync("workspace/diagnostic/refresh", null).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var uri in _documents.Keys)
            {
                MarkDirty(uri);
            }
        }

        await PublishProblemsAsync().ConfigureAwait(false);
    }

    private async Task LintLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _lintSignal.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_debounceMs > 0)
            {
                // A quiet period: wait until no edit has arrived for debounceMs.
                int seen;
                do
                {
                    seen = Volatile.Read(ref _changes);
                    await Task.Delay(_debounceMs, cancellationToken).ConfigureAwait(false);
                }
                while (seen != Volatile.Read(ref _changes));
            }

            string[] uris;
            lock (_dirty)
            {
                uris = [.. _dirty];
                _dirty.Clear();
            }

            foreach (var uri in uris)
            {
                if (!_documents.TryGetValue(uri, out var state))
                {
                    continue;
                }

                try
                {
                    var lint = LintOf(state);
                    bool current;
                    lock (state)
                    {
                        current = lint.Version == state.Document.Version && _documents.ContainsKey(uri);
                    }

                    if (current)
                    {
                        await PublishAsync(uri, lint.Version, ToLsp(lint)).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    await LogAsync($"linting {uri}: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                }
            }

            if (uris.Length > 0)
            {
                await PublishProblemsAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The findings of the document's current version: the last lint when it is current, else a new one.</summary>
    private Lint LintOf(DocumentState state)
    {
        SourceText source;
        int version;
        var generation = _workspace.Generation;
        lock (state)
        {
            if (state.Last is { } last && last.Version == state.Document.Version && last.Generation == generation)
            {
                return last;
            }

            source = state.Document.Source;
            version = state.Document.Version;
        }

        var setup = _workspace.For(state.Document.Path);
        var result = setup.Engine.LintText(state.Document.Path, source.Text);
        var reader = Core.Documents.DocumentReaders.For(state.Document.Path, setup.Readers).Name;
        var lint = new Lint(source, version, generation, result.Diagnostics, reader);
        lock (state)
        {
            if (state.Document.Version == version)
            {
                state.Last = lint;
            }
        }

        return lint;
    }

    private JsonObject PullDiagnostics(JsonNode? parameters)
    {
        var uri = UriString(parameters?["textDocument"]?["uri"]) ?? throw new LspException(LspErrors.InvalidParams, "no uri");
        if (!_documents.TryGetValue(uri, out var state))
        {
            return new JsonObject { ["kind"] = "full", ["items"] = new JsonArray() };
        }

        var lint = LintOf(state);
        var resultId = $"{lint.Generation}:{lint.Version}:{lint.Diagnostics.Length}";
        if (parameters?["previousResultId"] is JsonValue previous && previous.TryGetValue(out string? p) && p == resultId)
        {
            return new JsonObject { ["kind"] = "unchanged", ["resultId"] = resultId };
        }

        return new JsonObject { ["kind"] = "full", ["resultId"] = resultId, ["items"] = ToLsp(lint) };
    }

    private async Task PublishAsync(string uri, int? version, JsonArray diagnostics)
    {
        var parameters = new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics };
        if (version is { } v)
        {
            parameters["version"] = v;
        }

        await SendNotificationAsync("textDocument/publishDiagnostics", parameters).ConfigureAwait(false);
    }

    /// <summary>Publishes the problems of configuration and rule files that changed since last published, and clears those now gone.</summary>
    private async Task PublishProblemsAsync()
    {
        await _problemsLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var problems = _workspace.Problems();
            foreach (var (path, list) in problems)
            {
                var key = string.Join('\n', list.Select(d => $"{d.LineSpan} {d.Severity} {d.Message}"));
                if (_publishedProblems.TryGetValue(path, out var published) && published == key)
                {
                    continue;
                }

                _publishedProblems[path] = key;
                var source = File.Exists(path) ? SourceText.From(await File.ReadAllTextAsync(path).ConfigureAwait(false)) : null;
                await PublishAsync(new Uri(path).AbsoluteUri, null, [.. list.Select(d => (JsonNode)ProblemToLsp(d, source))]).ConfigureAwait(false);
            }

            foreach (var gone in _publishedProblems.Keys.Where(p => !problems.ContainsKey(p)).ToList())
            {
                _publishedProblems.Remove(gone);
                await PublishAsync(new Uri(gone).AbsoluteUri, null, []).ConfigureAwait(false);
            }
        }
        finally
        {
            _problemsLock.Release();
        }
    }

    private async Task WatchClientAsync(int processId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                if (!IsAlive(processId))
                {
                    await LogAsync($"the client (process {processId}) is gone; stopping").ConfigureAwait(false);
                    await _stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private Task SendNotificationAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private Task SendRequestAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = $"doclint-{Interlocked.Increment(ref _nextRequestId)}", ["method"] = method, ["params"] = parameters });

    private Task SendErrorAsync(JsonNode? id, int code, string message) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private async Task WriteAsync(JsonObject message)
    {
        try
        {
            await _writer.WriteAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The client is gone: stop serving.
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task LogAsync(string message)
    {
        if (_options.Log is { } log)
        {
            await log.WriteLineAsync("doclint lsp: " + message).ConfigureAwait(false);
        }

        await SendNotificationAsync("window/logMessage", new JsonObject { ["type"] = 1, ["message"] = message }).ConfigureAwait(false);
    }

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;

    private static string? UriString(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>The local path of a file URI; null for any other URI.</summary>
    private static string? PathOf(string? uri) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    /// <summary>A name for a document that is not a file ("untitled:Untitled-1"), with the extension its language gives, to choose the reader.</summary>
    private static string NameOf(string uri, string languageId) => languageId switch
    {
        "markdown" when !uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase) => uri + ".md",
        "html" when !uri.EndsWith(".html", StringComparison.OrdinalIgnoreCase) => uri + ".html",
        _ => uri,
    };

    private static bool IsConfigurationFile(string? uri)
    {
        var name = uri is null ? "" : Uri.UnescapeDataString(uri[(uri.LastIndexOf('/') + 1)..]);
        return name is Core.Configuration.DocLintConfigFile.FileName or ".editorconfig"
            || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    }
}
