using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary><c>existence</c>: reports every match of its tokens (word-bounded unless <c>nonword</c>) and <c>raw</c> pattern.</summary>
public sealed class ValeExistence : ValeRule
{
    private readonly ValePattern _pattern;
    private readonly ExceptionPattern? _exceptions;
    private readonly ImmutableArray<ValePattern> _phrases;

    public ValeExistence(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var tokens = spec.List("tokens").Where(t => t.Trim().Length > 0).ToList();
        var raw = string.Concat(spec.List("raw"));
        var nonword = spec.Bool("nonword");
        var vocab = spec.Bool("vocab", true) && !nonword;
        // Only where and what a match is counts, so groups need not be captured (unless a back-reference names one).
        var pattern = WordPattern(string.Join('|', tokens), spec.Bool("ignorecase"), !nonword && tokens.Count > 0, raw, spec.Bool("append"), styles.WordTemplate);
        _pattern = new ValePattern(pattern, ValePattern.HasBackReference(pattern) ? RegexOptions.None : RegexOptions.ExplicitCapture);
        var exceptions = spec.List("exceptions").Concat(vocab ? styles.Accepted : []).ToList();
        _exceptions = Exceptions(exceptions);
        _phrases = [.. exceptions.Where(e => e.Contains(' ', StringComparison.Ordinal)).Select(e => new ValePattern(e))];
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        if (!_pattern.MayMatch(unit))
        {
            return;
        }

        // Only where a match is counts: the matches are enumerated without Match objects or their groups, and a
        // list of plain tokens is found by looking up the unit's words.
        if (_pattern.TokensFor(unit) is { } tokens)
        {
            for (var (index, length, _) = tokens.Next(unit.Text, 0); length > 0; (index, length, _) = tokens.Next(unit.Text, index + length))
            {
                Found(unit, index, length, reporter);
            }

            return;
        }

        // The matches are collected first: a search may be redone on another engine (ValePattern).
        var found = _found ??= [];
        found.Clear();
        _pattern.Collect(unit.Text, found);
        // A match of no width (a lookaround alone, "\A(?!feat)") is reported too, as Vale reports it: at its place, with no text.
        foreach (var (index, length) in found)
        {
            Found(unit, index, length, reporter);
        }
    }

    [ThreadStatic]
    private static List<(int Index, int Length)>? _found;

    private void Found(ValeUnit unit, int index, int length, Reporter reporter)
    {
        var value = unit.Text.Substring(index, length);
        var observed = value.Trim();
        if ((_exceptions is not null && _exceptions.IsMatch(observed)) || WithinPhrase(_phrases, unit.Text, index, index + length))
        {
            return;
        }

        var span = unit.ToSource(index, index + length);
        if (unit.EnclosureOf(index, index + length) is { } enclosure)
        {
            span = enclosure;
            value = reporter.Document.Document.Source.Text.Substring(span.Start, span.Length);
        }

        var (fix, suggestions) = ValeActions.For(Spec.Action, span, value);
        reporter.Report(span, FormatMessage(Spec.Message, value), fix, suggestions);
    }

