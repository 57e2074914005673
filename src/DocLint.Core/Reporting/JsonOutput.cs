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

    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteTo(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        if (writer is StreamWriter { Encoding: UTF8Encoding } file)
        {
            // A file: stream the JSON straight into it rather than building it in memory first.
            file.Flush();
            using (var direct = CreateWriter(file.BaseStream))
            {
                write(direct);
            }

            file.Write('\n');
            return;
        }

        // Any other writer (standard output, a test's StringWriter): the JSON is decoded into it as the writer
        // flushes, a buffer at a time, instead of being built whole in memory first.
        using (var decoding = new DecodingStream(writer))
        using (var json = CreateWriter(decoding))
        {
            write(json);
        }

        writer.Write('\n');
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
