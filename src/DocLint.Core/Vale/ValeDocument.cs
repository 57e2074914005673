using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// One unit of text a Vale rule runs on, as Vale builds it from markup: the prose of a block with its markup
/// removed (emphasis markers, link targets, list markers), inline code standing as '*' so words either side
/// never meet, and <see cref="Map"/> giving each character's offset in the source (one more entry for the end).
/// </summary>
public sealed class ValeUnit(string text, int[] map, string scope)
{
    public string Text { get; } = text;

    public int[] Map { get; } = map;

    /// <summary>What the unit is: paragraph, heading.h2, list, sentence, blockquote, table.cell, summary, raw…</summary>
    public string Scope { get; } = scope;

    /// <summary>The source span of the unit's characters [start, end).</summary>
    public TextSpan ToSource(int start, int end)
    {
        if (Text.Length == 0)
        {
            return new TextSpan(Map[0], 0);
        }

        var s = Map[Math.Min(start, Text.Length - 1)];
        var e = end <= start ? s : Map[end - 1] + 1;
        return TextSpan.FromBounds(s, Math.Max(s, e));
    }
}

/// <summary>
/// A document as Vale rules see it: its units per scope (built on first use, shared by every Vale rule), the
/// comment controls (<c>&lt;!-- vale off --&gt;</c>, <c>&lt;!-- vale Style.Rule = NO --&gt;</c>) and what
/// <c>TokenIgnores</c>, <c>BlockIgnores</c> leave out.
/// </summary>
public sealed partial class ValeDocument
{
    private static readonly ConditionalWeakTable<Document, ValeDocument> Cache = [];

    private readonly Document _document;
    private readonly bool[] _ignored;
    private readonly bool[] _code;
    private readonly Dictionary<string, ImmutableArray<ValeUnit>> _units = new(StringComparer.Ordinal);
    private readonly List<(int Position, string Target, bool Enabled)> _controls = [];
    private ImmutableArray<(Block Block, string Scope)> _blocks;

    private ValeDocument(Document document, ValeFileSettings settings)
    {
        _document = document;
        Settings = settings;
        var source = document.Source.Text;
        _ignored = new bool[source.Length];
        _code = new bool[source.Length];
        IsMarkup = IsMarkupPath(document.Path);
        if (IsMarkup)
        {
            foreach (Match m in CodeSpan().Matches(source))
            {
                Array.Fill(_code, true, m.Index, m.Length);
            }

            // Bare URLs (autolinks) are not text to Vale.
            foreach (Match m in BareUrl().Matches(source))
            {
                Array.Fill(_ignored, true, m.Index, m.Length);
            }

            foreach (Match m in ControlComment().Matches(source))
            {
                ParseControl(m.Index, m.Groups[1].Value);
            }

            foreach (var pattern in settings.BlockIgnores.Concat(settings.TokenIgnores))
            {
                foreach (Match m in pattern.Matches(source))
                {
                    Array.Fill(_ignored, true, m.Index, m.Length);
                }
            }
        }
    }

    public ValeFileSettings Settings { get; }

    /// <summary>Markdown or HTML (Vale reads headings, lists and comment controls only there).</summary>
    public bool IsMarkup { get; }

    public Document Document => _document;

    public static bool IsMarkupPath(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".md" or ".markdown" or ".mdx" or ".html" or ".htm" or ".xhtml";
    }

    public static ValeDocument For(Document document, ValeFileSettings settings) =>
        Cache.GetValue(document, d => new ValeDocument(d, settings));

    /// <summary>True when a comment control turns the rule off at <paramref name="position"/>.</summary>
    public bool IsDisabled(string rule, string style, int position)
    {
        if (_controls.Count == 0)
        {
            return false;
        }

        var allOff = false;
        bool? byRule = null;
        bool? byStyle = null;
        foreach (var (at, target, enabled) in _controls)
        {
            if (at > position)
            {
                break;
            }

            if (target.Length == 0)
            {
                allOff = !enabled;
            }
            else if (target == rule)
            {
                byRule = enabled;
            }
            else if (target == style)
            {
                // The later control wins: a style's setting overrides what came before for its rules.
                byStyle = enabled;
                byRule = null;
            }
        }

        return allOff || (byRule ?? byStyle ?? true) == false;
    }