    /// <summary>True when a multi-word exception found in the text covers the match.</summary>
    internal static bool WithinPhrase(ImmutableArray<ValePattern> phrases, string text, int start, int end)
    {
        foreach (var phrase in phrases)
        {
            foreach (Match p in phrase.Matches(text))
            {
                if (p.Index <= start && p.Index + p.Length >= end)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary><c>substitution</c>: each <c>swap</c> key found is reported with its replacement.</summary>
public sealed class ValeSubstitution : ValeRule
{
    private readonly ValeAlternation _pattern;
    private readonly ExceptionPattern? _exceptions;
    private readonly ImmutableArray<string> _replacements;
    private readonly Dictionary<string, Regex?> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Regex?> _keyPatterns = new(StringComparer.Ordinal);
    private readonly bool _ignoreCase;
    private readonly ImmutableArray<string> _keys;
    private readonly bool _capitalize;

    // Vale.Terms, made from the accepted vocabulary: a term may be a pattern of acceptable forms ("[pP]y.*\b"), matched
    // as one even though the rule replaces; a pattern is never written into the text as a fix.
    private readonly bool _terms;

    [ThreadStatic]
    private static List<(int Key, int Index, int Length)>? _matches;

    public ValeSubstitution(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        // Longer keys first, as Vale orders them: 'MPL[ -]?2(?:\.0)?' is tried before 'MPL'.
        var swap = spec.Map("swap").OrderByDescending(p => p.Key.Length).ToImmutableArray();
        _ignoreCase = spec.Bool("ignorecase");
        // Vale.Terms: found in any case, accepted only in the vocabulary's own.
        // Each key is its own named group, so which key matched is known whatever groups the key has itself.
        var word = !spec.Bool("nonword");
        _pattern = new ValeAlternation([.. swap.Select(p => p.Key)], alternatives => WordPattern(alternatives, _ignoreCase, word, template: styles.WordTemplate));
        _replacements = [.. swap.Select(p => p.Value)];
        _keys = [.. swap.Select(p => p.Key)];
        _capitalize = spec.Bool("capitalize");
        _terms = spec.Bool("terms");
        _exceptions = Exceptions(spec.List("exceptions").Concat(spec.Bool("vocab", true) ? styles.Accepted : []));
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        // The list is the thread's, kept for the next unit: most units hold no match, and a rule reports from its own thread only.
        var matches = _matches ??= [];
        matches.Clear();
        _pattern.Matches(unit, matches);
        var replace = Spec.Action.Name == "replace";
        foreach (var (i, index, length) in matches)
        {
            // The text as matched, spaces included: "Use 'versus' instead of 'vs '."
            var observed = unit.Text.Substring(index, length);
            var capitalized = _capitalize && IsCapitalized(observed);
            var expected = Expand(_keys[i], capitalized ? ValeActions.CapitalizeFirst(_replacements[i]) : _replacements[i], observed);

            // Already the replacement? With a replace action the swap value is literal text, a choice among
            // 'a|b': "..." is not a pattern that ",,," matches. Otherwise it may be a pattern of acceptable
            // forms, matched case-sensitively: with ignorecase, 'Javascript' is still not 'JavaScript'.
            var options = replace ? Options(expected) : default;
            var same = replace && !_terms ? options.Contains(observed) : MatchToken(expected, observed);
            if (same || (_exceptions is not null && _exceptions.IsMatch(observed)))
            {
                continue;
            }

            var message = Spec.Message;
            var action = Spec.Action;
            if (replace && Spec.Action.Params.IsEmpty)
            {
                ImmutableArray<string> choices = capitalized ? [.. options.Select(ValeActions.CapitalizeFirst)] : options;

                action = Spec.Action with { Params = choices };
                expected = ToSentence(choices, "or");
                message = ConvertMessage(message);
            }

            var span = unit.ToSource(index, index + length);
            var (fix, suggestions) = _terms && ValeRegex.HasPatternSyntax(expected) ? (null, []) : ValeActions.For(action, span, observed);
            reporter.Report(span, FormatMessage(message, expected, observed), fix, suggestions);
        }

        // A unit with very many matches does not leave its list to the thread for good.
        if (matches.Capacity > MaxKeptMatches)
        {
            _matches = null;
        }
    }

    private const int MaxKeptMatches = 4096;

    /// <summary>Vale's test for <c>capitalize</c>: the match is unchanged by capitalising its first letter.</summary>
    private static bool IsCapitalized(string observed) => observed.Length == 0 || char.ToUpperInvariant(observed[0]) == observed[0];

    /// <summary>The choices of a swap value, <c>a|b</c>: split at each <c>|</c> not escaped (<c>\|</c> is a literal bar), empty ones left out, nothing trimmed.</summary>
    internal static ImmutableArray<string> Options(string expected) => ValeIni.SplitUnescaped(expected, '|', trim: false);

    /// <summary><c>$1</c>, <c>${name}</c> in a replacement: the key's groups as they matched the observed text.</summary>
    private string Expand(string key, string replacement, string observed)
    {
        if (!replacement.Contains('$', StringComparison.Ordinal))
        {
            return replacement;
        }

        Regex? whole;
        lock (_keyPatterns)
        {
            if (!_keyPatterns.TryGetValue(key, out whole))
            {
                try
                {
                    var options = (_ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant;
                    whole = RegexFactory.CreateLinearOrBacktracking("^(?:" + ValeRegex.Translate(key) + ")$", options, ValeRegex.Timeout);
                }
                catch (ArgumentException)
                {
                    whole = null;
                }

                _keyPatterns[key] = whole;
            }
        }

        var match = whole?.Match(observed);
        return match is { Success: true } ? match.Result(replacement) : replacement;
    }

    /// <summary>Vale's test of whether the text already is the replacement: the whole text against it as a pattern, or, for a phrase, equality.</summary>
    private bool MatchToken(string expected, string observed)
    {
        if (expected.Contains(' ', StringComparison.Ordinal))
        {
            return expected == observed;
        }

        Regex? token;
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(expected, out token))
            {
                try
                {
                    // Case-sensitive even with ignorecase, as Vale tests it: 'Javascript' is still not 'JavaScript'.
                    var options = RegexOptions.CultureInvariant;
                    token = RegexFactory.CreateLinearOrBacktracking("^(?:" + ValeRegex.Translate(expected) + ")$", options, ValeRegex.Timeout);
                }
                catch (ArgumentException)
                {
                    token = null;
                }

                _tokens[expected] = token;
            }
        }

        return token is null ? expected == observed : token.IsMatch(observed);
    }

    /// <summary>'a', 'a' or 'b', 'a', 'b', or 'c'; nothing for no words.</summary>
    public static string ToSentence(ImmutableArray<string> words, string conjunction) => words.Length switch
    {
        0 => "",
        1 => $"'{words[0]}'",
        2 => $"'{words[0]}' {conjunction} '{words[1]}'",
        _ => string.Join(", ", words.Select((w, i) => i == words.Length - 1 ? $"{conjunction} '{w}'" : $"'{w}'")),
    };

    /// <summary>
    /// With the replacements quoted already ('a' or 'b'), the message's first quoted <c>'%s'</c> loses its quotes. Vale
    /// releases differ here: newer ones do this only when the message quotes both values, so "Did you mean '%s'?" shows
    /// ''Hong Konger'' there; the packages' own suites (proselint's) expect 'Hong Konger', as older releases print it
    /// and as DocLint does.
    /// </summary>
    private static string ConvertMessage(string message)
    {
        foreach (var spec in new[] { "'%s'", "\"%s\"" })
        {
            var first = message.IndexOf(spec, StringComparison.Ordinal);
            if (first >= 0)
            {
                return string.Concat(message.AsSpan(0, first), "%s", message.AsSpan(first + spec.Length));
            }
        }

        return message;
    }
}

/// <summary><c>occurrence</c>: more than <c>max</c> or fewer than <c>min</c> matches of <c>token</c> in a unit.</summary>
public sealed class ValeOccurrence : ValeRule
{
    private readonly ValePattern _pattern;
    private readonly int _max;
    private readonly int _min;

    public ValeOccurrence(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var token = (spec.Bool("ignorecase") ? "(?i)" : "") + "(?:" + (spec.String("token") ?? "") + ")";
        _pattern = new ValePattern(token, ValePattern.HasBackReference(token) ? RegexOptions.None : RegexOptions.ExplicitCapture);
        _max = (int)(spec.Number("max") ?? 0);
        _min = (int)(spec.Number("min") ?? 0);
    }

    /// <summary>
    /// <c>max</c> is counted per unit; <c>min</c> over the whole scope of the file, as Vale joins a scope's text per
    /// file: reported at the first match, or at the first unit when there is none. The message's <c>%d</c> is the count.
    /// </summary>
    protected override void Run(ValeDocument document, Reporter reporter)
    {
        var units = UnitsOf(document).ToList();
        foreach (var unit in units)
        {
            RunUnit(unit, reporter);
        }

        if (_min <= 0)
        {
            return;
        }

        if (units.Count == 0)
        {
            // An element a selector names and the document lacks (a required section) is reported at its start.
            if (SelectsElements && document.IsMarkup)
            {
                reporter.Report(new TextSpan(0, 0), WithCount(0));
            }

            return;
        }

        var total = 0;
        (ValeUnit Unit, Match Match)? first = null;
        foreach (var unit in units)
        {
            var count = _pattern.MayMatch(unit) ? _pattern.Count(unit.Text) : 0;
            total += count;
            if (first is null && count > 0)
            {
                first = (unit, FirstNotCode(unit.Text));
            }
        }

        if (total >= _min)
        {
            return;
        }

        var message = WithCount(total);
        if (first is { } at)
        {
            reporter.Report(at.Unit, at.Match.Index, at.Match.Index + at.Match.Length, message);
        }
        else
        {
            reporter.Report(new TextSpan(units[0].Start, 0), message);
        }
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        if (_max > 0 && _pattern.MayMatch(unit) && _pattern.Count(unit.Text) is var count && count > _max)
        {
            var first = FirstNotCode(unit.Text);
            reporter.Report(unit, first.Index, first.Index + first.Length, WithCount(count));
        }
    }

    /// <summary>The message with its first <c>%d</c> as the count, as Vale 3 writes it; any other verb stays as written.</summary>
    private string WithCount(int count) =>
        Spec.Message.IndexOf("%d", StringComparison.Ordinal) is >= 0 and var at
            ? string.Concat(Spec.Message.AsSpan(0, at), count.ToString(CultureInfo.InvariantCulture), Spec.Message.AsSpan(at + 2))
            : Spec.Message;

    /// <summary>Vale reports at the first match that is not code standing as '*' (else the first match) of a text that has matches.</summary>
    private Match FirstNotCode(string text) => _pattern.FirstMatch(text, static m => m.Length == 0 || m.ValueSpan.ContainsAnyExcept('*'))!;
}

/// <summary><c>repetition</c>: the same token twice in a row (<c>the the</c>), within one sentence.</summary>
public sealed partial class ValeRepetition : ValeRule
{
    private readonly Regex _pattern;
    private readonly ExceptionPattern? _exceptions;
    private readonly bool _ignoreCase;
    private readonly bool _alpha;
    private readonly int _max;

    public ValeRepetition(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        _ignoreCase = spec.Bool("ignorecase");
        _alpha = spec.Bool("alpha");
        _max = (int)(spec.Number("max") ?? 0);
        _pattern = ValeRegex.Compile((_ignoreCase ? "(?i)" : "") + "(" + string.Join('|', spec.List("tokens")) + ")");
        _exceptions = Exceptions(spec.List("exceptions").Concat(spec.Bool("vocab", true) ? styles.Accepted : []));
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        var previous = "";
        var previousStart = 0;
        var count = 0;
        foreach (Match m in _pattern.Matches(unit.Text))
        {
            var current = m.Value.Trim();
            var hit = current.Length > 0 && (_ignoreCase ? string.Equals(current, previous, StringComparison.OrdinalIgnoreCase) : current == previous);
            hit = hit && (!_alpha || current.All(char.IsLetter));
            if (hit)
            {
                count++;
            }

            if (hit && count > _max)
            {
                var covered = unit.Text[previousStart..(m.Index + m.Length)];
                if (!SentenceBreak().IsMatch(covered) && (_exceptions is null || !_exceptions.IsMatch(covered)))
                {
                    reporter.Report(unit, previousStart, m.Index + m.Length, FormatMessage(Spec.Message, current));
                    count = 0;
                }
            }

            previousStart = m.Index;
            previous = current;
        }
    }

    [GeneratedRegexAttribute(@"[.!?][""'”’)]*\s+\S")]
    private static partial Regex SentenceBreak();
}

/// <summary><c>consistency</c>: both spellings of a pair (<c>advisor</c>, <c>adviser</c>) in one file.</summary>
public sealed class ValeConsistency : ValeRule
{
    private readonly ImmutableArray<Regex> _steps;

    public ValeConsistency(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var ignoreCase = spec.Bool("ignorecase");
        var word = !spec.Bool("nonword");
        _steps = [.. spec.Map("either").Select(p => ValeRegex.Compile(WordPattern($"(?<first>{p.Key})|(?<second>{p.Value})", ignoreCase, word, template: styles.WordTemplate), RegexOptions.ExplicitCapture))];
    }

    protected override void Run(ValeDocument document, Reporter reporter)
    {
        // What Vale remembers per file: which side of each pair has been seen so far.
        var seen = new HashSet<(int Step, bool Second)>();
        foreach (var unit in UnitsOf(document))
        {
            for (var s = 0; s < _steps.Length; s++)
            {
                Match? last = null;
                foreach (Match m in _steps[s].Matches(unit.Text))
                {
                    seen.Add((s, m.Groups["second"].Success));
                    last = m;
                }

                if (last is not null && seen.Contains((s, false)) && seen.Contains((s, true)))
                {
                    // Vale reports the first occurrence in the unit of the text it matched last.
                    var at = unit.Text.IndexOf(last.Value, StringComparison.Ordinal);
                    reporter.Report(unit, at, at + last.Length, FormatMessage(Spec.Message, last.Value));
                }
            }
        }
    }
}

/// <summary><c>conditional</c>: a match of <c>first</c> needs a match of <c>second</c> (with its captured text, when it captures) earlier in the file.</summary>
public sealed class ValeConditional : ValeRule
{
    [ThreadStatic]
    private static List<(int Index, int Length)>? _found;

    private readonly ValePattern _first;
    private readonly ValePattern _second;
    private readonly bool _secondCaptures;
    private readonly ExceptionPattern? _exceptions;
    private readonly ImmutableArray<ValePattern> _phrases;

    public ValeConditional(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var ignoreCase = spec.Bool("ignorecase") ? "(?i)" : "";
        var second = spec.String("second") ?? "";
        _first = new ValePattern(ignoreCase + (spec.String("first") ?? ""));
        _second = new ValePattern(ignoreCase + second);
        _secondCaptures = second.Count(c => c == '(') > second.Split("(?").Length - 1 + second.Split("\\(").Length - 1;
        var exceptions = spec.List("exceptions").Concat(spec.Bool("vocab", true) ? styles.Accepted : []).ToList();
        _exceptions = Exceptions(exceptions);
        _phrases = [.. exceptions.Where(e => e.Contains(' ', StringComparison.Ordinal)).Select(e => new ValePattern(e))];
    }

    protected override void Run(ValeDocument document, Reporter reporter)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in UnitsOf(document))
        {
            if (!_first.MayMatch(unit) || !_first.IsMatch(unit.Text))
            {
                continue;
            }

            if (!_secondCaptures && _second.IsMatch(unit.Text))
            {
                continue;
            }

            foreach (Match m in _second.Matches(unit.Text))
            {
                for (var g = 1; g < m.Groups.Count; g++)
                {
                    if (m.Groups[g].Length > 0)
                    {
                        defined.Add(m.Groups[g].Value);
                    }
                }
            }

            var found = _found ??= [];
            found.Clear();
            _first.Collect(unit.Text, found);
            foreach (var m in found)
            {
                if (m.Length == 0)
                {
                    continue;
                }

                var value = unit.Text.Substring(m.Index, m.Length);
                if ((_secondCaptures && defined.Contains(value)) || (_exceptions is not null && _exceptions.IsMatch(value))
                    || ValeExistence.WithinPhrase(_phrases, unit.Text, m.Index, m.Index + m.Length))
                {
                    continue;
                }

                reporter.Report(unit, m.Index, m.Index + m.Length, FormatMessage(Spec.Message, value));
            }
        }
    }
}

/// <summary><c>capitalization</c>: the whole unit (a heading, by default) in title, sentence, lower or upper case, or matching a pattern.</summary>
public sealed class ValeCapitalization : ValeRule
{
    private readonly Func<string, bool> _check;
    private readonly Func<string, string> _expected;

