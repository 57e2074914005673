using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// The counts Vale's <c>metric</c> variables and <c>readability</c> formulas use, over a document's prose (code
/// excluded): words, sentences, syllables, characters, complex, long and polysyllabic words, paragraphs,
/// headings per level, lists, block quotes and code blocks. Computed once per document.
/// </summary>
public sealed partial class DocumentStatistics
{
    private static readonly ConditionalWeakTable<Document, DocumentStatistics> Cache = [];

    /// <summary>Vale's readability formulas by name.</summary>
    public static ImmutableArray<string> Formulas { get; } =
        ["Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG", "Automated Readability", "Flesch Reading Ease", "LIX"];

    public double Words { get; private init; }

    public double Sentences { get; private init; }

    public double Syllables { get; private init; }

    public double Characters { get; private init; }

    public double ComplexWords { get; private init; }

    public double LongWords { get; private init; }

    public double PolysyllabicWords { get; private init; }

    /// <summary>Every variable a metric formula may name.</summary>
    public IReadOnlyDictionary<string, double> Variables { get; private init; } = new Dictionary<string, double>();

    public static DocumentStatistics Of(ValeDocument document) => Cache.GetValue(document.Document, _ => Compute(document));

    /// <summary>
    /// The counts over one unit of a scoped rule (<c>scope: paragraph</c>): its words, the sentences that start in it, and
    /// the headings that start in it; it holds no paragraphs, lists, block quotes or code blocks of its own.
    /// </summary>
    public static DocumentStatistics Of(ValeDocument document, ValeUnit unit)
    {
        // Found by binary search among the document's sentences and headings (both in document order), so that a rule
        // over every paragraph of a long document costs no more than a walk through it.
        var span = unit.ToSource(0, unit.Text.Length);
        var all = document.Document.Sentences;
        var first = SortedSpans.CountBefore(all, span.Start);
        var sentences = SortedSpans.CountBefore(all, span.End) - first;
        if (unit.Scope == "doc" && sentences > 0)
        {
            // An element's blocks are read as one text, where a sentence ends only at its stop: a heading or an item
            // without one runs on into the next.
            sentences = Stopped(document.Document.Source.Text, all.AsSpan(first, sentences));
        }
        var variables = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["sentences"] = Math.Max(1, sentences),
            ["paragraphs"] = 0,
            ["list"] = 0,
            ["blockquote"] = 0,
            ["pre"] = 0,
        };
        for (var level = 1; level <= 6; level++)
        {
            variables[$"heading.h{level}"] = 0;
        }

        var headings = document.Units("heading").AsSpan();
        for (var i = SortedSpans.FirstAtOrAfter(headings, span.Start, static u => u.Start); i < headings.Length && headings[i].Start < span.End; i++)
        {
            variables[headings[i].Scope] = variables.GetValueOrDefault(headings[i].Scope) + 1;
        }

