using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocLint.Core.Reporting;

/// <summary>The one way machine formats write JSON: indented with '\n', non-ASCII kept readable.</summary>
public static class JsonOutput
{
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteTo(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = CreateWriter(buffer))
        {
            write(json);
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }
}