    public ValeCapitalization(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var exceptionList = spec.List("exceptions").Concat(spec.Bool("vocab", true) ? styles.Accepted : []).ToList();
        var exceptions = Exceptions(exceptionList);
        var threshold = spec.Number("threshold") is { } t and > 0 ? t : 0.8;
        var indicators = spec.List("indicators");
        var chicago = string.Equals(spec.String("style"), "Chicago", StringComparison.OrdinalIgnoreCase);
        var match = spec.String("match") ?? "$title";
        var prefix = spec.String("prefix");
        // The prefix is a pattern, as in Vale: what it matches at the start is not checked ("1. ", "Step 2: ").
        var prefixPattern = prefix is { Length: > 0 } ? ValeRegex.Compile(prefix) : null;
        string Strip(string s) => prefixPattern?.Match(s) is { Success: true } p && s.StartsWith(p.Value, StringComparison.Ordinal) ? s[p.Value.Length..] : s;
        switch (match)
        {
            case "$title":
                var title = new TitleCase(exceptionList, exceptions, chicago, threshold);
                _check = s => title.Check(Strip(s));
                _expected = s => s[..(s.Length - Strip(s).Length)] + title.Convert(Strip(s));
                break;
            case "$sentence":
                var sentence = new SentenceCase(exceptionList, exceptions, indicators, prefix, threshold);
                _check = s => sentence.Check(s, out _);
                _expected = sentence.Convert;
                break;
            case "$lower":
                _check = s => !s.Any(char.IsUpper) || (exceptions?.IsMatch(s) ?? false);
                _expected = s => s.ToLowerInvariant();
                break;
            case "$upper":
                _check = s => !s.Any(char.IsLower) || (exceptions?.IsMatch(s) ?? false);
                _expected = s => s.ToUpperInvariant();
                break;
            default:
                var pattern = ValeRegex.Compile(match);
                _check = s => pattern.IsMatch(s) || (exceptions?.IsMatch(s) ?? false);
                _expected = s => s;
                break;
        }
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        if (unit.Text.Length > 0 && !_check(unit.Text))
        {
            var expected = _expected(unit.Text);
            reporter.Report(unit, 0, unit.Text.Length, FormatMessage(Spec.Message, unit.Text, expected), suggestions: Suggestions(unit, expected, reporter));
        }
    }

