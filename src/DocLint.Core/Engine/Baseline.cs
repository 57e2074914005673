using System.Text.Json;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;

namespace DocLint.Core.Engine;

/// <summary>
/// Today's findings, recorded so that a later run reports only new ones. Each finding is kept by path
/// (relative to the baseline's folder), rule id and stable fingerprint (rule, normalised words, sentence,
/// occurrence), not by line, so edits elsewhere in a file leave it matched.
/// </summary>
public sealed class Baseline
{
    public const int Version = 1;

    private readonly HashSet<(string Path, string Id, string Fingerprint)> _entries;

    private Baseline(HashSet<(string, string, string)> entries) => _entries = entries;

    public int Count => _entries.Count;

    public static void Write(Stream stream, IEnumerable<Diagnostic> diagnostics, string folder)
    {
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteStartArray("findings");
        foreach (var d in diagnostics.Where(d => d.Fingerprint is not null && !d.IsSuppressed))
        {
            json.WriteStartObject();
            json.WriteString("path", Relative(d.Path, folder));
            json.WriteString("id", d.Id);
            json.WriteString("fingerprint", d.Fingerprint);
            json.WriteString("text", d.MatchedText ?? d.Snippet ?? "");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a baseline; throws <see cref="InvalidDataException"/> with a reason when it is not one.</summary>
    public static Baseline Read(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
            {
                throw new InvalidDataException($"not a version {Version} DocLint baseline");
            }

            var entries = new HashSet<(string, string, string)>();
            foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
            {
                entries.Add((Text(f, "path"), Text(f, "id"), Text(f, "fingerprint")));
            }

            return new Baseline(entries);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a DocLint baseline: {ex.Message}", ex);
        }
    }

    private static string Text(JsonElement finding, string name) =>
        finding.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new InvalidDataException($"not a DocLint baseline: a finding's '{name}' is not a string");

    /// <summary>Marks each finding new or unchanged; returns them and how many baselined findings are gone.</summary>
    public (List<Diagnostic> Diagnostics, int Fixed) Apply(IEnumerable<Diagnostic> diagnostics, string folder)
    {
        var seen = new HashSet<(string, string, string)>();
        var marked = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (d.Fingerprint is null)
            {
                marked.Add(d);
                continue;
            }

            var key = (Relative(d.Path, folder), d.Id, d.Fingerprint);
            var known = _entries.Contains(key);
            if (known)
            {
                seen.Add(key);
            }

            marked.Add(d with { Baseline = known ? BaselineState.Unchanged : BaselineState.New });
        }

        return (marked, _entries.Count - seen.Count);
    }

    private static string Relative(string path, string folder) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(folder, path).Replace('\\', '/') : path;
}
