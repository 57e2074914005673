using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// A Vale rule compiled into a DocLint rule: it runs through DocLint's engine like any other, so every output
/// format, baselines, --fix, .editorconfig severities and the language server work for it. Its id is its Vale
/// name (<c>Microsoft.Contractions</c>), its help link the rule's <c>link</c>. Each kind says what it finds in
/// one unit of text (<see cref="ValeUnit"/>); scopes, comment controls and the per-file configuration are here.
/// </summary>
public abstract class ValeRule : CompiledRule
{
    private readonly ImmutableArray<string> _include;
    private readonly ImmutableArray<string> _exclude;

    protected ValeRule(ValeRuleSpec spec, ValeStyleSet styles, string defaultScope = "text")
        : base(ToDefinition(spec), PhraseMatcher.Empty)
    {
        Spec = spec;
        Styles = styles;
        var scopes = spec.Scope.IsEmpty ? [defaultScope] : spec.Scope;
        var parts = scopes.Select(s => SplitOutside(s, '&')).ToList();
        var simple = parts.Where(p => p.Count == 1).Select(p => p[0]).ToList();
        _include = [.. simple.Where(s => !s.StartsWith('~')).Select(Normalize)];
        _exclude = [.. simple.Where(s => s.StartsWith('~')).Select(s => Normalize(s[1..]))];
        if (_include.IsEmpty && (!_exclude.IsEmpty || simple.Count == scopes.Length))
        {
            _include = ["text"];
        }

        // "heading & ~heading.h1": every part must hold; such an entry adds its units to the others'.
        _conjunctions = [.. parts.Where(p => p.Count > 1).Select(p =>
            p.Select(s => s.StartsWith('~') ? (Negated: true, Scope: Normalize(s[1..])) : (Negated: false, Scope: Normalize(s)))
                .ToImmutableArray())];

        // A selector that cannot be read is the rule's error, found when it loads.
        foreach (var scope in _include.Concat(_exclude).Concat(_conjunctions.SelectMany(c => c.Select(p => p.Scope))).Where(DocSelection.IsDocScope))
        {
            DocSelection.Compile(DocSelection.SelectorOf(scope));
        }
    }

    /// <summary>True when a scope of the rule is a <c>doc(…)</c> selector on its own: each element it selects is one unit.</summary>
    protected bool SelectsElements => _include.Any(DocSelection.IsDocScope);

