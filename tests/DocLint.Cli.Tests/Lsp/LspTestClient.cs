using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DocLint.Cli.Lsp;

namespace DocLint.Cli.Tests.Lsp;

/// <summary>An LSP error answered to a request.</summary>
internal sealed class LspError(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>
/// A client that drives <see cref="LanguageServer"/> in-process over a pair of pipes, with its own framing:
/// requests wait for their responses; notifications and the server's requests are queued for the test.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly Stream _output;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentDictionary<string, Channel<JsonObject>> _diagnostics = new(StringComparer.Ordinal);
    private readonly LanguageServer _server;
    private readonly Task _reading;
    private int _nextId;

    public LspTestClient(string fallbackRoot)
    {
        _output = _toServer.Writer.AsStream();
        _input = _fromServer.Reader.AsStream();
        _server = new LanguageServer(_toServer.Reader.AsStream(), _fromServer.Writer.AsStream(), new LanguageServerOptions { FallbackRoot = fallbackRoot });
        Run = Task.Run(async () =>
        {
            var code = await _server.RunAsync();
            await _fromServer.Writer.CompleteAsync();
            return code;
        });
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>The server's run: its exit code once it stops.</summary>
    public Task<int> Run { get; }

    /// <summary>Every notification and server request seen, in order (also those already consumed).</summary>
    public ConcurrentQueue<JsonObject> Seen { get; } = new();

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var message = await response.Task.WaitAsync(Timeout);
        if (message["error"] is JsonObject error)
        {
            throw new LspError((int)error["code"]!, (string)error["message"]!);
        }

        return message["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters = null) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendAsync(JsonObject message) => SendRawAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    /// <summary>Sends a body in a frame of its own, whatever it holds.</summary>
    public async Task SendRawAsync(byte[] body)
    {
        await _output.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await _output.WriteAsync(body);
        await _output.FlushAsync();
    }

    /// <summary>Sends bytes as they are (no frame).</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await _output.WriteAsync(bytes);
        await _output.FlushAsync();
    }

    /// <summary>Closes the server's input, as a client that dies does.</summary>
    public Task CloseInputAsync() => _toServer.Writer.CompleteAsync().AsTask();

    /// <summary>The next notification (or server request) that matches, skipping the others.</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await _notifications.Reader.ReadAsync(timeout.Token);
            if (match(message))
            {
                return message;
            }
        }
    }

    /// <summary>The next diagnostics published for <paramref name="uri"/> (at <paramref name="version"/> when given), in the order published for that document.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, int? version = null)
    {
        var published = DiagnosticsOf(uri);
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await published.Reader.ReadAsync(timeout.Token);
            if (version is null || (int?)message["params"]!["version"] == version)
            {
                return (JsonArray)message["params"]!["diagnostics"]!;
            }
        }
    }

    private Channel<JsonObject> DiagnosticsOf(string uri) => _diagnostics.GetOrAdd(uri, _ => Channel.CreateUnbounded<JsonObject>());

    public async Task<JsonObject> InitializeAsync(string? rootPath, JsonObject? capabilities = null, JsonObject? initializationOptions = null, int? processId = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = processId,
            ["rootUri"] = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = capabilities ?? new JsonObject(),
            ["initializationOptions"] = initializationOptions,
        });
        await NotifyAsync("initialized", new JsonObject());
        return (JsonObject)result!;
    }

    public Task OpenAsync(string uri, string languageId, string text, int version = 1) => NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
    });

    public Task ChangeAsync(string uri, int version, params JsonObject[] changes) => NotifyAsync("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray([.. changes]),
    });

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await CloseInputAsync();
        }

        await Run.WaitAsync(Timeout);
        await _reading.WaitAsync(Timeout);
        _server.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        while (true)
        {
            var body = await ReadFrameAsync(buffer, chunk);
            if (body is null)
            {
                _notifications.Writer.TryComplete();
                return;
            }

            var message = (JsonObject)JsonNode.Parse(body)!;
            if (message.ContainsKey("method"))
            {
                Seen.Enqueue(message);
                if ((string?)message["method"] == "textDocument/publishDiagnostics")
                {
                    DiagnosticsOf((string)message["params"]!["uri"]!).Writer.TryWrite(message);
                }

                _notifications.Writer.TryWrite(message);
            }
            else if (message["id"] is JsonValue id && id.TryGetValue(out int n) && _pending.TryRemove(n, out var waiting))
            {
                waiting.SetResult(message);
            }
            else
            {
                Seen.Enqueue(message);
                _notifications.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>One frame's body: the header is read byte by byte up to the blank line, then Content-Length bytes.</summary>
    private async Task<byte[]?> ReadFrameAsync(List<byte> buffer, byte[] chunk)
    {
        while (true)
        {
            var text = Encoding.ASCII.GetString([.. buffer]);
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0)
            {
                var header = text[..headerEnd];
                var length = int.Parse(header.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                var start = headerEnd + 4;
                if (buffer.Count >= start + length)
                {
                    var body = buffer.GetRange(start, length).ToArray();
                    buffer.RemoveRange(0, start + length);
                    return body;
                }
            }

            var read = await _input.ReadAsync(chunk);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }
}