    private void ParseControl(int position, string body)
    {
        var words = body.Trim();
        if (words.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            _controls.Add((position, "", false));
            return;
        }

        if (words.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            _controls.Add((position, "", true));
            return;
        }

        foreach (Match m in ControlSetting().Matches(words))
        {
            _controls.Add((position, m.Groups[1].Value, !m.Groups[2].Value.Equals("NO", StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>The blocks with the scope Vale gives each: paragraph, heading.hN, list, blockquote, table.header, table.cell.</summary>
    private ImmutableArray<(Block Block, string Scope)> Blocks
    {
        get
        {
            if (!_blocks.IsDefault)
            {
                return _blocks;
            }

            var builder = ImmutableArray.CreateBuilder<(Block, string)>();
            foreach (var block in _document.Blocks)
            {
                builder.Add((block, ScopeOf(block)));
            }

            return _blocks = builder.ToImmutable();
        }
    }

    private string ScopeOf(Block block)
    {
        var source = _document.Source.Text;
        switch (block.Kind)
        {
            case BlockKind.Heading when IsMarkup:
                return "heading.h" + HeadingLevel(source, block.Span.Start);
            case BlockKind.ListItem:
                return "list";
            case BlockKind.BlockQuote:
                return "blockquote";
            case BlockKind.Caption:
                return "caption";
            default:
                if (IsMarkup)
                {
                    var lineStart = source.LastIndexOf('\n', Math.Max(0, block.Span.Start - 1)) + 1;
                    if (block.Span.Start > 0 && source[lineStart..block.Span.Start].TrimStart().StartsWith('|'))
                    {
                        return "table.cell";
                    }
                }

                return "paragraph";
        }
    }

    private static int HeadingLevel(string source, int start)
    {
        var lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
        var prefix = source[lineStart..start];
        var hashes = prefix.TrimStart().TakeWhile(c => c == '#').Count();
        if (hashes is > 0 and <= 6)
        {
            return hashes;
        }

        var tag = source.LastIndexOf("<h", start, Math.Min(start, 400), StringComparison.OrdinalIgnoreCase);
        if (tag >= 0 && tag + 2 < source.Length && source[tag + 2] is >= '1' and <= '6')
        {
            return source[tag + 2] - '0';
        }

        var lineEnd = source.IndexOf('\n', start);
        if (lineEnd >= 0)
        {
            var next = source[(lineEnd + 1)..].TrimStart(' ');
            if (next.StartsWith('-'))
            {
                return 2;
            }
        }

        return 1;
    }

    /// <summary>The units of one scope as written in a rule (<c>text</c>, <c>heading.h1</c>, <c>~blockquote</c> is handled by the caller).</summary>
    public ImmutableArray<ValeUnit> Units(string scope)
    {
        if (_units.TryGetValue(scope, out var cached))
        {
            return cached;
        }

        var source = _document.Source.Text;
        ImmutableArray<ValeUnit> units;
        switch (scope)
        {
            case "raw":
                units = [new ValeUnit(source, [.. Enumerable.Range(0, source.Length + 1)], "raw")];
                break;
            case "summary":
                units = [Summary()];
                break;
            case "sentence":
                // Vale's sentences are those of the text blocks: a heading is not one.
                units = [.. _document.Sentences.Where(s => !(IsMarkup && _document.BlockAt(s.Start) is { Kind: BlockKind.Heading }))
                    .Select(s => Build(s, "sentence"))];
                break;
            case "text":
                units = [.. Blocks.Select(b => Build(b.Block.Span, b.Scope))];
                break;
            case "heading":
                units = [.. Blocks.Where(b => b.Scope.StartsWith("heading.", StringComparison.Ordinal)).Select(b => Build(b.Block.Span, b.Scope))];
                break;
            case "table":
                units = [.. Blocks.Where(b => b.Scope.StartsWith("table.", StringComparison.Ordinal)).Select(b => Build(b.Block.Span, b.Scope))];
                break;
            case "alt" or "link":
                units = [.. InlineUnits(scope)];
                break;
            case "code":
                units = IsMarkup ? [.. InlineCode()] : [];
                break;
            default:
                units = [.. Blocks.Where(b => b.Scope == scope || b.Scope.StartsWith(scope + ".", StringComparison.Ordinal) || (scope == "paragraph" && b.Scope == "caption")).Select(b => Build(b.Block.Span, b.Scope))];
                break;
        }

        _units[scope] = units;
        return units;
    }

    /// <summary>Alt text (<c>![alt](…)</c>, <c>alt="…"</c>) or link text (<c>[text](…)</c>, <c>&lt;a&gt;text&lt;/a&gt;</c>).</summary>
    private IEnumerable<ValeUnit> InlineUnits(string scope)
    {
        var source = _document.Source.Text;
        var regex = scope == "alt" ? AltText() : LinkText();
        foreach (Match m in regex.Matches(source))
        {
            var group = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
            if (group.Length > 0 && !_code[group.Index])
            {
                var span = new TextSpan(group.Index, group.Length);
                yield return scope == "alt" ? Raw(span, "alt") : Build(span, "link");
            }
        }
    }

    /// <summary>The text of inline code (<c>`…`</c>, <c>&lt;code&gt;</c>, <c>&lt;tt&gt;</c>) as written, one unit per span.</summary>
    private IEnumerable<ValeUnit> InlineCode()
    {
        foreach (Match m in CodeSpan().Matches(_document.Source.Text))
        {
            int start, end;
            if (m.Value[0] == '`')
            {
                var ticks = m.Groups[1].Length;
                (start, end) = (m.Index + ticks, m.Index + m.Length - ticks);
            }
            else
            {
                (start, end) = (m.Index + m.Value.IndexOf('>', StringComparison.Ordinal) + 1, m.Index + m.Value.LastIndexOf('<'));
            }

            if (end > start)
            {
                yield return Raw(TextSpan.FromBounds(start, end), "code");
            }
        }
    }

    private ValeUnit Raw(TextSpan span, string scope) =>
        new(_document.Source.Text.Substring(span.Start, span.Length), [.. Enumerable.Range(span.Start, span.Length + 1)], scope);

    private ValeUnit Summary()
    {
        var text = new StringBuilder();
        var map = new List<int>();
        foreach (var (block, _) in Blocks)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
                map.Add(block.Span.Start);
                map.Add(block.Span.Start);
            }

            Append(block.Span, text, map);
        }

        map.Add(Blocks.Length > 0 ? Blocks[^1].Block.Span.End : 0);
        return new ValeUnit(text.ToString(), [.. map], "summary");
    }

    private ValeUnit Build(TextSpan span, string scope)
    {
        var text = new StringBuilder(span.Length);
        var map = new List<int>(span.Length + 1);
        Append(span, text, map);
        map.Add(span.End);
        return new ValeUnit(text.ToString(), [.. map], scope);
    }

    private void Append(TextSpan span, StringBuilder text, List<int> map)
    {
        var prose = _document.Prose;
        var source = _document.Source.Text;
        var first = text.Length;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = prose[i];
            var masked = c == ' ' && !char.IsWhiteSpace(source[i]);
            if (_ignored[i] || (masked && _code[i]))
            {
                // Inline code and TokenIgnores stand as '*' (spaces kept), so words either side do not meet.
                text.Append(char.IsWhiteSpace(source[i]) ? source[i] : '*');
                map.Add(i);
            }
            else if (!masked)
            {
                text.Append(c);
                map.Add(i);
            }
        }

        // Vale's block text has no trailing white space.
        while (text.Length > first && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
            map.RemoveAt(map.Count - 1);
        }
    }

    [GeneratedRegex(@"(`+)[^`]+?\1|<(code|tt)\b[^>]*>.*?</\2>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<![\w(\[""'=/])(?:https?|ftp)://[^\s<>()\[\]]+|<(?:https?|ftp|mailto):[^\s<>]+>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"<!--\s*vale\s+(.*?)\s*-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ControlComment();

    [GeneratedRegex(@"([\w.-]+)\s*=\s*(YES|NO)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlSetting();

    [GeneratedRegex(@"!\[([^\]\n]*)\]|<img\b[^>]*\balt=""([^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AltText();

    [GeneratedRegex(@"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)|<a\b[^>]*>([^<]+)</a>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkText();
}