    // With `action: replace` and no replacement, Vale offers the expected form ($title, $sentence). A suggestion, never a
    // fix: re-casing a heading can rename a person or a product. Offered only where the unit is its source as written, so
    // the replacement never drops markup (emphasis, code, a link) the unit does not show.
    private ImmutableArray<string> Suggestions(ValeUnit unit, string expected, Reporter reporter)
    {
        if (Spec.Action.Name != "replace" || !Spec.Action.Params.IsEmpty || (Spec.String("match") ?? "$title") is not ("$title" or "$sentence") || expected == unit.Text)
        {
            return [];
        }

        var span = unit.ToSource(0, unit.Text.Length);
        return reporter.Document.Document.Source.Text.AsSpan(span.Start, span.Length).SequenceEqual(unit.Text) ? [expected] : [];
    }
}

/// <summary><c>metric</c>: a formula of Vale's document variables against a condition.</summary>
public sealed partial class ValeMetric : ValeRule
{
    private readonly MetricFormula _formula;
    private readonly string _operator;
    private readonly double _limit;

    public ValeMetric(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles, "summary")
    {
        _formula = MetricFormula.Parse(spec.String("formula") ?? throw new FormatException("a metric rule needs a 'formula'"));
        var condition = (spec.String("condition") ?? throw new FormatException("a metric rule needs a 'condition'")).Trim();
        var op = ConditionOperator().Match(condition);
        if (!op.Success || !double.TryParse(op.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _limit))
        {
            throw new FormatException($"cannot read the condition '{condition}'; write an operator (>, <, ==, >=, <=) and a number");
        }

        _operator = op.Groups[1].Value;
    }

