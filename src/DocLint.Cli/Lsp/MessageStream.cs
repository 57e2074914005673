using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocLint.Cli.Lsp;

/// <summary>
/// The base protocol of JSON-RPC over a stream: a header (<c>Content-Length: N</c>, other fields ignored),
/// an empty line, then N bytes of UTF-8 JSON. Reading never throws on bad input: a frame that is not JSON
/// comes back as <see cref="Frame.Malformed"/>, and only the end of the stream ends reading.
/// </summary>
internal sealed class MessageReader(Stream input)
{
    /// <summary>A frame larger than this is skipped, not buffered.</summary>
    public const int MaxContentLength = 64 << 20;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>One frame: its JSON, or why it could not be read.</summary>
    public readonly record struct Frame(JsonNode? Message, string? Malformed);

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public async Task<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (length is null)
                {
                    // Stray blank lines between frames are tolerated.
                    continue;
                }

                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            }
        }

        if (length is < 0 or > MaxContentLength)
        {
            if (length > MaxContentLength && !await SkipAsync(length.Value, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new Frame(null, length < 0 ? "invalid Content-Length" : $"message of {length} bytes is larger than the limit of {MaxContentLength}");
        }

        var body = ArrayPool<byte>.Shared.Rent(Math.Max(1, length!.Value));
        try
        {
            if (!await ReadExactlyAsync(body.AsMemory(0, length.Value), cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            try
            {
                return new Frame(JsonNode.Parse(body.AsSpan(0, length.Value)), null);
            }
            catch (JsonException ex)
            {
                return new Frame(null, "parse error: " + ex.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <summary>A header line without its CR LF (a bare LF is accepted too); null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var end = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.ASCII.GetString(_buffer, _start, end - _start);
                _start = newline + 1;
                return line;
            }

            if (_end - _start == _buffer.Length)
            {
                // A "header line" of 64 KiB is garbage: drop it and keep looking.
                _start = _end = 0;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    private async Task<bool> ReadExactlyAsync(Memory<byte> target, CancellationToken cancellationToken)
    {
        var buffered = Math.Min(target.Length, _end - _start);
        _buffer.AsMemory(_start, buffered).CopyTo(target);
        _start += buffered;
        var filled = buffered;
        while (filled < target.Length)
        {
            var read = await input.ReadAsync(target[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }

    private async Task<bool> SkipAsync(int length, CancellationToken cancellationToken)
    {
        var rest = length;
        while (rest > 0)
        {
            if (_end == _start && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var take = Math.Min(rest, _end - _start);
            _start += take;
            rest -= take;
        }

        return true;
    }
}

/// <summary>Writes frames; safe to call from several threads (one frame at a time).</summary>
internal sealed class MessageWriter(Stream output) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _body = new(4096);

    public void Dispose() => _lock.Dispose();

    public async Task WriteAsync(JsonNode message)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            _body.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                message.WriteTo(json);
            }

            var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {_body.WrittenCount}\r\n\r\n"));
            await output.WriteAsync(header).ConfigureAwait(false);
            await output.WriteAsync(_body.WrittenMemory).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