    /// <summary>The parts of <paramref name="scope"/> between each <paramref name="separator"/> outside parentheses and quotes (a selector's own '&amp;' is its own).</summary>
    internal static List<string> SplitOutside(string scope, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < scope.Length; i++)
        {
            var c = scope[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(scope[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(scope[start..].Trim());
        parts.RemoveAll(p => p.Length == 0);
        return parts.Count == 0 ? [string.Empty] : parts;
    }

    private readonly ImmutableArray<ImmutableArray<(bool Negated, string Scope)>> _conjunctions;

    public ValeRuleSpec Spec { get; }

    protected ValeStyleSet Styles { get; }

    /// <summary>A Vale rule reads its file whole: scopes such as summary, and rules that remember earlier blocks, need all of it.</summary>
    public override bool CanRunInParts => false;

    /// <summary>The category Vale rules carry: <c>category-vale</c> sets all of them in doclint.yaml and .editorconfig.</summary>
    public const string Category = "Vale";

    private static string Normalize(string scope)
    {
        // Vale accepts an extension suffix (paragraph.md) and the old names; a selector is read as written.
        var s = scope.Trim();
        if (DocSelection.IsDocScope(s))
        {
            return s;
        }

        foreach (var ext in new[] { ".md", ".html", ".rst", ".adoc", ".txt" })
        {
            if (s.EndsWith(ext, StringComparison.Ordinal) && s.Length > ext.Length)
            {
                s = s[..^ext.Length];
            }
        }

        return s switch
        {
            "title" => "heading",
            "list.item" => "list",
            "table.header" or "table.cell" or "table" => s,
            _ => s,
        };
    }

    private static RuleDefinition ToDefinition(ValeRuleSpec spec) => new()
    {
        Id = spec.Name,
        Name = spec.Name,
        Title = spec.Description.Length > 0 ? FirstLine(spec.Description) : spec.Name,
        Category = Category,
        Severity = spec.Severity,
        Kind = RuleKind.Existence,
        Scope = RuleScope.Document,
        Voice = Voice.Any,
        Message = spec.Message,
        Description = spec.Description,
        Link = spec.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? link : null,
        Tags = ["vale", spec.Extends],
        Action = spec.Action.Name.Length > 0 ? new DeclaredAction(spec.Action.Name, spec.Action.Params) : null,
        Location = new RuleLocation(spec.Path, default, 0),
    };

    /// <summary>The Vale kind the rule extends (<c>existence</c>, <c>conditional</c>, <c>spelling</c>…).</summary>
    public override string KindName => Spec.Extends;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    public override void Analyze(RuleContext context)
    {
        var settings = Styles.Configuration?.ForFile(context.Document.Path) ?? ValeFileSettings.None;
        ValeDocument document;
        if (context.Timings is { } timings)
        {
            // Timed, building the document (its marks, once for all rules) and its units is shared work, not this rule's.
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var built = ValeDocument.IsBuilt(context.Document);
            document = ValeDocument.For(context.Document, settings);
            if (!built)
            {
                context.SharedTicks += timings.AddSince(Engine.RuleTimings.ValeDocument, start);
            }

            document.Timed = context;
        }
        else
        {
            document = ValeDocument.For(context.Document, settings);
        }

        var reporter = new Reporter(this, context, document);
        Run(document, reporter);
    }

    /// <summary>
    /// What a <c>metric</c> or <c>readability</c> rule measures: the whole document (its default scope, <c>summary</c>),
    /// reported at its start; or, with another scope, each of its units, reported at the start of the unit's first line.
    /// </summary>
    protected IEnumerable<(DocumentStatistics Statistics, TextSpan At)> Measured(ValeDocument document)
    {
        // Unset or `text`, the document is measured (`text` is what an unset scope once meant).
        if (Spec.Scope.IsEmpty || Spec.Scope.All(s => s.Trim() == "summary") || (Spec.Scope.Length == 1 && Spec.Scope[0].Trim() == "text"))
        {
            yield return (DocumentStatistics.Of(document), new TextSpan(0, 0));
            yield break;
        }

        var source = document.Document.Source.Text;
        foreach (var unit in UnitsOf(document))
        {
            if (unit.Text.Length > 0)
            {
                var start = unit.Start;
                var lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
                yield return (DocumentStatistics.Of(document, unit), new TextSpan(lineStart, 0));
            }
        }
    }

    /// <summary>How many findings the rule makes in the document (comment controls and <c>limit</c> honoured): a metric's <c>check["Style.Rule"]</c>.</summary>
    internal int CountFindings(ValeDocument document)
    {
        // A rule the configuration leaves off for the file has no findings; and a metric that counts this rule while this
        // rule, through a metric of its own, counts it back, finds none the second time round instead of looping.
        if (document.Settings.SeverityOf(Id, Spec.Style, Spec.Severity) == DiagnosticSeverity.None || !(_counting ??= []).Add(this))
        {
            return 0;
        }

        try
        {
            var counter = new Reporter(this, null, document);
            Run(document, counter);
            return counter.Count;
        }
        finally
        {
            _counting.Remove(this);
        }
    }

    [ThreadStatic]
    private static HashSet<ValeRule>? _counting;

    /// <summary>Runs the rule over the document, unit by unit (or as a whole, for kinds that count over it).</summary>
    protected virtual void Run(ValeDocument document, Reporter reporter)
    {
        foreach (var unit in UnitsOf(document))
        {
            RunUnit(unit, reporter);
        }
    }

    protected virtual void RunUnit(ValeUnit unit, Reporter reporter)
    {
    }

    /// <summary>The units the rule's scopes select, in document order, less those a negated scope covers.</summary>
    protected IEnumerable<ValeUnit> UnitsOf(ValeDocument document)
    {
        if (_conjunctions.IsEmpty)
        {
            return SimpleUnitsOf(document);
        }

        var all = _conjunctions.SelectMany(c => ConjunctionUnits(document, c));
        if (!_include.IsEmpty)
        {
            all = all.Concat(SimpleUnitsOf(document));
        }

        return all.Distinct().OrderBy(u => u.Start);
    }

    /// <summary>The units of the first positive part (or <c>text</c>) that every other part admits.</summary>
    private static IEnumerable<ValeUnit> ConjunctionUnits(ValeDocument document, ImmutableArray<(bool Negated, string Scope)> parts)
    {
        // Beside another scope, a selector narrows it (text & doc(h2 + p) is the text in such paragraphs).
        var first = parts.Where(p => !p.Negated).OrderBy(p => DocSelection.IsDocScope(p.Scope)).Select(p => p.Scope).FirstOrDefault() ?? "text";
        if (DocSelection.IsDocScope(first) && parts.Count(p => !p.Negated) > 1)
        {
            first = "text";
        }

        var checks = parts.Where(p => p.Negated || p.Scope != first).Select(p =>
        {
            return (p.Negated, p.Scope, Spans: new Cover(document.Covered(p.Scope)));
        }).ToList();
        return document.Units(first).Where(u =>
        {
            var span = u.ToSource(0, u.Text.Length);
            return checks.All(c => c.Negated != (OfScope(u, c.Scope) || c.Spans.Contains(span)));
        });
    }

    private static bool OfScope(ValeUnit unit, string scope) =>
        unit.Scope == scope || unit.Scope.StartsWith(scope + ".", StringComparison.Ordinal);

    private IEnumerable<ValeUnit> SimpleUnitsOf(ValeDocument document)
    {
        IEnumerable<ValeUnit> units = _include.Length == 1
            ? document.Units(_include[0])
            : _include.SelectMany(s => document.Units(s)).OrderBy(u => u.Start).Distinct();
        if (_exclude.IsEmpty)
        {
            return units;
        }

        var excluded = new Cover([.. _exclude.SelectMany(document.Covered)]);
        var excludedKinds = _exclude.ToHashSet(StringComparer.Ordinal);
        return units.Where(u => !excludedKinds.Any(k => u.Scope == k || u.Scope.StartsWith(k + ".", StringComparison.Ordinal))
            && !excluded.Contains(u.ToSource(0, u.Text.Length)));
    }

    /// <summary>
    /// Spans, asked whether one of them contains a span, in logarithmic time: sorted by start, with the furthest end
    /// among each prefix (spans nest and overlap, as sections and the blocks in them do).
    /// </summary>
    private sealed class Cover
    {
        private readonly TextSpan[] _spans;
        private readonly int[] _furthest;

        public Cover(IReadOnlyList<TextSpan> spans)
        {
            _spans = [.. spans.OrderBy(s => s.Start)];
            _furthest = new int[_spans.Length];
            var end = int.MinValue;
            for (var i = 0; i < _spans.Length; i++)
            {
                _furthest[i] = end = Math.Max(end, _spans[i].End);
            }
        }

        public bool Contains(TextSpan span)
        {
            // The spans that start at or before it: one of them holds it when the furthest of their ends reaches its end.
            var count = SortedSpans.FirstAtOrAfter<TextSpan>(_spans, span.Start + 1, static s => s.Start);
            return count > 0 && _furthest[count - 1] >= span.End;
        }
    }

    /// <summary>Vale's message formatting: each <c>%s</c> in turn takes the next value, when there are enough of them.</summary>
    public static string FormatMessage(string message, params ReadOnlySpan<string> values)
    {
        var count = message.Count(c => c == '%');
        if (count == 0 || count > values.Length)
        {
            return message;
        }

        var result = new StringBuilder(message.Length + 16);
        var next = 0;
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == '%' && i + 1 < message.Length && message[i + 1] == 's')
            {
                result.Append(next < values.Length ? values[next++] : "");
                i++;
            }
            else if (message[i] == '%' && i + 1 < message.Length && message[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else
            {
                result.Append(message[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Vale's word template: <c>(?m)\b(?:…)\b</c> (or the configuration's <c>WordTemplate</c>, its first <c>%s</c> the
    /// alternatives), or <c>(?m)(?:…)</c> without word boundaries, with <c>(?i)</c> first when asked.
    /// </summary>
    public static string WordPattern(string alternatives, bool ignoreCase, bool word, string raw = "", bool append = false, string? template = null)
    {
        var body = !word ? "(?m)(?:" + alternatives + ")"
            : template is null ? @"(?m)\b(?:" + alternatives + @")\b"
            : Fill(template, alternatives);
        body = append ? body + raw : raw + body;
        return (ignoreCase ? "(?i)" : "") + body;
    }

    /// <summary>The template with its first <c>%s</c> replaced by <paramref name="value"/> and <c>%%</c> read as <c>%</c>, as Go's Sprintf fills it.</summary>
    private static string Fill(string template, string value)
    {
        var result = new System.Text.StringBuilder(template.Length + value.Length);
        var filled = false;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else if (!filled && template[i] == '%' && i + 1 < template.Length && template[i + 1] == 's')
            {
                result.Append(value);
                filled = true;
                i++;
            }
            else
            {
                result.Append(template[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Reports findings of one rule in one document: maps unit offsets to the source and honours comment controls and <c>limit</c>.</summary>
    protected sealed class Reporter(ValeRule rule, RuleContext? context, ValeDocument document)
    {
        private int _count;
        private HashSet<int>? _reported;

        public ValeDocument Document => document;

        /// <summary>The findings reported so far (all a counting reporter does, with no context).</summary>
        public int Count => _count;

        /// <summary>Whether the run shows fixes and suggestions (<see cref="RuleContext.ShowsFixes"/>); a counting reporter does not.</summary>
        public bool ShowsFixes => context?.ShowsFixes ?? false;

        public void Report(ValeUnit unit, int start, int end, string message, TextEdit? fix = null, ImmutableArray<string> suggestions = default)
        {
            var span = unit.ToSource(start, end);
            Report(span, message, fix, suggestions);
        }

        public void Report(TextSpan span, string message, TextEdit? fix = null, ImmutableArray<string> suggestions = default)
        {
            if (document.IsDisabled(rule.Id, rule.Spec.Style, span.Start))
            {
                return;
            }

            if (rule.Spec.Limit > 0 && _count >= rule.Spec.Limit)
            {
                return;
            }

            // Selected elements nest (a section in a section, a div in a div) and hold the same text: as Vale, a rule
            // reports a place once.
            if (rule.SelectsElements && !(_reported ??= []).Add(span.Start))
            {
                return;
            }

            _count++;
            if (context is null)
            {
                return;
            }

            // Quoted words are not the writer's to change: a finding inside a quotation offers no replacement.
            if ((fix is not null || !suggestions.IsDefaultOrEmpty) && SortedSpans.AnyOverlap(context.Document.QuotedRegions, span))
            {
                fix = null;
                suggestions = [];
            }

            context.Report(span, message, suggestions, fix);
        }
    }

    /// <summary>The exceptions of a rule as Vale matches them: <c>(?m)\b(?:e1|e2…)\b</c>, longest first, found anywhere in the matched text.</summary>
    protected static ExceptionPattern? Exceptions(IEnumerable<string> exceptions)
    {
        var list = exceptions.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(e => e.Length).ToList();
        return list.Count == 0 ? null : new ExceptionPattern(ValeRegex.Translate(WordPattern(string.Join('|', list), ignoreCase: false, word: true)));
    }
}

/// <summary>
/// A rule's exceptions as one pattern in its .NET form. Its syntax is checked when the rule loads (on the backtracking
/// interpreter, which is cheap to build); its linear-time automaton, which costs far more to build for a long list
/// (a style's vocabulary), is built the first time a match is tested against it, on whichever thread gets there
/// first, so loading a style stays short and a rule whose matches never need its exceptions never builds it.
/// </summary>
public sealed class ExceptionPattern
{
    private Regex? _regex;

    public ExceptionPattern(string translated)
    {
        Pattern = translated;
        _ = ValeRegex.Check(translated);
    }

    /// <summary>The pattern in its .NET form.</summary>
    public string Pattern { get; }

    public bool IsMatch(string text) => (Volatile.Read(ref _regex) ?? Build()).IsMatch(text);

    private Regex Build()
    {
        // Two threads may both build it; the first one stored is kept, and neither waits for the other.
        Interlocked.CompareExchange(ref _regex, ValeRegex.CompileTranslated(Pattern), null);
        return _regex!;
    }
}