    protected override void Run(ValeDocument document, Reporter reporter)
    {
        // The other rules' findings in this document, counted once: a rule not loaded has none.
        var counts = _formula.Checks.Select(name => (
            Name: MetricFormula.CheckVariable(name),
            Count: Styles.Rules.FirstOrDefault(r => r.Descriptor.Id == name) is ValeRule other && other != this ? other.CountFindings(document) : 0)).ToList();
        foreach (var (statistics, at) in Measured(document))
        {
            Check(statistics, counts, at, reporter);
        }
    }

    private void Check(DocumentStatistics statistics, List<(string Name, int Count)> counts, TextSpan at, Reporter reporter)
    {
        var variables = statistics.Variables;
        if (counts.Count > 0)
        {
            var withChecks = new Dictionary<string, double>(variables, StringComparer.Ordinal);
            foreach (var (name, count) in counts)
            {
                withChecks[name] = count;
            }

            variables = withChecks;
        }

        var value = _formula.Evaluate(variables);
        var hit = _operator switch
        {
            ">" => value > _limit,
            "<" => value < _limit,
            ">=" => value >= _limit,
            "<=" => value <= _limit,
            "==" => Math.Abs(value - _limit) < 1e-9,
            _ => value != _limit,
        };
        if (hit && !double.IsNaN(value))
        {
            reporter.Report(at, FormatMessage(Spec.Message, value.ToString("0.00", CultureInfo.InvariantCulture)));
        }
    }

