using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocLint.Core.Reporting;

/// <summary>The one way machine formats write JSON: indented with '\n', non-ASCII kept readable.</summary>
public static class JsonOutput
{
    /// <summary>
    /// How much a writer over a stream holds before <see cref="FlushWhenFull"/> hands it on: a
    /// <see cref="Utf8JsonWriter"/> over a stream keeps everything in one buffer until it is flushed, and that
    /// buffer grows by copying.
    /// </summary>
    public const int FlushBytes = 64 * 1024;

    /// <summary>Writes what the writer holds to its stream once it holds <see cref="FlushBytes"/>, so its buffer is reused instead of grown.</summary>
    public static void FlushWhenFull(this Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushBytes)
        {
            json.Flush();
        }
    }

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, Options);

    public static Utf8JsonWriter CreateWriter(System.Buffers.IBufferWriter<byte> buffer) => new(buffer, Options);

    public static void WriteTo(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var document = Open(writer);
        write(document.Json);
    }

    /// <summary>
    /// A JSON document written into <paramref name="writer"/> a piece at a time, as a run goes on; disposing it
    /// ends the document with a line end. A file is written straight into its stream rather than built in memory
    /// first; any other writer (standard output, a test's StringWriter) gets the JSON decoded into it as the JSON
    /// writer flushes, a buffer at a time.
    /// </summary>
    public static JsonDocumentWriter Open(TextWriter writer)
    {
        if (writer is StreamWriter { Encoding: UTF8Encoding } file)
        {
            file.Flush();
            return new JsonDocumentWriter(writer, file.BaseStream, ownsStream: false);
        }

        return new JsonDocumentWriter(writer, new DecodingStream(writer), ownsStream: true);
    }

    /// <summary>An open JSON document (<see cref="Open"/>).</summary>
    public sealed class JsonDocumentWriter : IDisposable
    {
        private readonly TextWriter _writer;
        private readonly Stream _stream;
        private readonly bool _ownsStream;

        internal JsonDocumentWriter(TextWriter writer, Stream stream, bool ownsStream)
        {
            _writer = writer;
            _stream = stream;
            _ownsStream = ownsStream;
            Json = CreateWriter(stream);
        }

        public Utf8JsonWriter Json { get; }

        public void Dispose()
        {
            Json.Dispose();
            if (_ownsStream)
            {
                _stream.Dispose();
            }

            _writer.Write('\n');
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/> (a character split between writes is kept for the next).</summary>
    private sealed class DecodingStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length + 4);
            try
            {
                var count = _decoder.GetChars(buffer, chars, flush: false);
                writer.Write(chars, 0, count);
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
