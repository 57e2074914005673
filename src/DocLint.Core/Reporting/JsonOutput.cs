using System.Text;
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

        using var buffer = new MemoryStream();
        using (var json = CreateWriter(buffer))
        {
            write(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }
}
