using System.Collections.Immutable;

namespace DocLint.Core.Vale;

/// <summary>One <c>key = value</c> line of a .vale.ini, with its line (zero-based) for error messages.</summary>
public sealed record ValeIniEntry(string Key, string Value, int Line);

/// <summary>A section of a .vale.ini: the global one (no glob) or a <c>[glob]</c> one, its entries in file order.</summary>
public sealed record ValeIniSection(string? Glob, ImmutableArray<ValeIniEntry> Entries, int Line)
{
    public string? Get(string key) => Entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>
/// A .vale.ini as Vale's INI dialect writes it: <c>key = value</c> lines, <c>[section]</c> headers, <c>#</c> and
/// <c>;</c> comments, values in optional double quotes, a trailing backslash continuing a value on the next line.
/// </summary>
public sealed record ValeIni(string Path, ImmutableArray<ValeIniSection> Sections, ImmutableArray<string> Problems)
{
    /// <summary>The names Vale looks for in each folder, in its order (a folder named so, such as a <c>.vale</c> of styles, is passed over).</summary>
    public static ImmutableArray<string> FileNames { get; } = [".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini"];

    public ValeIniSection Global => Sections[0];

    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <summary>
    /// True when the path names a Vale configuration file: one of <see cref="FileNames"/> or any <c>*.ini</c> by name; a <c>.yaml</c>/<c>.yml</c> file never; any other existing file
    /// when its first meaningful line is INI (a <c>[section]</c> header or <c>key = value</c>) rather than YAML.
    /// </summary>
    public static bool IsValeConfigPath(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (path.EndsWith(".ini", StringComparison.OrdinalIgnoreCase) || FileNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return File.Exists(path) && LooksLikeIni(Workspace.RegularFile.ReadAllText(path, Engine.Limits.MaxYamlBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when the first line that is not blank or a comment is a <c>[section]</c> header or <c>key = value</c> (an <c>=</c> before any <c>:</c>).</summary>
    public static bool LooksLikeIni(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                return line.EndsWith(']');
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return equals > 0 && (colon < 0 || equals < colon);
        }

        return false;
    }

    /// <summary>The nearest file of one of <see cref="FileNames"/> from <paramref name="directory"/> upwards, as Vale searches; null when there is none.</summary>
    public static string? Find(string directory)
    {
        for (var dir = directory; !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            foreach (var name in FileNames)
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static ValeIni Parse(string path, string text)
    {
        var sections = new List<ValeIniSection>();
        var problems = new List<string>();
        string? glob = null;
        var sectionLine = 0;
        var entries = ImmutableArray.CreateBuilder<ValeIniEntry>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i;
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                if (close < 0)
                {
                    problems.Add($"{path}:{i + 1}: a section header needs a closing ']'");
                    continue;
                }

                sections.Add(new ValeIniSection(glob, entries.ToImmutable(), sectionLine));
                entries.Clear();
                glob = line[1..close].Trim();
                sectionLine = i;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                problems.Add($"{path}:{i + 1}: expected 'key = value'");
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            while (value.EndsWith('\\') && i + 1 < lines.Length)
            {
                value = value[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            entries.Add(new ValeIniEntry(key, Unquote(StripComment(value)), number));
        }

        sections.Add(new ValeIniSection(glob, entries.ToImmutable(), sectionLine));
        return new ValeIni(path, [.. sections], [.. problems]);
    }

    /// <summary>A comment after a value starts with " #" or " ;" (Vale's INI reader).</summary>
    private static string StripComment(string value)
    {
        if (value.StartsWith('"'))
        {
            return value;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i].TrimEnd();
            }
        }

        return value;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>A comma-separated list value, its items trimmed, empty ones dropped.</summary>
    /// <summary>
    /// A list of patterns (<c>TokenIgnores</c>, <c>BlockIgnores</c>): split at commas, except one escaped as <c>\,</c>, which
    /// stands for a comma in its pattern (<c>[a-z]{2\,}</c>).
    /// </summary>
    public static ImmutableArray<string> PatternList(string? value) => value is null ? [] : SplitUnescaped(value, ',', trim: true);

    /// <summary>
    /// <paramref name="value"/> split at each <paramref name="separator"/> not escaped with a backslash (an escaped one stands
    /// for itself), the pieces trimmed when asked, empty ones left out.
    /// </summary>
    public static ImmutableArray<string> SplitUnescaped(string value, char separator, bool trim)
    {
        var pieces = ImmutableArray.CreateBuilder<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] == separator)
            {
                current.Append(separator);
                i++;
            }
            else if (value[i] == separator)
            {
                Add();
            }
            else
            {
                current.Append(value[i]);
            }
        }

        Add();
        return pieces.ToImmutable();

        void Add()
        {
            var piece = trim ? current.ToString().Trim() : current.ToString();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            current.Clear();
        }
    }

    public static ImmutableArray<string> List(string? value) =>
        value is null ? [] : [.. value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
}