        return Count(unit.Text, Math.Max(1, sentences), variables);
    }

    /// <summary>How many sentences <paramref name="sentences"/> make when only a stop (., ! or ?, before any closing quotes or brackets) ends one.</summary>
    private static int Stopped(string source, ReadOnlySpan<TextSpan> sentences)
    {
        var count = 0;
        var open = false;
        foreach (var sentence in sentences)
        {
            var text = source.AsSpan(sentence.Start, sentence.Length).TrimEnd(" \t\r\n\"')]}*_\u201D\u2019");
            if (text.Length > 0 && text[^1] is '.' or '!' or '?')
            {
                count++;
                open = false;
            }
            else
            {
                open = true;
            }
        }

        return count + (open ? 1 : 0);
    }

    private static DocumentStatistics Compute(ValeDocument document)
    {
        var variables = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["paragraphs"] = document.Units("paragraph").Length,
            ["list"] = Groups(document.Document, BlockKind.ListItem),
            ["blockquote"] = Groups(document.Document, BlockKind.BlockQuote),
            ["pre"] = FencedCode().Count(document.Document.Source.Text) / 2.0,
        };
        for (var level = 1; level <= 6; level++)
        {
            variables[$"heading.h{level}"] = document.Units("heading").Count(u => u.Scope == $"heading.h{level}");
        }

        return Count(document.Units("summary")[0].Text, Math.Max(1, document.Document.Sentences.Length), variables);
    }

    /// <summary>The word counts of <paramref name="text"/>, with the other variables as given.</summary>
    private static DocumentStatistics Count(string text, int sentences, Dictionary<string, double> variables)
    {
        double words = 0, syllables = 0, characters = 0, complex = 0, longWords = 0, poly = 0;
        foreach (Match m in WordToken().Matches(text))
        {
            var word = m.Value;
            words++;
            characters += word.Count(char.IsLetterOrDigit);
            var count = CountSyllables(word);
            syllables += count;
            if (word.Length > 6)
            {
                longWords++;
            }

            if (count > 2)
            {
                poly++;
                if (!char.IsUpper(word[0]) && !ComplexSuffix().IsMatch(word))
                {
                    complex++;
                }
            }
        }

        variables["words"] = words;
        variables["sentences"] = sentences;
        variables["syllables"] = syllables;
        variables["characters"] = characters;
        variables["complex_words"] = complex;
        variables["long_words"] = longWords;
        variables["polysyllabic_words"] = poly;
        return new DocumentStatistics
        {
            Words = words,
            Sentences = sentences,
            Syllables = syllables,
            Characters = characters,
            ComplexWords = complex,
            LongWords = longWords,
            PolysyllabicWords = poly,
            Variables = variables,
        };
    }

    /// <summary>Runs of consecutive blocks of a kind: the lists or block quotes of a document.</summary>
    private static int Groups(Document document, BlockKind kind)
    {
        var groups = 0;
        var previous = false;
        foreach (var block in document.Blocks)
        {
            var current = block.Kind == kind;
            if (current && !previous)
            {
                groups++;
            }

            previous = current;
        }

        return groups;
    }

    /// <summary>The grade of one readability formula.</summary>
    public double Grade(string formula)
    {
        var w = Math.Max(1, Words);
        var s = Math.Max(1, Sentences);
        return formula switch
        {
            "Gunning Fog" => 0.4 * ((w / s) + (100 * (ComplexWords / w))),
            "Coleman-Liau" => (0.0588 * (Characters / w * 100)) - (0.296 * (s / w * 100)) - 15.8,
            "Flesch-Kincaid" => (0.39 * (w / s)) + (11.8 * (Syllables / w)) - 15.59,
            "SMOG" => (1.043 * Math.Sqrt(PolysyllabicWords * (30 / s))) + 3.1291,
            "Automated Readability" => (4.71 * (Characters / w)) + (0.5 * (w / s)) - 21.43,
            "Flesch Reading Ease" => 206.835 - (1.015 * (w / s)) - (84.6 * (Syllables / w)),
            "LIX" => (w / s) + (100 * LongWords / w),
            _ => double.NaN,
        };
    }

    /// <summary>English syllables by vowel groups, with the silent endings (-e, -es, -ed) and a few diphthongs corrected.</summary>
    public static int CountSyllables(string word)
    {
        var w = word.ToLowerInvariant().Where(char.IsLetter).ToArray();
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var text = new string(w);
        text = SilentEnding().Replace(text, "");
        text = text.TrimStart('y');
        var count = VowelGroup().Count(text);
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"(?:es|ed|ing)$")]
    private static partial Regex ComplexSuffix();

    [GeneratedRegex(@"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"^ {0,3}(?:```|~~~)", RegexOptions.Multiline)]
    private static partial Regex FencedCode();
}

/// <summary>A metric formula: numbers, variables, + - * /, parentheses, math.sqrt(x), math.abs(x).</summary>
public sealed class MetricFormula
{
    private readonly Func<IReadOnlyDictionary<string, double>, double> _evaluate;

    private MetricFormula(Func<IReadOnlyDictionary<string, double>, double> evaluate, ImmutableArray<string> checks)
    {
        _evaluate = evaluate;
        Checks = checks;
    }

    /// <summary>The rules whose findings the formula counts (<c>check["Style.Rule"]</c>), each the variable <see cref="CheckVariable"/> names.</summary>
    public ImmutableArray<string> Checks { get; }

    /// <summary>The variable that holds the number of findings of <paramref name="rule"/>.</summary>
    public static string CheckVariable(string rule) => "check:" + rule;

    public double Evaluate(IReadOnlyDictionary<string, double> variables) => _evaluate(variables);

    public static MetricFormula Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.Expression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"unexpected '{text[parser.Position..].Trim()}' in the formula");
        }

        return new MetricFormula(expression, [.. parser.Checks.Distinct(StringComparer.Ordinal)]);
    }

    private static readonly HashSet<string> Known =
    [
        "words", "sentences", "syllables", "characters", "complex_words", "long_words", "polysyllabic_words", "paragraphs", "list", "blockquote", "pre",
        "heading.h1", "heading.h2", "heading.h3", "heading.h4", "heading.h5", "heading.h6",
    ];

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public List<string> Checks { get; } = [];

        public bool AtEnd => Position >= text.Length;

        public void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private bool Take(char c)
        {
            SkipSpace();
            if (Position < text.Length && text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        public Func<IReadOnlyDictionary<string, double>, double> Expression()
        {
            var left = Term();
            while (true)
            {
                if (Take('+'))
                {
                    var (l, r) = (left, Term());
                    left = v => l(v) + r(v);
                }
                else if (Take('-'))
                {
                    var (l, r) = (left, Term());
                    left = v => l(v) - r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double> Term()
        {
            var left = Factor();
            while (true)
            {
                if (Take('*'))
                {
                    var (l, r) = (left, Factor());
                    left = v => l(v) * r(v);
                }
                else if (Take('/'))
                {
                    var (l, r) = (left, Factor());
                    left = v => l(v) / r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double> Factor()
        {
            SkipSpace();
            if (Take('-'))
            {
                var inner = Factor();
                return v => -inner(v);
            }

            if (Take('('))
            {
                var inner = Expression();
                if (!Take(')'))
                {
                    throw new FormatException("a '(' in the formula is not closed");
                }

                return inner;
            }

            var start = Position;
            if (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'))
            {
                while (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }

                var number = double.Parse(text[start..Position], System.Globalization.CultureInfo.InvariantCulture);
                return _ => number;
            }

            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '.'))
            {
                Position++;
            }

            var name = text[start..Position];
            if (name.Length == 0)
            {
                throw new FormatException($"expected a number or a variable at '{text[start..].Trim()}'");
            }

            if (name is "math.sqrt" or "math.abs")
            {
                if (!Take('('))
                {
                    throw new FormatException($"{name} needs '('");
                }

                var argument = Expression();
                if (!Take(')'))
                {
                    throw new FormatException($"{name}( is not closed");
                }

                return name == "math.sqrt" ? v => Math.Sqrt(argument(v)) : v => Math.Abs(argument(v));
            }

            if (name == "check" && Take('['))
            {
                // check["Style.Rule"]: the number of findings of that rule in the document.
                SkipSpace();
                var quote = Position < text.Length && text[Position] is '"' or '\'' ? text[Position] : '\0';
                var close = quote == '\0' ? -1 : text.IndexOf(quote, Position + 1);
                if (close < 0)
                {
                    throw new FormatException("check[ needs a quoted rule name: check[\"Style.Rule\"]");
                }

                var rule = text[(Position + 1)..close];
                Position = close + 1;
                if (!Take(']'))
                {
                    throw new FormatException($"check[\"{rule}\" is not closed");
                }

                Checks.Add(rule);
                var key = CheckVariable(rule);
                return v => v.TryGetValue(key, out var count) ? count : 0;
            }

            if (!Known.Contains(name))
            {
                throw new FormatException($"unknown variable '{name}'; the variables are {string.Join(", ", Known.Order(StringComparer.Ordinal))}");
            }

            return v => v.TryGetValue(name, out var value) ? value : 0;
        }
    }
}