    [GeneratedRegexAttribute(@"^(>=|<=|==|!=|>|<)\s*(-?[\d.]+)$")]
    private static partial Regex ConditionOperator();
}

/// <summary><c>readability</c>: the mean grade of the chosen formulas above <c>grade</c>.</summary>
public sealed class ValeReadability : ValeRule
{
    private readonly ImmutableArray<string> _metrics;
    private readonly double _grade;

    public ValeReadability(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles, "summary")
    {
        _metrics = spec.List("metrics");
        foreach (var metric in _metrics.Where(m => !DocumentStatistics.Formulas.Contains(m)))
        {
            throw new FormatException($"unknown readability metric '{metric}'; the metrics are {string.Join(", ", DocumentStatistics.Formulas)}");
        }

        _grade = spec.Number("grade") ?? 8;
    }

    protected override void Run(ValeDocument document, Reporter reporter)
    {
        if (_metrics.IsEmpty)
        {
            return;
        }

        foreach (var (statistics, at) in Measured(document))
        {
            if (statistics.Words == 0)
            {
                continue;
            }

            var grade = _metrics.Average(statistics.Grade);
            if (grade > _grade)
            {
                reporter.Report(at, FormatMessage(Spec.Message, grade.ToString("0.00", CultureInfo.InvariantCulture)));
            }
        }
    }
}
